"""The format registry: one row per format, every row reachable, read and lazily imported."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from readwise_desktop.formats import sniff
from readwise_desktop.formats.decoding import InputError
from readwise_desktop.formats.reader import file_filter, read_article
from readwise_desktop.formats.registry import (
    FILE_FORMATS,
    FORMAT_BY_NAME,
    FileFormat,
    format_for,
    format_named,
    load_importer,
)
from readwise_desktop.formats.sniff import detect_format
from tests.formats import makers, office_makers
from tests.formats.makers import HTML_PAGE, STORY
from tests.locations import FIXTURES as FIXTURE_ROOT

FIXTURES = FIXTURE_ROOT / "formats"
STORY_TEXT = "\n\n".join(STORY)
ARTICLES: dict[str, Callable[[Path], Path]] = {
    "text": lambda tmp: makers.write(tmp, "story.txt", STORY_TEXT),
    "markdown": lambda tmp: FIXTURES / "harbour.md",
    "html": lambda tmp: makers.write(tmp, "page.html", HTML_PAGE),
    "mhtml": lambda tmp: makers.write(tmp, "page.mhtml", makers.mhtml_bytes(HTML_PAGE)),
    "webarchive": lambda tmp: makers.write(tmp, "a.webarchive", makers.webarchive_bytes(HTML_PAGE)),
    "eml": lambda tmp: makers.write(tmp, "mail.eml", makers.eml_bytes(STORY_TEXT)),
    "nitf": lambda tmp: FIXTURES / "harbour.nitf.xml",
    "newsml": lambda tmp: FIXTURES / "harbour.newsml.xml",
    "docx": lambda tmp: makers.write(
        tmp, "story.docx", makers.docx_bytes([("Normal", s) for s in STORY])
    ),
    "pdf": lambda tmp: makers.write(tmp, "story.pdf", makers.pdf_bytes(STORY)),
    "epub": lambda tmp: makers.write(tmp, "book.epub", makers.epub_bytes(STORY)),
    "anpa": lambda tmp: makers.write(tmp, "wire.anpa", makers.ap_wire_bytes()),
    "mbox": lambda tmp: makers.write(tmp, "inbox.mbox", makers.mbox_bytes()),
    "msg": lambda tmp: makers.write(
        tmp, "story.msg", office_makers.msg_bytes("Strike", "\r\n\r\n".join(STORY))
    ),
    "rtf": lambda tmp: makers.write(tmp, "story.rtf", makers.RTF),
    "odt": lambda tmp: makers.write(tmp, "story.odt", office_makers.odt_bytes()),
    "feed": lambda tmp: makers.write(tmp, "news.rss", makers.RSS),
    "jsonfeed": lambda tmp: makers.write(tmp, "feed.json", makers.JSON_FEED),
    "zipped_html": lambda tmp: makers.write(tmp, "DockStrike.zip", makers.zipped_html_bytes()),
    "newsml1": lambda tmp: FIXTURES / "harbour.newsml1.xml",
}
REFUSALS: dict[str, tuple[str, bytes, str]] = {
    "xml": (
        "other.xml",
        b"<?xml version='1.0'?><catalog><book/></catalog>",
        "this XML file is neither NITF nor NewsML-G2 nor XHTML, so it has no article",
    ),
    "zip": (
        "notes.zip",
        makers.zip_bytes({"notes.txt": "hello"}),
        "this zip archive is neither a Word document nor an EPUB book",
    ),
    "ole": (
        "old.doc",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
        "this is a password-protected Office file or an old Word 97-2003 .doc; "
        "save it as .docx without a password and open that",
    ),
    "weblink": (
        "strike.url",
        makers.URL_SHORTCUT.encode(),
        "this is a link to a web page (https://example.invalid/strike), not the page, and the "
        "app is offline: open the page in a browser, save it as HTML and open that",
    ),
}
HEAVY_LIBRARIES = (
    "trafilatura", "docx", "pypdfium2", "lxml", "readability", "markdown_it", "olefile",
    "charset_normalizer",
)  # fmt: skip


def test_row_names_are_unique() -> None:
    names = [row.name for row in FILE_FORMATS]
    assert len(names) == len(set(names)) == len(FORMAT_BY_NAME)


def test_every_suffix_belongs_to_exactly_one_row() -> None:
    counts = Counter(suffix for row in FILE_FORMATS for suffix in row.suffixes)
    assert [s for s, n in counts.items() if n > 1] == []
    assert all(s.startswith(".") and s == s.lower() for s in counts)


def test_every_row_is_either_read_or_refused_by_a_test_file() -> None:
    assert set(ARTICLES) | set(REFUSALS) == set(FORMAT_BY_NAME)
    assert not set(ARTICLES) & set(REFUSALS)


def test_every_verdict_of_detect_format_is_a_row() -> None:
    tree = ast.parse(Path(sniff.__file__).read_text(encoding="utf-8"))
    verdicts = {
        node.value.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Return)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    }
    assert verdicts and verdicts <= set(FORMAT_BY_NAME)


@pytest.mark.parametrize("row", FILE_FORMATS, ids=[row.name for row in FILE_FORMATS])
def test_every_importer_can_be_imported(row: FileFormat) -> None:
    assert callable(load_importer(row.importer))


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_every_article_format_has_a_file_it_reads(tmp_path: Path, name: str) -> None:
    path = ARTICLES[name](tmp_path)
    assert detect_format(path.read_bytes(), path.suffix) == name
    article = read_article(path)
    assert article.text.strip() and article.format.startswith(format_named(name).label)


@pytest.mark.parametrize("name", sorted(REFUSALS))
def test_refusing_rows_say_why_in_one_sentence(tmp_path: Path, name: str) -> None:
    file_name, data, sentence = REFUSALS[name]
    path = makers.write(tmp_path, file_name, data)
    assert detect_format(data, path.suffix) == name
    with pytest.raises(InputError) as err:
        read_article(path)
    assert str(err.value) == f"{path}: {sentence}"


@pytest.mark.parametrize(
    ("detected", "suffix", "read_as"),
    [
        ("text", ".DOCX", "docx"),
        ("zip", ".epub", "epub"),
        ("text", ".pdf", "pdf"),
        ("text", ".webarchive", "webarchive"),
        ("zip", ".txt", "zip"),
        ("text", ".html", "text"),
        ("html", ".pdf", "html"),
        ("text", ".unknown", "text"),
        ("text", ".eml", "eml"),
        ("zip", ".odt", "odt"),
        ("text", ".msg", "msg"),
    ],
)
def test_the_suffix_decides_only_when_the_bytes_place_the_file_nowhere(
    detected: str, suffix: str, read_as: str
) -> None:
    assert format_for(detected, suffix).name == read_as


def test_a_damaged_docx_is_reported_as_a_damaged_word_document(tmp_path: Path) -> None:
    path = makers.write(tmp_path, "notreally.docx", b"plain words, not a zip file at all")
    with pytest.raises(InputError, match="Word document"):
        read_article(path)


def test_the_open_dialog_lists_the_suffixes_in_registry_order() -> None:
    assert file_filter() == (
        "Articles (*.txt *.text *.md *.markdown *.html *.htm *.xhtml *.mht *.mhtml *.webarchive"
        " *.eml *.xml *.nitf *.docx *.pdf *.epub *.anpa *.mbox *.mbx *.msg *.rtf *.odt *.rss"
        " *.atom *.url *.webloc);;All files (*)"
    )


def test_reading_plain_text_imports_no_document_library(tmp_path: Path) -> None:
    """A fresh interpreter reads a .txt without loading the PDF, Word or web-page libraries."""
    path = makers.write(tmp_path, "story.txt", STORY_TEXT)
    code = (
        "import sys\n"
        "from readwise_desktop.formats.reader import read_article\n"
        "assert read_article(sys.argv[1]).text\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    loaded = set(result.stdout.split())
    assert "readwise_desktop" in loaded
    assert [name for name in HEAVY_LIBRARIES if name in loaded] == []
