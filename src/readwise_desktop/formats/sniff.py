"""Which format a file is, from its content first and its name second.

An .xml file may be NITF, NewsML-G2 or neither; an HTML page may be saved as .txt; a .docx and an
.epub are both zip files. The bytes decide; the suffix only breaks ties (Markdown, plain text).
Each verdict is the name of a row of :mod:`.registry`, which also lets a .docx, .epub, .pdf or
.webarchive whose bytes are damaged be reported as one.
"""

from __future__ import annotations

import io
import zipfile

import regex

XML_ROOT = regex.compile(rb"<(?:[\w.-]+:)?([\w.-]+)[\s>/]")
HTML_START = regex.compile(
    rb"^\s*(<!--.*?-->\s*)*(<!doctype\s+html|<html|<head|<body)", regex.I | regex.S
)
HEADER_FIELD = regex.compile(rb"^[!-9;-~]+:[ \t]?")
MAIL_HEADERS = regex.compile(
    rb"^(from|to|cc|subject|date|received|return-path|mime-version|message-id|delivered-to|"
    rb"reply-to|sender|content-type|dkim-signature|arc-[\w-]+|authentication-results|"
    rb"x-[\w-]+):",
    regex.I | regex.M,
)
MBOX_LINE = regex.compile(rb"^From \S+ [^\n]*\d{4}\s*$", regex.M)
URL_ONLY = regex.compile(rb"^\s*<?(?:https?|ftp)://\S+>?\s*$")
WIRE_SERVICE_LINE = regex.compile(rb"^[a-z]{3}\d{4}\s+\d\s+[a-z]{2,3}\s+\d+", regex.M)
ANPA_CODES = regex.compile(rb"^\^[^\n]*<\s*$|^\^?BC-[^\n]*,\d+<?\s*$", regex.M)
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown"})


def detect_format(data: bytes, suffix: str = "") -> str:
    """The name of the registry row the bytes belong to; the suffix only breaks ties."""
    head = data[:4096]
    suffix = suffix.lower()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if head.startswith(b"bplist00"):
        return "webarchive" if b"WebMainResource" in data else "weblink"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "msg" if "__substg1.0_".encode("utf-16-le") in data else "ole"
    if _looks_like_anpa(data):
        return "anpa"
    text_head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text_head.startswith(b"{\\rtf"):
        return "rtf"
    return _text_kind(text_head, suffix)


def _text_kind(text_head: bytes, suffix: str) -> str:
    """Formats told apart by their first lines: mail, pages, XML, feeds, links, wire text."""
    if MBOX_LINE.match(text_head):
        return "eml" if suffix == ".eml" else "mbox"
    if suffix not in MARKDOWN_SUFFIXES and _mail_headers(text_head):
        if b"multipart/related" in text_head.lower() or suffix in (".mht", ".mhtml"):
            return "mhtml"
        return "eml"
    if HTML_START.match(text_head):
        return "html"
    if text_head.startswith(b"<?xml") or (
        text_head.startswith(b"<") and suffix in (".xml", ".nitf", ".rss", ".atom", ".webloc")
    ):
        return _xml_kind(text_head)
    if text_head.startswith(b"{") and b"jsonfeed.org/version" in text_head:
        return "jsonfeed"
    if text_head.startswith(b"[InternetShortcut]") or URL_ONLY.match(text_head):
        return "weblink"
    if WIRE_SERVICE_LINE.match(text_head) or len(ANPA_CODES.findall(text_head)) >= 2:
        return "anpa"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    return "text"


def _mail_headers(head: bytes) -> bool:
    """The file opens with a block of RFC 5322 header fields, one of them a mail header."""
    block = regex.split(rb"\r?\n\r?\n", head, maxsplit=1)[0]
    fields = [line for line in block.splitlines() if line and line[:1] not in (b" ", b"\t")]
    return (
        bool(fields)
        and all(HEADER_FIELD.match(f) for f in fields[:3])
        and bool(MAIL_HEADERS.search(block))
    )


WIRE_CONTROLS = frozenset(b"\x01\x02\x03\x04\x16\x1e\x1f\r\n\t")


def _looks_like_anpa(data: bytes) -> bool:
    """SOH or STX framing around text that is otherwise printable (not binary junk)."""
    head = data[:4096]
    framed = head.startswith(b"\x01") or (b"\x02" in head[:512] and b"\x03" in data[-2048:])
    if not framed or b"\x00" in head:
        return False
    printable = sum(1 for b in head if 0x20 <= b < 0x7F or b >= 0xA0 or b in WIRE_CONTROLS)
    return printable >= 0.97 * len(head)


def _xml_kind(head: bytes) -> str:
    body = regex.sub(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", b"", head, flags=regex.S)
    match = XML_ROOT.search(body)
    root = match.group(1).decode("ascii", "replace") if match else ""
    if root == "nitf":
        return "nitf"
    if root in ("newsMessage", "newsItem", "packageItem"):
        return "newsml"
    if root == "NewsML":
        return "newsml1"
    if root in ("rss", "feed", "RDF"):
        return "feed"
    if root == "plist":
        return "webarchive" if b"WebMainResource" in head else "weblink"
    if root.lower() == "html":
        return "html"
    return "xml"


def _zip_kind(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        mimetype = _small_member(archive, "mimetype")
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        return "zip"
    if "word/document.xml" in names:
        return "docx"
    if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
        return "odt"
    if "META-INF/container.xml" in names or mimetype == b"application/epub+zip":
        return "epub"
    if any(n.lower().endswith((".html", ".htm", ".xhtml")) for n in names):
        return "zipped_html"
    return "zip"


def _small_member(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return b""
    return archive.read(info).strip() if info.file_size < 200 else b""
