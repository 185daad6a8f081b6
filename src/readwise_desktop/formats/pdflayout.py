"""Lines, furniture, headline and paragraphs of PDF pages, from character boxes and type sizes.

Kept apart from :mod:`.pdf` so the layout rules work on plain values (and are tested without
PDFium): a character is ``(text, font size, (left, bottom, right, top))``.
"""

from __future__ import annotations

import itertools
import statistics
import zlib
from collections import Counter
from dataclasses import dataclass

import regex

from readwise_desktop.formats.decoding import InputError

Char = tuple[str, float, tuple[float, float, float, float]]
PAGE_NUMBER = regex.compile(
    r"^(?:[-–—]\s*)?(?:(?:page|p\.|seite)\s*)?\d{1,4}(?:\s*(?:of|/|von)\s*\d{1,4})?(?:\s*[-–—])?$",
    regex.I,
)
SENTENCE_END = tuple('.!?:"”’)')
MARGIN = 0.09  # of the page height: where running heads, footers and page numbers sit
HEADLINE_RATIO = 1.25
STREAM = regex.compile(rb"stream\r?\n")
MAX_STREAM_BYTES = 256_000_000
MAX_STREAMS = 200_000


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    left: float
    right: float
    bottom: float
    top: float
    size: float
    page_height: float

    @property
    def in_margin(self) -> bool:
        return self.top > (1 - MARGIN) * self.page_height or self.bottom < MARGIN * self.page_height


def page_lines(chars: list[Char], page_height: float) -> list[Line]:
    """PDFium's lines (it ends each with a generated line break), with their box and type size."""
    lines: list[Line] = []
    current: list[Char] = []
    for char in [*chars, ("\n", 0.0, (0.0, 0.0, 0.0, 0.0))]:
        if char[0] == "\n":
            line = _line(current, page_height)
            if line is not None:
                lines.append(line)
            current = []
        elif char[0] != "\r":
            current.append(char)
    return lines


def _line(chars: list[Char], page_height: float) -> Line | None:
    text = "".join(c[0] for c in chars).strip()
    inked = [c for c in chars if not c[0].isspace()]
    if not text or not inked:
        return None
    boxes = [c[2] for c in inked]
    return Line(
        text,
        min(b[0] for b in boxes),
        max(b[2] for b in boxes),
        min(b[1] for b in boxes),
        max(b[3] for b in boxes),
        statistics.median(c[1] for c in inked),
        page_height,
    )


def furniture(pages: list[list[Line]]) -> set[tuple[int, int]]:
    """(page, line) of page numbers and of running heads and footers: margin lines whose text,
    digits aside, recurs on several pages."""

    def key(line: Line) -> str:
        return str(regex.sub(r"\d+", "#", line.text.lower()))

    counts = Counter(key(line) for page in pages for line in page if line.in_margin)
    found = set()
    for p, page in enumerate(pages):
        for i, line in enumerate(page):
            number = PAGE_NUMBER.match(line.text) and (line.in_margin or len(line.text) < 4)
            repeated = line.in_margin and len(pages) > 1 and counts[key(line)] > 1
            if number or repeated:
                found.add((p, i))
    return found


def paragraphs_of(pages: list[list[Line]]) -> tuple[str | None, list[str]]:
    """The headline (largest type on page 1, when it stands out) and the paragraphs."""
    dropped = furniture(pages)
    kept = [
        [ln for i, ln in enumerate(page) if (p, i) not in dropped] for p, page in enumerate(pages)
    ]
    sizes = [ln.size for page in kept for ln in page for _ in ln.text]
    if not sizes:
        return None, []
    body_size = statistics.median(sizes)
    title = None
    if kept and kept[0]:
        title, kept[0] = _headline(kept[0], body_size)
    paragraphs: list[list[str]] = []
    for page in kept:
        _add_page(paragraphs, page, body_size)
    return title, [_joined(p) for p in paragraphs]


def _headline(lines: list[Line], body_size: float) -> tuple[str | None, list[Line]]:
    largest = max(ln.size for ln in lines)
    if largest < HEADLINE_RATIO * body_size:
        return None, lines
    first = next(i for i, ln in enumerate(lines) if ln.size >= 0.95 * largest)
    end = first
    while end < len(lines) and end - first < 4 and lines[end].size >= 0.95 * largest:
        end += 1
    title = _joined([ln.text for ln in lines[first:end]])
    return title, lines[:first] + lines[end:]


def _add_page(paragraphs: list[list[str]], lines: list[Line], body_size: float) -> None:
    steps = [
        a.bottom - b.bottom
        for a, b in itertools.pairwise(lines)
        if abs(a.size - b.size) < 0.1 * a.size and a.bottom > b.bottom
    ]
    step = statistics.median(steps) if steps else 1.4 * body_size
    width = max((ln.right - ln.left for ln in lines), default=0.0)
    previous: Line | None = None
    for line in lines:
        if previous is None:
            continues = bool(paragraphs) and not paragraphs[-1][-1].endswith(SENTENCE_END)
        else:
            continues = not _breaks(previous, line, step, width)
        if continues and paragraphs:
            paragraphs[-1].append(line.text)
        else:
            paragraphs.append([line.text])
        previous = line


def _breaks(previous: Line, line: Line, step: float, width: float) -> bool:
    """A new paragraph: another type size, a wider gap, a new column, an indent, or a short
    line that ended a sentence."""
    if abs(previous.size - line.size) > 0.1 * max(previous.size, line.size):
        return True
    delta = previous.bottom - line.bottom
    if delta <= 0 or delta > 1.45 * step:
        return True
    if line.left > previous.left + 0.8 * line.size:
        return True
    short = previous.right - previous.left < 0.8 * width
    return short and previous.text.endswith(SENTENCE_END)


def _joined(parts: list[str]) -> str:
    text = parts[0]
    for part in parts[1:]:
        if regex.search(r"\p{Ll}[-\u00ad\x02]$", text) and regex.match(r"\p{Ll}", part):
            text = text[:-1] + part  # a word hyphenated at the line end
        else:
            text = f"{text} {part}"
    return text


def check_streams(data: bytes) -> None:
    """Inflate every Flate stream once, keeping nothing, and refuse one that grows too big."""
    starts = [m.end() for m in STREAM.finditer(data)]
    if len(starts) > MAX_STREAMS:
        raise InputError(f"the PDF holds {len(starts):,} streams, more than a document has")
    for start in starts:
        if b"Flate" not in data[max(0, start - 400) : start]:
            continue
        end = data.find(b"endstream", start)
        if _inflated_size(data[start : end if end > 0 else len(data)]) > MAX_STREAM_BYTES:
            raise InputError(
                "the PDF holds a stream that expands to over 256 MB (a bomb?); refused"
            )


def _inflated_size(packed: bytes) -> int:
    inflater = zlib.decompressobj()
    size = 0
    try:
        chunk = inflater.decompress(packed, 1 << 20)
        while chunk:
            size += len(chunk)
            if size > MAX_STREAM_BYTES:
                break
            chunk = inflater.decompress(inflater.unconsumed_tail, 1 << 20)
    except zlib.error:
        pass  # an encrypted or damaged stream: PDFium will say
    return size
