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
MAIL_HEADERS = regex.compile(
    rb"^(from|to|subject|date|received|return-path|mime-version|message-id):", regex.I | regex.M
)
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
        return "webarchive"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    if _looks_like_anpa(data):
        return "anpa"
    text_head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if MAIL_HEADERS.match(text_head):
        lowered = head.lower()
        if b"multipart/related" in lowered or suffix in (".mht", ".mhtml"):
            return "mhtml"
        return "eml"
    if HTML_START.match(text_head):
        return "html"
    if text_head.startswith(b"<?xml") or (
        text_head.startswith(b"<") and suffix in (".xml", ".nitf")
    ):
        return _xml_kind(text_head)
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    return "text"


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
    if root.lower() == "html":
        return "html"
    return "xml"


def _zip_kind(data: bytes) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile:
        return "zip"
    if "word/document.xml" in names:
        return "docx"
    if "META-INF/container.xml" in names or "mimetype" in names:
        return "epub"
    return "zip"
