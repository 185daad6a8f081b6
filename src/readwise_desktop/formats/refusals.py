"""Files that are recognised only to say, in one sentence, why they hold no article."""

from __future__ import annotations

from readwise_desktop.formats.article import Article
from readwise_desktop.formats.decoding import InputError
from readwise_desktop.formats.safety import parse_xml


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
