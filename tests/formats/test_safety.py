"""Hostile and broken files: refused with one sentence, cheaply, and never fetching anything."""

from __future__ import annotations

import io
import socket
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from readwise_desktop.formats.decoding import InputError
from readwise_desktop.formats.reader import read_article
from tests.formats import makers
from tests.formats.makers import HTML_PAGE, STORY

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<nitf><body><body.content><p>&lol9;</p></body.content></body></nitf>
"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE nitf [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<nitf><body><body.content><p>&secret;</p></body.content></body></nitf>
"""


def refused(path: Path) -> str:
    with pytest.raises(InputError) as err:
        read_article(path)
    message = str(err.value)
    assert "\n" not in message and message.startswith(str(path))
    return message


def test_billion_laughs_is_refused_using_little_memory(tmp_path: Path) -> None:
    path = makers.write(tmp_path, "laughs.xml", BILLION_LAUGHS)
    tracemalloc.start()
    message = refused(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "entities" in message and peak < 5_000_000


def test_external_entity_is_refused(tmp_path: Path) -> None:
    message = refused(makers.write(tmp_path, "story.nitf", EXTERNAL_ENTITY))
    assert "entities" in message


def zip_bomb(inner_name: str, extra: dict[str, str] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in (extra or {}).items():
            archive.writestr(name, text)
        archive.writestr(inner_name, b"\0" * 30_000_000)  # 30 MB of zeros: ~30 KB packed
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "inner", "extra"),
    [
        ("bomb.docx", "word/document.xml", {"[Content_Types].xml": "<Types/>"}),
        ("bomb.epub", "OEBPS/c0.xhtml", {"mimetype": "application/epub+zip"}),
    ],
)
def test_zip_bombs_are_refused_before_decompressing(
    tmp_path: Path, name: str, inner: str, extra: dict[str, str]
) -> None:
    path = makers.write(tmp_path, name, zip_bomb(inner, extra))
    tracemalloc.start()
    message = refused(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "zip bomb" in message and peak < 5_000_000


def test_size_limit(tmp_path: Path) -> None:
    path = makers.write(tmp_path, "big.txt", "word " * 5000)
    with pytest.raises(InputError, match=r"over the 0\.001 MB limit"):
        read_article(path, max_bytes=1000)


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("cut.pdf", makers.pdf_bytes(STORY)[:300], "damaged"),
        ("locked.pdf", makers.pdf_bytes(STORY, encrypted=True), "password"),
        ("cut.docx", makers.docx_bytes([("Normal", s) for s in STORY])[:2000], "damaged"),
        ("cut.epub", makers.epub_bytes(STORY)[:200], "damaged"),
        ("notreally.docx", b"plain words, not a zip file at all", "damaged"),
        ("notreally.pdf", b"%PDF-1.4 and then nothing useful", "damaged"),
        ("junk.bin", bytes(range(256)) * 40, "binary"),
        ("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "password-protected"),
        ("empty.txt", b"", "empty"),
        ("blank.html", b"   \n  ", "empty"),
        ("other.xml", b"<?xml version='1.0'?><catalog><book/></catalog>", "neither NITF"),
        ("broken.xml", b"<?xml version='1.0'?><nitf><body>", "not well-formed"),
        ("nothing.html", b"<html><body><script>x()</script></body></html>", "no article text"),
        ("plain.zip", makers.zip_bytes({"notes.txt": "hello"}), "neither a Word document"),
    ],
)
def test_broken_files_get_one_clear_sentence(
    tmp_path: Path, name: str, data: bytes, words: str
) -> None:
    assert words in refused(makers.write(tmp_path, name, data))


def test_html_never_fetches_anything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network disabled by test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for name, data in [
        ("page.html", HTML_PAGE.encode()),
        ("page.mhtml", makers.mhtml_bytes(HTML_PAGE)),
        ("page.webarchive", makers.webarchive_bytes(HTML_PAGE)),
    ]:
        assert STORY[0] in read_article(makers.write(tmp_path, name, data)).text
    assert attempts == []
