"""Issue 19: nothing that is not a regular file is opened; every count and inflation is capped."""

from __future__ import annotations

import io
import os
import struct
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from readwise_desktop.formats.decoding import InputError
from readwise_desktop.formats.reader import read_article
from tests.formats import makers
from tests.formats.makers import STORY

MEMORY = 120_000_000  # far under the 1 GB the whole process may use


def refused_cheaply(path: Path) -> str:
    tracemalloc.start()
    try:
        with pytest.raises(InputError) as err:
            read_article(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    message = str(err.value)
    assert "\n" not in message and message.startswith(str(path)) and peak < MEMORY, peak
    return message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)
    assert refused_cheaply(fifo) == f"{fifo}: is a named pipe (FIFO), not a file"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_dev_zero_is_refused_before_reading() -> None:
    assert refused_cheaply(Path("/dev/zero")) == "/dev/zero: is a device, not a file"


def test_a_symlink_loop_is_named(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    assert refused_cheaply(tmp_path / "a").endswith("is a loop of symbolic links, not a file")


def _lying_docx() -> bytes:
    """A DOCX whose directory says document.xml is 1,000 bytes; it inflates to 30 MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * 30_000_000)
    data = bytearray(buffer.getvalue())
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(signature, data.find(b"word/document.xml") - 60)
        while at >= 0:
            if b"word/document.xml" in data[at : at + 80]:
                data[at + offset : at + offset + 4] = struct.pack("<I", 1000)
            at = data.find(signature, at + 4)
    return bytes(data)


def _flate_pdf() -> bytes:
    packed = zlib.compress(b"\0" * 300_000_000, 9)
    head = f"%PDF-1.4\n1 0 obj\n<< /Length {len(packed)} /Filter /FlateDecode >>\nstream\n"
    return (
        head.encode()
        + packed + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )  # fmt: skip


BOMBS: dict[str, Callable[[], bytes]] = {
    "lying.docx": _lying_docx,
    "spine.epub": lambda: _rezip_spine(20_000),
    "subject.eml": lambda: makers.eml_bytes(STORY[0], subject="x" * 1_000_000),
    "parts.eml": lambda: (
        b"Subject: x\nContent-Type: multipart/mixed; boundary=b\n\n"
        + b"--b\nContent-Type: text/plain\n\nx\n" * 5000
    ),
    "flate.pdf": _flate_pdf,
    "attributes.html": lambda: (
        b"<html><body><p "
        + b" ".join(b'a%d="1"' % i for i in range(200_000))
        + b">x</p></body></html>"
    ),
}


def _rezip_spine(count: int) -> bytes:
    """An EPUB whose spine lists its one chapter ``count`` times."""
    source = zipfile.ZipFile(io.BytesIO(makers.epub_bytes(["One chapter."])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith(".opf"):
                data = data.replace(b'<itemref idref="c0"/>', b'<itemref idref="c0"/>' * count)
            archive.writestr(info, data)
    return buffer.getvalue()


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_small_files_that_would_allocate_gigabytes_are_refused(tmp_path: Path, name: str) -> None:
    message = refused_cheaply(makers.write(tmp_path, name, BOMBS[name]()))
    assert any(w in message for w in ("refused", "damaged", "more than")), message


def test_a_spine_listing_a_chapter_twice_reads_it_once(tmp_path: Path) -> None:
    article = read_article(makers.write(tmp_path, "twice.epub", _rezip_spine(2)))
    assert article.text.count("One chapter.") == 1
