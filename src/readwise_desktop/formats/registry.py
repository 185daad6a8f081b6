"""Every format the reader knows, one row each: its name, its label, its suffixes, its importer.

Adding a format means adding one row here (and teaching :func:`~.sniff.detect_format` its bytes).
An importer is named as ``"module:function"`` inside this package and imported on first use, so
reading a plain-text file never loads the libraries that PDFs, Word documents or web pages need.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import cast

from readwise_desktop.formats.article import Article

Importer = Callable[[bytes, str], Article]
ManyImporter = Callable[[bytes, str], list[Article]]
PACKAGE = "readwise_desktop.formats"
# What detect_format says when the bytes name no format: there a suffix may still decide.
UNPLACED = frozenset({"zip", "text"})


@dataclass(frozen=True, slots=True)
class FileFormat:
    """One format: ``name`` is what detect_format returns, ``label`` what messages call it."""

    name: str
    label: str
    suffixes: tuple[str, ...]
    importer: str  # "module:function" in readwise_desktop.formats, imported when first read
    suffix_decides: bool = False  # a file with this suffix whose bytes are unplaced is one of these
    many: str | None = None  # "module:function" reading every article of a file that holds several

    def read(self, data: bytes, file: str) -> Article:
        """The article in ``data`` (the first, in a file of several), by this format's importer."""
        return load_importer(self.importer)(data, file)

    def read_all(self, data: bytes, file: str) -> list[Article]:
        """Every article in ``data``: one, unless the format holds several (mailbox, feed)."""
        if self.many is None:
            return [self.read(data, file)]
        return cast(ManyImporter, load_importer(self.many))(data, file)


# Row order gives the order of READABLE_SUFFIXES, and so of the Open dialog's filter.
FILE_FORMATS: tuple[FileFormat, ...] = (
    FileFormat("text", "plain text", (".txt", ".text"), "plain:text_article"),
    FileFormat("markdown", "Markdown", (".md", ".markdown"), "plain:markdown_article"),
    FileFormat("html", "HTML page", (".html", ".htm", ".xhtml"), "markup:html_page_article"),
    FileFormat("mhtml", "MHTML web archive", (".mht", ".mhtml"), "archives:mhtml_article"),
    FileFormat(
        "webarchive",
        "Safari web archive",
        (".webarchive",),
        "archives:webarchive_article",
        suffix_decides=True,
    ),
    FileFormat("eml", "e-mail", (".eml",), "mail:eml_article", suffix_decides=True),
    FileFormat("xml", "XML", (".xml",), "refusals:other_xml"),
    FileFormat("nitf", "NITF", (".nitf",), "wire:nitf_file_article"),
    FileFormat("docx", "Word document", (".docx",), "office:docx_article", suffix_decides=True),
    FileFormat("pdf", "PDF", (".pdf",), "pdf:pdf_article", suffix_decides=True),
    FileFormat("epub", "EPUB book", (".epub",), "office:epub_article", suffix_decides=True),
    FileFormat("anpa", "ANPA-1312 / IPTC 7901 wire text", (".anpa",), "wiretext:anpa_article"),
    FileFormat("newsml", "NewsML-G2", (), "wire:newsml_file_article"),
    FileFormat("zip", "zip archive", (), "refusals:other_zip"),
    FileFormat("ole", "Office file", (), "refusals:ole_file"),
    FileFormat(
        "mbox", "mailbox", (".mbox", ".mbx"), "mail:mbox_article", many="mail:mbox_articles"
    ),
    FileFormat("msg", "Outlook message", (".msg",), "mail:msg_article", suffix_decides=True),
    FileFormat("rtf", "RTF document", (".rtf",), "rtf:rtf_article", suffix_decides=True),
    FileFormat("odt", "OpenDocument text", (".odt",), "opendoc:odt_article", suffix_decides=True),
    FileFormat(
        "feed", "news feed", (".rss", ".atom"), "feeds:feed_article", many="feeds:feed_articles"
    ),
    FileFormat(
        "jsonfeed", "JSON Feed", (), "feeds:json_feed_article", many="feeds:json_feed_articles"
    ),
    FileFormat("zipped_html", "zipped web page", (), "archives:zipped_html_article"),
    FileFormat("newsml1", "NewsML 1.2", (), "wire:newsml1_file_article"),
    FileFormat("weblink", "web link", (".url", ".webloc"), "refusals:web_link"),
)
FORMAT_BY_NAME = {row.name: row for row in FILE_FORMATS}
FORMAT_BY_SUFFIX = {suffix: row for row in FILE_FORMATS for suffix in row.suffixes}
READABLE_SUFFIXES = tuple(FORMAT_BY_SUFFIX)


def format_named(name: str) -> FileFormat:
    """The row called ``name``; KeyError for a name no row has."""
    return FORMAT_BY_NAME[name]


def format_for(detected: str, suffix: str) -> FileFormat:
    """The row to read a file with: what its bytes say, unless they place it nowhere.

    Bytes that are only "some zip" or "some text" defer to a suffix that decides, so a damaged
    .docx is reported as a damaged Word document rather than as plain text.
    """
    by_suffix = FORMAT_BY_SUFFIX.get(suffix.lower())
    if detected in UNPLACED and by_suffix is not None and by_suffix.suffix_decides:
        return by_suffix
    return format_named(detected)


@cache
def load_importer(importer: str) -> Importer:
    """The function ``"module:function"`` names, its module imported now if not yet."""
    module, _, function = importer.partition(":")
    return cast(Importer, getattr(importlib.import_module(f"{PACKAGE}.{module}"), function))
