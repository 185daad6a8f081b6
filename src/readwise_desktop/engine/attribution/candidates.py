"""Attribution candidates, and how overlapping candidates are merged into the final ones.

One attribution per cue; a verb's own "in a statement" widens its cue; a reporting verb inside a
one-paragraph quotation is left to the quoted speaker; anonymity markers retype unnamed sources.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from spacy.tokens import Doc

from readwise_desktop.engine.results import SourceType, Stance
from readwise_desktop.engine.rules.schema import PhraseRule
from readwise_desktop.engine.text.lexicon import CLOSING_MARKS
from readwise_desktop.engine.text.quotes import Quote
from readwise_desktop.engine.text.ranges import CharRange, TokenRange

Marker = tuple[int, int, PhraseRule]

ANONYMISABLE = frozenset({SourceType.UNNAMED_OFFICIAL, SourceType.VAGUE, SourceType.ANONYMOUS})


class CueKind(StrEnum):
    """Which kind of rule proposed a candidate; it decides ties between overlapping ones."""

    VERB = "verb"  # a reporting verb with its subject ("officials said")
    PHRASE = "phrase"  # wording, a statement noun or a speaker label ("according to X")
    HEDGE = "hedge"  # a reportative hedge that implies a vague source ("reportedly")


@dataclass(frozen=True, slots=True, kw_only=True)
class Candidate:
    """An attribution a rule proposes: cue and source in tokens, the content in characters.

    ``source_type`` and ``source_name`` are None until the source is typed; ``root`` (the
    token heading the source), ``fallback``, ``governor`` and the two flags guide merging and
    typing.
    """

    cue: TokenRange
    source: TokenRange | None
    content: CharRange
    kind: CueKind
    rule_id: str
    explanation: str
    stance: Stance = Stance.NEUTRAL
    root: int | None = None
    fallback: SourceType | None = None  # the type when no source can be typed
    governor: int | None = None  # the verb a wording rule belongs to ("said in a statement")
    names_source: bool = False  # "citing X", "according to X": the wording names the source
    needs_speaker: bool = False  # a plain noun subject ("their presence shows") is no source
    source_type: SourceType | None = None
    source_name: str | None = None

    @property
    def typed(self) -> SourceType:
        """The source type, once typed (every candidate that leaves the finder is)."""
        if self.source_type is None:
            raise ValueError(f"candidate {self.rule_id} at {self.cue} was never typed")
        return self.source_type


def outside_quotes(
    doc: Doc, candidates: list[Candidate], found_quotes: Sequence[Quote]
) -> list[Candidate]:
    """Drop reporting verbs inside a quotation: the quoted speaker is the source there.

    ("He said it over and over," she said.) A quotation's own frame ("..., he said, ...")
    sits outside the marks and stays. A quotation over several paragraphs (an excerpt of
    another report) keeps its attributions, and so does one that never closes.
    """
    text = doc.text
    quotes = [
        (q.start, q.end)
        for q in found_quotes
        if text[q.end - 1] in CLOSING_MARKS and "\n" not in text[q.start : q.end]
    ]
    if not quotes:
        return candidates
    starts = [q[0] for q in quotes]
    kept = []
    for d in candidates:
        char = doc[d.cue[0]].idx
        k = bisect.bisect_right(starts, char) - 1
        inside = k >= 0 and char < quotes[k][1]
        if not (inside and d.kind is CueKind.VERB):
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


def dedupe(candidates: list[Candidate]) -> list[Candidate]:
    """One attribution per cue; nested sources inside another cue ("a statement that ...") go."""
    cue_of_token: dict[int, TokenRange] = {}
    for d in candidates:
        for i in range(*d.cue):
            cue_of_token.setdefault(i, d.cue)
    verb_cues = {i for d in candidates if d.kind is CueKind.VERB for i in range(*d.cue)}
    verb_ends = {d.cue[1]: d for d in candidates if d.kind is CueKind.VERB}
    widened: dict[int, int] = {}  # verb cue start -> new end ("said in an interview")
    kept = []
    for d in candidates:
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
        replace(d, cue=TokenRange(d.cue[0], widened[d.cue[0]]))
        if d.kind is CueKind.VERB and d.cue[0] in widened
        else d
        for d in kept
    ]
    rank = {CueKind.VERB: 0, CueKind.PHRASE: 1, CueKind.HEDGE: 2}
    kept.sort(key=lambda d: (not d.names_source, d.source is None, rank[d.kind]))
    taken: set[int] = set()
    out: list[Candidate] = []
    for d in kept:
        tokens = set(range(*d.cue))
        if not tokens & taken:
            out.append(d)
            taken |= tokens
    return sorted(out, key=lambda d: d.cue)


def apply_anonymity(doc: Doc, found: list[Candidate], markers: list[Marker]) -> list[Candidate]:
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
                Candidate(
                    cue=TokenRange(start, end),
                    source=None,
                    content=CharRange(sent.start_char, sent.end_char),
                    kind=CueKind.PHRASE,
                    rule_id=rule.id,
                    explanation=rule.explanation,
                    source_type=SourceType.ANONYMOUS,
                )
            )
    return sorted(out, key=lambda f: f.cue)


def within_reports(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """An agentless report inside what a named source says is that source's wording, not a
    second, vague source: "his death, they reported, was officially described as pneumonia",
    "the RCMP stated: "this has been considered an emergency"". Only in the named report's own
    sentence: a content carried on over later sentences does not swallow their own reports."""
    sentence = _sentence_of(doc)
    contents = [
        (sentence(c.cue[0]), c.content)
        for c in found
        if c.source is not None and c.source_type is not SourceType.VAGUE
    ]

    def inside(cand: Candidate) -> bool:
        at, sent = doc[cand.cue[0]].idx, sentence(cand.cue[0])
        return any(s == sent and start <= at < end for s, (start, end) in contents)

    return [c for c in found if c.source is not None or not inside(c)]


def _sentence_of(doc: Doc) -> Callable[[int], int]:
    """Token index -> index of its sentence's first token (0 without sentence starts)."""
    if not doc.has_annotation("SENT_START"):
        return lambda i: 0
    return lambda i: doc[i].sent.start
