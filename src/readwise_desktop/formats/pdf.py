"""PDF text with pypdfium2: page by page, ligatures undone (NFKC), hyphenation across line ends
removed, and lines joined into paragraphs."""

from __future__ import annotations

import statistics
import unicodedata

import pypdfium2 as pdfium
import regex

from readwise_desktop.formats.article import Article, compose
from readwise_desktop.formats.decoding import InputError

HYPHENATED = regex.compile(r"(\p{Ll})[-\u00ad]\n(\p{Ll})")
CONTROLS = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
SENTENCE_END = tuple('.!?:"”’)')


def pdf_article(data: bytes, file: str | None = None) -> Article:
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        reason = str(err).lower()
        if "password" in reason:
            raise InputError(
                "the PDF is encrypted with a password; open it and save a copy"
            ) from err
        raise InputError("the PDF is damaged or not a PDF (it cannot be opened)") from err
    try:
        pages = [_page_text(document[i]) for i in range(len(document))]
        title = (document.get_metadata_dict().get("Title") or "").strip() or None
        author = (document.get_metadata_dict().get("Author") or "").strip() or None
    except pdfium.PdfiumError as err:
        raise InputError("the PDF is damaged (a page cannot be read)") from err
    finally:
        document.close()
    paragraphs = [p for page in pages for p in page_paragraphs(page)]
    if not paragraphs:
        raise InputError("the PDF has no text (a scan without a text layer?)")
    return compose(paragraphs, "PDF", title=title, byline=author, file=file)


def _page_text(page: pdfium.PdfPage) -> str:
    textpage = page.get_textpage()
    try:
        return str(textpage.get_text_bounded())
    finally:
        textpage.close()
        page.close()


def page_paragraphs(text: str) -> list[str]:
    """Paragraphs of one page: blank lines split them, and so does a short line that ends a
    sentence; other line ends are spaces, and a word hyphenated across lines is joined."""
    text = unicodedata.normalize("NFKC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\x02", "")  # PDFium's mark of a hyphen it removed at a line end
    text = CONTROLS.sub("", text)
    text = HYPHENATED.sub(r"\1\2", text)
    lines = [line.strip() for line in text.split("\n")]
    widths = [len(line) for line in lines if line]
    if not widths:
        return []
    full = statistics.median(widths)
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        current.append(line)
        if line.endswith(SENTENCE_END) and len(line) < 0.8 * full:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs
