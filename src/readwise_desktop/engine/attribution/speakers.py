"""Speakers marked by layout rather than by a verb: transcripts, headlines and signed quotes.

* ``WALLACE: Let's start ...`` and ``Pence: Flowers won't be at debate`` — a short name at the
  start of a line, then a colon: the name speaks the rest of the line.
* ``"... a disgrace." ― Sonya Herridge`` — a quotation signed with a dash and a name.
* ``((Thomas Rivinius))  It will certainly. ...`` — an interview transcript's turn label: the
  named speaker says everything up to the next label.

Both work on tokens alone, so they serve the rules-only pipeline as well.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex
from spacy.tokens import Doc, Token

from readwise_desktop.engine.text.layout import TURN_LABEL
from readwise_desktop.engine.text.lexicon import SIGNED_QUOTE_CLOSERS, SIGNED_QUOTE_OPENERS
from readwise_desktop.engine.text.ranges import CharRange, TokenRange

MAX_NAME_TOKENS = 4


@dataclass(frozen=True, slots=True)
class SpeakerCue:
    rule_id: str
    explanation: str
    cue: TokenRange
    source: TokenRange
    content: CharRange


COLON = (
    "attribution.layout.speaker_colon",
    "A name and a colon at the start of a line: the named person speaks what follows.",
)
DASH = (
    "attribution.layout.signed_quote",
    "A quotation signed with a dash and a name: the named person said it.",
)

TURN = (
    "attribution.layout.speaker_turn",
    "A name in double brackets at the start of a line, as interview transcripts mark turns: "
    "the named person says everything up to the next such label.",
)


CANDIDATE = regex.compile(r"[:―—–]|--")


def find_speakers(doc: Doc, not_speakers: frozenset[str]) -> list[SpeakerCue]:
    """Transcript speakers and signed quotes; ``not_speakers``: labels that are none."""
    out = []
    for match in CANDIDATE.finditer(doc.text):
        span = doc.char_span(match.start(), match.end())
        if span is None or len(span) != 1:
            continue
        tok = span[0]
        found = (
            _colon_speaker(doc, tok, not_speakers) if tok.text == ":" else _signed_quote(doc, tok)
        )
        if found is not None:
            out.append(found)
    return out + _turns(doc, not_speakers)


def _turns(doc: Doc, not_speakers: frozenset[str]) -> list[SpeakerCue]:
    """Each turn of an interview transcript, from its label to the next label."""
    labels = list(TURN_LABEL.finditer(doc.text))
    out = []
    for k, label in enumerate(labels):
        name_start, name_end = label.span("name")
        name = doc.char_span(name_start, name_end, alignment_mode="expand")
        opening = doc.char_span(label.start(), label.start() + 1)
        if name is None or opening is None or {t.lower_ for t in name} & not_speakers:
            continue
        end = labels[k + 1].start() if k + 1 < len(labels) else len(doc.text)
        body = doc.text[label.end() : end]
        start = label.end() + len(body) - len(body.lstrip())
        stop = label.end() + len(body.rstrip())
        if start < stop:
            out.append(
                SpeakerCue(
                    *TURN,
                    cue=TokenRange(opening.start, opening.end),
                    source=TokenRange(name.start, name.end),
                    content=CharRange(start, stop),
                )
            )
    return out


def _is_name_token(tok: Token) -> bool:
    """A word of a name: "Pence", "WALLACE", an initial "G.", a hyphen."""
    text = tok.text
    initial = len(text) == 2 and text[0].isupper() and text[1] == "."
    return ((tok.is_title or tok.is_upper) and tok.is_alpha) or initial or text == "-"


def _line_start(doc: Doc, i: int) -> bool:
    """Token ``i`` opens a line (after optional opening quotes)."""
    while i > 0 and doc[i - 1].text in SIGNED_QUOTE_OPENERS:
        i -= 1
    return (
        i == 0
        or "\n" in doc[i - 1].text
        or "\n" in doc[i - 1].whitespace_
        or (doc[i - 1].is_space and "\n" in doc[i - 1].text)
    )


def _colon_speaker(doc: Doc, colon: Token, not_speakers: frozenset[str]) -> SpeakerCue | None:
    start = colon.i
    while start > 0 and colon.i - start < MAX_NAME_TOKENS and _is_name_token(doc[start - 1]):
        start -= 1
    if start == colon.i or not _line_start(doc, start) or not doc[start].is_alpha:
        return None
    label = {t.lower_ for t in doc[start : colon.i]}
    if label & not_speakers or colon.i + 1 >= len(doc):  # "Update:", "Gary Johnson Image:"
        return None
    line_end = colon.i + 1
    while line_end < len(doc) and "\n" not in doc[line_end].text:
        line_end += 1
    last = doc[line_end - 1]
    return SpeakerCue(
        *COLON,
        cue=TokenRange(colon.i, colon.i + 1),
        source=TokenRange(start, colon.i),
        content=CharRange(colon.idx + 1, last.idx + len(last)),
    )


def _signed_quote(doc: Doc, dash: Token) -> SpeakerCue | None:
    before = dash.i - 1
    while before > 0 and doc[before].is_space:
        before -= 1
    if before < 0 or doc[before].text not in SIGNED_QUOTE_CLOSERS:
        return None
    end = dash.i + 1
    while end < len(doc) and end - dash.i <= MAX_NAME_TOKENS and _is_name_token(doc[end]):
        end += 1
    if end == dash.i + 1 or not doc[dash.i + 1].is_alpha:
        return None
    sent = doc[before].sent
    return SpeakerCue(
        *DASH,
        cue=TokenRange(dash.i, dash.i + 1),
        source=TokenRange(dash.i + 1, end),
        content=CharRange(sent.start_char, doc[before].idx + 1),
    )
