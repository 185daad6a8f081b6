"""Files that are recognised only to say, in one sentence, why they hold no article."""

from __future__ import annotations

import regex

from readwise_desktop.formats.article import Article
from readwise_desktop.formats.decoding import InputError
from readwise_desktop.formats.safety import parse_xml

PLIST_URL = regex.compile(r"<key>URL</key>\s*<string>([^<]+)</string>")
LINK = regex.compile(r"(?:https?|ftp)://[^\s<>\"\x00-\x1f]+")


def other_xml(data: bytes, file: str) -> Article:
    """XML that is neither NITF nor NewsML-G2 nor XHTML (unsafe or malformed XML says so first)."""
    parse_xml(data, "XML file")
    raise InputError("this XML file is neither NITF nor NewsML-G2 nor XHTML, so it has no article")


def other_zip(data: bytes, file: str) -> Article:
    """A zip archive that is neither a Word document nor an EPUB book."""
    raise InputError("this zip archive is neither a Word document nor an EPUB book")


def ole_file(data: bytes, file: str) -> Article:
    """An OLE compound file: a password-protected Office file or an old Word .doc."""
    raise InputError(
        "this is a password-protected Office file or an old Word 97-2003 .doc; "
        "save it as .docx without a password and open that"
    )


def web_link(data: bytes, file: str) -> Article:
    """A saved link (.url, .webloc, or a text file holding only an address), not a page."""
    text = data[:8192].decode("latin-1")
    found = PLIST_URL.search(text) or LINK.search(regex.sub(r"<!DOCTYPE[^>]*>", "", text))
    where = f" ({found[1] if found.groups() else found[0]})" if found else ""
    raise InputError(
        f"this is a link to a web page{where}, not the page, and the app is offline: "
        "open the page in a browser, save it as HTML and open that"
    )
