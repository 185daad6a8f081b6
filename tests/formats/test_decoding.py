from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from readwise_desktop.formats.decoding import InputError, decode_bytes, read_text_file

TEXT = "Officials said the café’s owner “may” return — reportedly.\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8 (BOM)"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_common_encodings_decode_to_the_same_text(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.text.lstrip("\ufeff") == TEXT and decoded.encoding == encoding


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (bytes(range(256)) * 4, "binary"),
        (b"\x7fELF\x02\x01\x01\x00" + b"\x00\x01" * 200, "binary"),
        (b"caf\xe9 \x81\x8d\x8f", "encoding"),
    ],
)
def test_bad_bytes_get_one_clear_sentence(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        decode_bytes(data)
    assert "\n" not in str(caught.value)


def test_files_missing_folders_and_size_limit(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_text_file(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="folder"):
        read_text_file(tmp_path)
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000, encoding="utf-8")
    with pytest.raises(InputError, match="over the"):
        read_text_file(big, max_bytes=1000)
    assert read_text_file(big).text.startswith("word")
