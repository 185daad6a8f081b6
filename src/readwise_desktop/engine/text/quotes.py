"""Direct quotations: character regions of quoted speech, including quotes that run on.

Curly quotes (“…”) pair explicitly; straight double quotes alternate. By the newspaper convention a
paragraph that ends inside a quotation and a next paragraph that opens with a quote mark continue
the same quotation. Short single-quoted words ('heroes') are scare quotes, not speech.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from readwise_desktop.engine.text.layout import paragraphs
from readwise_desktop.engine.text.lexicon import OPENERS

MIN_WORDS_SINGLE = 4
_MARK = regex.compile(r"[“”„«»\"‘’]")


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int

    def words(self, text: str) -> int:
        return len(text[self.start : self.end].split())


def find_quotes(text: str, paras: Sequence[tuple[int, int]] | None = None) -> list[Quote]:
    """Quote regions (start at the opening mark, end after the closing mark or paragraph run)."""
    out: list[Quote] = []
    open_at: int | None = None
    closer = ""
    last_end = 0
    for para_start, para_end in paragraphs(text) if paras is None else paras:
        run_on = -1
        if open_at is not None:
            if text[para_start] in OPENERS:
                run_on = para_start  # the quotation runs on into this paragraph
            else:
                out.append(Quote(open_at, last_end))
                open_at = None
        for match in _MARK.finditer(text, para_start, para_end):
            mark, at = match.group(), match.start()
            if at == run_on:
                continue
            if open_at is None:
                if mark in OPENERS and _opens(text, at):
                    open_at, closer = at, OPENERS[mark]
            elif mark == closer and _closes(text, at, mark):
                out.append(Quote(open_at, at + 1))
                open_at = None
        last_end = para_end
    if open_at is not None:
        out.append(Quote(open_at, last_end))
    return [q for q in out if _is_speech(text, q)]


def _opens(text: str, at: int) -> bool:
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if text[at] == "‘" and before.isalpha():
        return False
    return not after.isspace() and (before.isspace() or before in "([—–-:,")


def _closes(text: str, at: int, mark: str) -> bool:
    after = text[at + 1] if at + 1 < len(text) else " "
    return not (mark == "’" and after.isalpha())


def _is_speech(text: str, quote: Quote) -> bool:
    single = text[quote.start] == "‘"
    return quote.words(text) >= (MIN_WORDS_SINGLE if single else 3)


def quote_at(quotes: list[Quote], start: int, end: int) -> Quote | None:
    """The quotation that overlaps the character range, if any."""
    for quote in quotes:
        if quote.start < end and start < quote.end:
            return quote
    return None
