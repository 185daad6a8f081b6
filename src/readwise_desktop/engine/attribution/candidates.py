"""Drafts of attributions, and how overlapping drafts are merged into the final ones.

One attribution per cue; a verb's own "in a statement" widens its cue; a reporting verb inside a
one-paragraph quotation is left to the quoted speaker; anonymity markers retype unnamed sources.
"""

from __future__ import annotations

import bisect
from collections.abc import Hashable
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from readwise_desktop.engine.results import SourceType, Stance
from readwise_desktop.engine.rules.schema import PhraseRule
from readwise_desktop.engine.text.quotes import CLOSING_MARKS, find_quotes

Marker = tuple[int, int, PhraseRule]

ANONYMISABLE = frozenset({SourceType.UNNAMED_OFFICIAL, SourceType.VAGUE, SourceType.ANONYMOUS})


@dataclass(frozen=True, slots=True)
class Found:
    """An attribution as found, in token offsets, before its sentences are known."""

    cue: tuple[int, int]
    source: tuple[int, int] | None
    source_type: SourceType
    source_name: str | None
    stance: Stance
    content: tuple[int, int]
    rule_id: str
    explanation: str
    kind: str


@dataclass(frozen=True, slots=True)
class Draft:
    cue: tuple[int, int]
    source: tuple[int, int] | None
    root: int | None
    rule_id: str
    explanation: str
    stance: Stance
    fallback: SourceType | None
    content: tuple[int, int]
    kind: str
    governor: int | None = None
    names_source: bool = False  # "citing X", "according to X": the wording names the source
    needs_speaker: bool = False  # a plain noun subject ("their presence shows") is no source


def outside_quotes(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Drop reporting verbs inside a quotation: the quoted speaker is the source there.

    ("He said it over and over," she said.) A quotation's own frame ("..., he said, ...")
    sits outside the marks and stays. A quotation over several paragraphs (an excerpt of
    another report) keeps its attributions, and so does one that never closes.
    """
    text = doc.text
    quotes = [
        (q.start, q.end)
        for q in find_quotes(text)
        if text[q.end - 1] in CLOSING_MARKS and "\n" not in text[q.start : q.end]
    ]
    if not quotes:
        return drafts
    starts = [q[0] for q in quotes]
    kept = []
    for d in drafts:
        char = doc[d.cue[0]].idx
        k = bisect.bisect_right(starts, char) - 1
        inside = k >= 0 and char < quotes[k][1]
        if not (inside and d.kind == "verb"):
            kept.append(d)
    return kept


def longest(matches: list[Match]) -> list[Match]:
    """Per rule, drop matches inside a longer match of the same rule (optional tokens)."""
    ordered = sorted(matches, key=lambda m: (m[1], -(m[2] - m[1])))
    out: list[Match] = []
    for m in ordered:
        if any(o[0] == m[0] and o[1] <= m[1] and m[2] <= o[2] for o in out):
            continue
        out.append(m)
    return out


Match = tuple[Hashable, int, int]


def dedupe(drafts: list[Draft]) -> list[Draft]:
    """One attribution per cue; nested sources inside another cue ("a statement that ...") go."""
    cue_of_token: dict[int, tuple[int, int]] = {}
    for d in drafts:
        for i in range(*d.cue):
            cue_of_token.setdefault(i, d.cue)
    verb_cues = {i for d in drafts if d.kind == "verb" for i in range(*d.cue)}
    verb_ends = {d.cue[1]: d for d in drafts if d.kind == "verb"}
    widened: dict[int, int] = {}  # verb cue start -> new end ("said in an interview")
    kept = []
    for d in drafts:
        inside = cue_of_token.get(d.root) if d.root is not None else None
        if inside is not None and inside != d.cue:
            continue
        if d.governor is not None and d.governor in verb_cues:
            verb = verb_ends.get(d.cue[0])
            if verb is not None:
                widened[verb.cue[0]] = d.cue[1]
            continue
        kept.append(d)
    kept = [
        replace(d, cue=(d.cue[0], widened[d.cue[0]]))
        if d.kind == "verb" and d.cue[0] in widened
        else d
        for d in kept
    ]
    rank = {"verb": 0, "phrase": 1, "hedge": 2}
    kept.sort(key=lambda d: (not d.names_source, d.source is None, rank[d.kind]))
    taken: set[int] = set()
    out: list[Draft] = []
    for d in kept:
        tokens = set(range(*d.cue))
        if not tokens & taken:
            out.append(d)
            taken |= tokens
    return sorted(out, key=lambda d: d.cue)


def apply_anonymity(doc: Doc, found: list[Found], markers: list[Marker]) -> list[Found]:
    """Sentences that say their source is anonymous make unnamed sources ANONYMOUS."""
    out = list(found)
    for start, end, rule in markers:
        sent = doc[start].sent
        inside = [i for i, f in enumerate(out) if sent.start <= f.cue[0] < sent.end]
        for i in inside:
            if out[i].source_type in ANONYMISABLE:
                out[i] = replace(out[i], source_type=SourceType.ANONYMOUS, source_name=None)
        if not inside:
            out.append(
                Found(
                    (start, end),
                    None,
                    SourceType.ANONYMOUS,
                    None,
                    Stance.NEUTRAL,
                    (sent.start_char, sent.end_char),
                    rule.id,
                    rule.explanation,
                    "phrase",
                )
            )
    return sorted(out, key=lambda f: f.cue)
