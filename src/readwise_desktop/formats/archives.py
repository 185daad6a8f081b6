"""Saved web pages in one file: MHTML (Chrome, Edge), Safari's .webarchive, a zipped HTML export
(Google Docs' "Web page (.html, zipped)").

A page part often declares no charset (Chrome writes none): its bytes are then decoded as the
page's own ``<meta charset>`` says, else by detection, never by replacing every non-ASCII letter.
"""

from __future__ import annotations

import plistlib
import posixpath

from readwise_desktop.formats.article import Article
from readwise_desktop.formats.decoding import InputError
from readwise_desktop.formats.mail import message_of
from readwise_desktop.formats.markup import decode_html, html_article
from readwise_desktop.formats.safety import open_zip, read_member


def mhtml_article(data: bytes, file: str | None = None) -> Article:
    """The first HTML part of the archive, decoded by its charset, its meta charset or detection."""
    message = message_of(data, "MHTML archive")
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        charset = part.get_content_charset()
        html = _decoded(payload, charset)
        return html_article(html, "MHTML web archive", file)
    raise InputError("the MHTML archive holds no HTML page")


def _decoded(payload: bytes, charset: str | None) -> str:
    if charset:
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_html(payload)


def webarchive_article(data: bytes, file: str | None = None) -> Article:
    try:
        archive = plistlib.loads(data)
        main = archive["WebMainResource"]
        html_bytes = main["WebResourceData"]
    except (plistlib.InvalidFileException, KeyError, TypeError, ValueError) as err:
        raise InputError("the web archive is damaged or not a Safari .webarchive") from err
    encoding = main.get("WebResourceTextEncodingName") or ""
    return html_article(_decoded(html_bytes, encoding or None), "Safari web archive", file)


def zipped_html_article(data: bytes, file: str | None = None) -> Article:
    """A zip holding one web page (and its images), as Google Docs exports a document."""
    what = "zipped web page"
    with open_zip(data, what) as archive:
        pages = [n for n in archive.namelist() if n.lower().endswith((".html", ".htm", ".xhtml"))]
        if not pages:
            raise InputError("this zip archive holds no web page")
        pages.sort(key=lambda n: (n.count("/"), posixpath.basename(n) != "index.html", n))
        html = decode_html(read_member(archive, pages[0], what))
    return html_article(html, "zipped web page", file)
