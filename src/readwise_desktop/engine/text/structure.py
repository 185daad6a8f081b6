"""The structure of a text, computed once per analysis and handed to every step that needs it:
paragraphs, quotations, layout (headline, byline, dateline) and wire credit lines.

What an importer already knows (an NITF ``hl1``, a byline element, a dateline) comes in as a
:class:`KnownLayout` and is taken as it is, where the text has it; the plain-text heuristics of
:mod:`.layout` decide only what is not known.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

import regex

from readwise_desktop.engine.results import Layout, TextSpan
from readwise_desktop.engine.text.layout import (
    credit_lines,
    detect_layout,
    note_lines,
    paragraphs,
)
from readwise_desktop.engine.text.quotes import Quote, find_quotes
from readwise_desktop.engine.text.ranges import CharRange

BYLINE_SEARCH = 3  # paragraphs after the headline where a known byline may stand
DASH = regex.compile(r" ?(?:--|[-–—])(?= )")  # the separator composed after a dateline


@dataclass(frozen=True, slots=True)
class KnownLayout:
    """An article's furniture as its importer read it (None: not known)."""

    title: str | None = None
    byline: str | None = None
    dateline: str | None = None
    agency: str | None = None

    def __bool__(self) -> bool:
        return any((self.title, self.byline, self.dateline, self.agency))


@dataclass(frozen=True, slots=True)
class TextStructure:
    """Paragraphs, quotations, layout and credit lines of one text, in its character offsets."""

    paragraphs: tuple[CharRange, ...]
    quotes: tuple[Quote, ...]
    layout: Layout
    credits: tuple[TextSpan, ...]
    notes: tuple[TextSpan, ...] = ()

    @classmethod
    def of(cls, text: str, known: KnownLayout | None = None) -> TextStructure:
        paras = tuple(CharRange(s, e) for s, e in paragraphs(text))  # once, for every step
        detected = detect_layout(text, paras)
        layout = _with_known(text, paras, detected, known) if known else detected
        credits, notes = tuple(credit_lines(text, paras)), tuple(note_lines(text, paras))
        return cls(paras, tuple(find_quotes(text, paras)), layout, credits, notes)

    def quotes_in(self, start: int, end: int) -> list[Quote]:
        """The quotations inside ``[start, end)``, in offsets from ``start`` (for a chunk)."""
        first = bisect.bisect_left([q.start for q in self.quotes], start)
        return [
            Quote(q.start - start, q.end - start)
            for q in self.quotes[first:]
            if q.start < end and q.end <= end
        ]

    def furniture_in(self, start: int, end: int) -> list[CharRange]:
        """Headline, byline and dateline inside ``[start, end)``, in offsets from ``start``."""
        layout = self.layout
        parts = (layout.title, layout.byline, layout.dateline)
        return [
            CharRange(p.start - start, p.end - start)
            for p in parts
            if p is not None and start <= p.start and p.end <= end
        ]

    def dateline_end(self) -> int | None:
        return self.layout.dateline.end if self.layout.dateline else None


def _with_known(
    text: str, paras: tuple[CharRange, ...], detected: Layout, known: KnownLayout
) -> Layout:
    """The detected layout, with each part the importer knows put where the text has it."""
    layout = detected
    index = 0
    if known.title and paras and _one_line(text, paras[0]) == _one_line_of(known.title):
        layout = replace(layout, title=_span(text, paras[0]))
        index = 1
    if known.byline:
        for para in paras[index : index + BYLINE_SEARCH]:
            if _one_line(text, para).removeprefix("By ") == _one_line_of(known.byline):
                layout = replace(layout, byline=_span(text, para))
                index = paras.index(para) + 1
                break
    if known.dateline and index < len(paras):
        start = paras[index].start
        dateline = _one_line_of(known.dateline)
        if text.startswith(dateline, start) and detected.dateline is None:
            dash = DASH.match(text, start + len(dateline))
            end = dash.end() if dash else start + len(dateline)
            layout = replace(
                layout, dateline=TextSpan(start, end, text[start:end]), agency=known.agency
            )
    return layout


def _span(text: str, rng: CharRange) -> TextSpan:
    return TextSpan(rng.start, rng.end, text[rng.start : rng.end])


def _one_line(text: str, rng: CharRange) -> str:
    return _one_line_of(text[rng.start : rng.end])


def _one_line_of(value: str) -> str:
    return " ".join(value.split())
