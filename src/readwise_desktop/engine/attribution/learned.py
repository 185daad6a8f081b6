"""The hybrid of the rules' attributions with the learned tagger's spans.

The tagger (:mod:`readwise_desktop.engine.learned`) marks source, cue and content tokens sentence
by sentence, and finds reporting constructions the rules miss (the long tail of verbs and frames
that occur once or twice). The rules know what the corpus does not teach: the source's type, its
resolved name, the stance, a rule id and an explanation, and the careful exceptions ("declined to
comment", a verb in another sense, an agentless "reports emerged"). So the rules come first:

- a sentence where the rules found an attribution keeps exactly what they found;
- in a sentence where they found none, each tagger cue with a tagger source becomes an
  attribution, its source typed by the rules' typer and its explanation naming the cue.

Measured on PolNeAR dev and on the Wikinews dev set (``readwise-desktop evaluate``) against the
tagger first (its spans, the rules only where it found none): that scored 1.8 points more source
F1 on PolNeAR but lost 0.8 points of sentence-label accuracy on real news, and dropped the rules'
agentless reports, colon frames and second-hand reports that readers rely on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from readwise_desktop.engine.attribution.candidates import Candidate, CueKind
from readwise_desktop.engine.attribution.sources import TypedSource
from readwise_desktop.engine.learned.tagger import AttributionTagger, TaggedSpan
from readwise_desktop.engine.results import Stance
from readwise_desktop.engine.text.ranges import CharRange, TokenRange

LEARNED_RULE_ID = "attribution.learned"
EXPLANATION = (
    "A reporting construction learned from annotated news: “{cue}” attributes what follows to "
    "its source."
)
TypeSource = Callable[[TokenRange, int], TypedSource | None]
StanceOf = Callable[[Token], Stance | None]


@dataclass(frozen=True, slots=True)
class SentenceTags:
    """The tagger's spans in one sentence (token ranges of the Doc)."""

    start: int
    end: int
    cues: tuple[TokenRange, ...]
    sources: tuple[TokenRange, ...]
    contents: tuple[TokenRange, ...]

    @classmethod
    def of(cls, tokens: Sequence[Token], spans: Sequence[TaggedSpan]) -> SentenceTags:
        def role(name: str) -> tuple[TokenRange, ...]:
            return tuple(TokenRange(s.start, s.end) for s in spans if s.role == name)

        return cls(tokens[0].i, tokens[-1].i + 1, role("cue"), role("source"), role("content"))


def merge_learned(
    doc: Doc,
    found: Sequence[Candidate],
    tagger: AttributionTagger,
    type_source: TypeSource,
    stance_of: StanceOf,
) -> list[Candidate]:
    """The rules' candidates ``found`` (typed), unchanged and in their order, then the tagger's
    attributions in the sentences where the rules found none (only those are tagged)."""
    cue_starts = [c.cue.start for c in found]

    def unread(start: int, end: int) -> bool:
        return not any(start <= s < end for s in cue_starts)

    learned: list[Candidate] = []
    for tokens, spans in tagger.tag_sequences(doc, unread):
        tags = SentenceTags.of(tokens, spans)
        proposed = (_learned(doc, tags, cue, type_source, stance_of) for cue in tags.cues)
        learned += _one_per_source(doc, [c for c in proposed if c is not None])
    return [*found, *learned]


def _one_per_source(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Of the cues a sentence gives one source, the highest in the parse ("was briefed by the
    military grouping on ...": not "grouping on"), in text order."""

    def depth(c: Candidate) -> int:
        return sum(1 for _ in cue_head(doc, c.cue).ancestors)

    best: dict[TokenRange | None, Candidate] = {}
    for c in candidates:
        if c.source not in best or depth(c) < depth(best[c.source]):
            best[c.source] = c
    return sorted(best.values(), key=lambda c: c.cue)


def _learned(
    doc: Doc, tags: SentenceTags, cue: TokenRange, type_source: TypeSource, stance_of: StanceOf
) -> Candidate | None:
    """An attribution for a tagger cue the rules did not find. None without a source in the
    sentence (measured on dev: an agentless learned cue was more often no report at all than a
    vague one), for a cue of punctuation alone, and for a source the rules' typer does not know
    as one ("I" inside a quotation, "their presence", "the displays")."""
    source = _nearest(tags.sources, cue)
    head = cue_head(doc, cue)
    if source is None or head.is_punct:
        return None
    root = _span_root(doc, source)
    typed = type_source(source, root)
    if typed is None:
        return None
    return Candidate(
        cue=cue,
        source=source,
        content=_content(doc, tags, cue),
        kind=CueKind.VERB if head.pos_ in ("VERB", "AUX") else CueKind.PHRASE,
        rule_id=LEARNED_RULE_ID,
        explanation=EXPLANATION.format(cue=doc[cue.start : cue.end].text),
        stance=stance_of(head) or Stance.NEUTRAL,
        root=root,
        source_type=typed.type,
        source_name=typed.name,
    )


def _nearest(spans: Sequence[TokenRange], cue: TokenRange) -> TokenRange | None:
    def gap(span: TokenRange) -> int:
        return max(span.start - cue.end, cue.start - span.end, 0)

    return min(spans, key=gap, default=None)


def _content(doc: Doc, tags: SentenceTags, cue: TokenRange) -> CharRange:
    """The tagger's content nearest the cue, else the sentence."""
    span = _nearest(tags.contents, cue)
    first, last = (span.start, span.end - 1) if span else (tags.start, tags.end - 1)
    return CharRange(doc[first].idx, doc[last].idx + len(doc[last].text))


def cue_head(doc: Doc, cue: TokenRange) -> Token:
    """The cue's verb ("briefed" of "was briefed"), else its auxiliary, else its head."""
    span = doc[cue.start : cue.end]
    verbs = [t for t in span if t.pos_ == "VERB"] or [t for t in span if t.pos_ == "AUX"]
    return verbs[0] if verbs else span.root


def _span_root(doc: Doc, span: TokenRange) -> int:
    return doc[span.start : span.end].root.i
