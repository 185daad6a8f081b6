"""PDF text with pypdfium2, laid out from each character's position and type size.

* Lines are PDFium's; a paragraph ends at a wider gap than the page's usual line spacing, at a
  first-line indent, at a change of type size, or after a short line that ends a sentence.
* The headline is the largest type on page 1 (metadata titles are mostly junk: "i_heart_word").
* Page numbers, and running heads and footers (the same line at the top or bottom of several
  pages), are not text.
* Ligatures are undone and accents composed (NFC, not NFKC: "protégé" stays whole); a word
  hyphenated across a line end is joined.
* Every Flate stream is inflated once, with a cap, before PDFium sees the file (bombs refused).
"""

from __future__ import annotations

import statistics
import unicodedata

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import regex

from readwise_desktop.formats.article import Article, compose
from readwise_desktop.formats.bylines import plausible_byline, plausible_title, split_byline
from readwise_desktop.formats.decoding import InputError
from readwise_desktop.formats.pdflayout import Line, check_streams, page_lines, paragraphs_of

__all__ = ["page_paragraphs", "pdf_article"]

HYPHENATED = regex.compile(r"(\p{Ll})[-\u00ad]\n(\p{Ll})")
CONTROLS = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
SENTENCE_END = tuple('.!?:"”’)')
LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
             "\ufb05": "st", "\ufb06": "st"}  # fmt: skip
SPACING_ACCENTS = {
    "\u00b4": "\u0301", "`": "\u0300", "\u00a8": "\u0308", "\u02c6": "\u0302",
    "\u02dc": "\u0303", "\u00b8": "\u0327", "\u02c7": "\u030c", "\u02da": "\u030a",
}  # fmt: skip
VOWELS = frozenset("aeiouyAEIOUY")
MAX_PAGES = 2_000


def pdf_article(data: bytes, file: str | None = None) -> Article:
    """Headline (largest type on page 1), body paragraphs, no page furniture."""
    check_streams(data)
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        if "password" in str(err).lower():
            raise InputError(
                "the PDF is encrypted with a password; open it and save a copy"
            ) from err
        raise InputError("the PDF is damaged or not a PDF (it cannot be opened)") from err
    try:
        if len(document) > MAX_PAGES:
            raise InputError(f"the PDF has {len(document):,} pages, more than an article has")
        pages = [_lines(document[i]) for i in range(len(document))]
        meta = document.get_metadata_dict()
    except pdfium.PdfiumError as err:
        raise InputError("the PDF is damaged (a page cannot be read)") from err
    finally:
        document.close()
    title, paragraphs = paragraphs_of(pages)
    paragraphs = [p for p in (normalised(x) for x in paragraphs) if p]
    if not paragraphs:
        raise InputError("the PDF has no text (a scan without a text layer?)")
    title = normalised(title) if title else plausible_title(meta.get("Title"))
    byline, paragraphs = split_byline(paragraphs)
    byline = byline or plausible_byline(meta.get("Author"))
    return compose(paragraphs, "PDF", title=title, byline=byline, file=file)


def _lines(page: pdfium.PdfPage) -> list[Line]:
    textpage = page.get_textpage()
    try:
        height = page.get_height()
        count = textpage.count_chars()
        chars = [
            (
                chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i) or 32),
                pdfium_c.FPDFText_GetFontSize(textpage.raw, i),
                textpage.get_charbox(i),
            )
            for i in range(count)
        ]
        return page_lines(chars, height)
    finally:
        textpage.close()
        page.close()


def normalised(text: str) -> str:
    """Ligatures undone, spacing accents put on their letter, composed (NFC), controls out."""
    text = "".join(LIGATURES.get(ch, ch) for ch in text.replace("\x02", ""))
    text = CONTROLS.sub("", text)
    out: list[str] = []
    pending = ""
    for i, ch in enumerate(text):
        mark = SPACING_ACCENTS.get(ch)
        after = text[i + 1] if i + 1 < len(text) else ""
        on_previous = bool(out) and _composes(out[-1], mark)
        if mark and on_previous and (out[-1] in VOWELS or not _composes(after, mark)):
            out[-1] = unicodedata.normalize("NFC", out[-1] + mark)
        elif mark and _composes(after, mark):
            pending = mark  # goes on the next letter
        else:
            out.append(ch + pending)
            pending = ""
    return " ".join(unicodedata.normalize("NFC", "".join(out)).split())


def _composes(letter: str, mark: str | None) -> bool:
    if not mark or not letter.isalpha():
        return False
    return len(unicodedata.normalize("NFC", letter + mark)) == 1


def page_paragraphs(text: str) -> list[str]:
    """Paragraphs of one page's plain text: blank lines split them, and so does a short line
    that ends a sentence; other line ends are spaces, and a hyphenated word is joined."""
    text = normalised_lines(text)
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


def normalised_lines(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x02", "")
    text = "\n".join(normalised(line) for line in text.split("\n"))
    return str(HYPHENATED.sub(r"\1\2", text))
