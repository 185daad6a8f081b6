"""One entry point: a path in, an :class:`Article` out, or one sentence saying why not."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

from readwise_desktop.formats import mail, markup, office, pdf, plain, wire
from readwise_desktop.formats.article import Article
from readwise_desktop.formats.decoding import DEFAULT_MAX_BYTES, InputError
from readwise_desktop.formats.safety import parse_xml, read_limited
from readwise_desktop.formats.sniff import FORMATS, SUFFIXES, detect_format

log = logging.getLogger(__name__)
Importer = Callable[[bytes, str], Article]


def _nitf(data: bytes, file: str) -> Article:
    return wire.nitf_article(parse_xml(data, "NITF file"), "NITF", file)


def _newsml(data: bytes, file: str) -> Article:
    return wire.newsml_article(parse_xml(data, "NewsML-G2 file"), file)


def _html(data: bytes, file: str) -> Article:
    return markup.html_article(markup.decode_html(data), "HTML page", file)


def _xml(data: bytes, file: str) -> Article:
    parse_xml(data, "XML file")  # refuses entities and malformed XML first
    raise InputError("this XML file is neither NITF nor NewsML-G2 nor XHTML, so it has no article")


def _zip(data: bytes, file: str) -> Article:
    raise InputError("this zip archive is neither a Word document nor an EPUB book")


def _ole(data: bytes, file: str) -> Article:
    raise InputError(
        "this is a password-protected Office file or an old Word 97-2003 .doc; "
        "save it as .docx without a password and open that"
    )


IMPORTERS: dict[str, Importer] = {
    "ole": _ole,
    "pdf": pdf.pdf_article,
    "docx": office.docx_article,
    "epub": office.epub_article,
    "webarchive": mail.webarchive_article,
    "mhtml": mail.mhtml_article,
    "eml": mail.eml_article,
    "nitf": _nitf,
    "newsml": _newsml,
    "html": _html,
    "xml": _xml,
    "zip": _zip,
    "anpa": plain.anpa_article,
    "markdown": plain.markdown_article,
    "text": plain.text_article,
}
BY_SUFFIX = {".docx": "docx", ".epub": "epub", ".pdf": "pdf", ".webarchive": "webarchive"}


def read_article(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """The article in ``path``; :class:`InputError` (one sentence, with the path) otherwise."""
    p = Path(path)
    data = read_limited(p, max_bytes)
    kind = detect_format(data, p.suffix)
    if kind in ("zip", "text") and p.suffix.lower() in BY_SUFFIX:
        kind = BY_SUFFIX[p.suffix.lower()]  # a damaged .docx is reported as a damaged .docx
    try:
        return IMPORTERS[kind](data, str(p))
    except InputError as err:
        raise InputError(f"{p}: {err}") from err
    except RecursionError as err:
        raise InputError(f"{p}: the {FORMATS[kind]} is nested too deeply to read") from err
    except Exception as err:  # a library's own error on a malformed file
        log.info("importer %s failed on %s", kind, p, exc_info=True)
        raise InputError(f"{p}: the {FORMATS[kind]} is damaged and cannot be read") from err


def readable_files(paths: list[str]) -> Iterator[Path]:
    """Files named, and the files with a known suffix in folders named (recursively, sorted)."""
    for name in paths:
        p = Path(name)
        if p.is_dir():
            yield from sorted(
                f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
            )
        else:
            yield p


def file_filter() -> str:
    """The Open dialog's filter for every format."""
    patterns = " ".join(f"*{s}" for s in SUFFIXES)
    return f"Articles ({patterns});;All files (*)"
