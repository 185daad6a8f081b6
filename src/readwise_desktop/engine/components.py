"""spaCy components, registered with ``@Language.factory`` and published under the
``spacy_factories`` entry point, so ``nlp.add_pipe("readwise_hedges")`` works in any spaCy program.

Findings that may overlap live in ``doc.spans``: ``readwise_hedges``, ``readwise_cues`` and
``readwise_sources``. The frozen values built from them are in ``doc._.readwise`` once
``readwise_claims`` has run. Run as plain spaCy components (``nlp(text)``), the steps hand on
what they found in three more extensions (``readwise_structure``, ``readwise_hedges``,
``readwise_found``); :func:`readwise_desktop.engine.analyze.analyze_text` instead passes every
value explicitly and computes the text's structure once for the whole text.

This module is imported by spaCy whenever a ``Language`` is created: it must stay light.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from readwise_desktop.engine.attribution.candidates import Candidate
from readwise_desktop.engine.attribution.finder import AttributionFinder
from readwise_desktop.engine.attribution.sources import Mention
from readwise_desktop.engine.claims.labels import build_claims, roles, sentence_ranges
from readwise_desktop.engine.hedges.finder import HEDGE_SPANS, HedgeFinder, hedge_values
from readwise_desktop.engine.results import Attribution, Hedge, Layout, Sentence, Summary, TextSpan
from readwise_desktop.engine.rules.loader import RuleSet, rules_for
from readwise_desktop.engine.text.quotes import Quote
from readwise_desktop.engine.text.ranges import CharRange
from readwise_desktop.engine.text.speech_tags import is_speech_tag_join
from readwise_desktop.engine.text.structure import TextStructure

CUE_SPANS = "readwise_cues"
SOURCE_SPANS = "readwise_sources"
RULE_CONFIG: dict[str, Any] = {"extra_rule_files": [], "disabled_rules": [], "enabled_rules": []}

for _name in ("readwise_structure", "readwise_hedges", "readwise_found", "readwise"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@dataclass(frozen=True, slots=True)
class DocResult:
    """What the readwise components found in one Doc, as frozen values."""

    layout: Layout
    sentences: tuple[Sentence, ...]
    hedges: tuple[Hedge, ...]
    attributions: tuple[Attribution, ...]
    summary: Summary


def _rules(
    extra_rule_files: Sequence[str], disabled_rules: Sequence[str], enabled_rules: Sequence[str]
) -> RuleSet:
    files = tuple(Path(p) for p in extra_rule_files)
    return rules_for(files, tuple(disabled_rules), tuple(enabled_rules))


def mark_sentence_starts(doc: Doc, dateline_end: int | None) -> Doc:
    """Start a sentence at every paragraph and after the dateline (before the parser runs); keep
    a quoted question and its speech tag in one sentence."""
    after_newline = False
    for tok in doc:
        if after_newline and not tok.is_space:
            tok.is_sent_start = True
        elif is_speech_tag_join(doc, tok.i):
            tok.is_sent_start = False
        newline = "\n" in tok.text or "\n" in tok.whitespace_
        after_newline = newline or (after_newline and tok.is_space)
    if dateline_end is not None:
        after = next((t for t in doc if t.idx >= dateline_end and not t.is_space), None)
        if after is not None and after.i > 0:
            after.is_sent_start = True
    return doc


class LayoutComponent:
    """Computes the text's structure and starts a sentence at every paragraph."""

    def __call__(self, doc: Doc) -> Doc:
        structure = TextStructure.of(doc.text)
        doc._.readwise_structure = structure
        return mark_sentence_starts(doc, structure.dateline_end())


class HedgeComponent:
    def __init__(self, nlp: Language, rules: RuleSet) -> None:
        self.finder = HedgeFinder(rules)

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[HEDGE_SPANS] = self.finder.spans(doc)
        doc._.readwise_hedges = self.values(doc)
        return doc

    def values(self, doc: Doc) -> list[Hedge]:
        """The hedges of ``doc.spans`` as frozen values with character offsets."""
        return hedge_values(doc, self.finder)


class AttributionComponent:
    def __init__(self, nlp: Language, rules: RuleSet) -> None:
        self.finder = AttributionFinder(rules)
        self.hedge_rules = {r.id: r for r in rules.hedges}

    def find(
        self,
        doc: Doc,
        quotes: Sequence[Quote],
        prior: Sequence[Mention] = (),
        furniture: Sequence[CharRange] = (),
    ) -> tuple[list[Candidate], list[Mention]]:
        """The attributions of ``doc`` (its hedges already in ``doc.spans``), given the
        quotations in it; and the named mentions to carry to the next chunk."""
        hedges = [
            (s, self.hedge_rules[s.id_])
            for s in doc.spans.get(HEDGE_SPANS, [])
            if s.id_ in self.hedge_rules
        ]
        return self.finder.find(doc, hedges, quotes, prior, furniture)

    def __call__(self, doc: Doc) -> Doc:
        structure: TextStructure = doc._.readwise_structure or TextStructure.of(doc.text)
        found, _ = self.find(doc, structure.quotes, (), structure.furniture_in(0, len(doc.text)))
        doc._.readwise_found = found
        doc.spans[CUE_SPANS] = [
            Span(doc, *f.cue, label=f.typed.value, span_id=f.rule_id) for f in found
        ]
        doc.spans[SOURCE_SPANS] = [
            Span(doc, *f.source, label=f.typed.value) for f in found if f.source is not None
        ]
        return doc


@dataclass(frozen=True, slots=True)
class ChunkParts:
    """What the readwise components found in one Doc, in character offsets of that Doc."""

    sentences: list[tuple[int, int]]
    attributions: list[tuple[Candidate, TextSpan, TextSpan | None]]
    hedges: list[Hedge]

    @classmethod
    def of(cls, doc: Doc, found: Sequence[Candidate], hedges: Sequence[Hedge]) -> ChunkParts:
        spans = [
            (f, _text_span(doc, f.cue), _text_span(doc, f.source) if f.source else None)
            for f in found
        ]
        return cls([(s.start_char, s.end_char) for s in doc.sents], spans, list(hedges))

    def shifted(self, offset: int) -> ChunkParts:
        """The same parts at ``offset`` in the whole text."""
        if offset == 0:
            return self
        return ChunkParts(
            [(a + offset, b + offset) for a, b in self.sentences],
            [
                (
                    replace(f, content=CharRange(f.content[0] + offset, f.content[1] + offset)),
                    _shift(cue, offset),
                    _shift(src, offset) if src else None,
                )
                for f, cue, src in self.attributions
            ],
            [replace(h, start=h.start + offset, end=h.end + offset) for h in self.hedges],
        )


def result_from_parts(
    text: str, structure: TextStructure, parts: Sequence[ChunkParts]
) -> DocResult:
    """Claims, sourcing labels and the summary for the whole text, from its chunks' findings."""
    ranges = sentence_ranges(text, [r for p in parts for r in p.sentences])
    spans = [a for p in parts for a in p.attributions]
    hedges = [h for p in parts for h in p.hedges]
    sentence_roles = roles(ranges, structure.layout, list(structure.credits), structure.notes)
    sentences, attributions, summary = build_claims(
        text, ranges, sentence_roles, spans, hedges, list(structure.quotes)
    )
    return DocResult(structure.layout, sentences, tuple(hedges), attributions, summary)


class ClaimsComponent:
    def __call__(self, doc: Doc) -> Doc:
        structure: TextStructure = doc._.readwise_structure or TextStructure.of(doc.text)
        parts = ChunkParts.of(doc, doc._.readwise_found or [], doc._.readwise_hedges or [])
        doc._.readwise = result_from_parts(doc.text, structure, [parts])
        return doc


def _shift(span: TextSpan, offset: int) -> TextSpan:
    return TextSpan(span.start + offset, span.end + offset, span.text)


def _text_span(doc: Doc, rng: tuple[int, int]) -> TextSpan:
    span = doc[rng[0] : rng[1]]
    return TextSpan(span.start_char, span.end_char, span.text)


@Language.factory("readwise_layout")
def make_layout(nlp: Language, name: str) -> LayoutComponent:
    return LayoutComponent()


@Language.factory("readwise_hedges", default_config=RULE_CONFIG)
def make_hedges(
    nlp: Language,
    name: str,
    extra_rule_files: list[str],
    disabled_rules: list[str],
    enabled_rules: list[str],
) -> HedgeComponent:
    return HedgeComponent(nlp, _rules(extra_rule_files, disabled_rules, enabled_rules))


@Language.factory("readwise_attributions", default_config=RULE_CONFIG)
def make_attributions(
    nlp: Language,
    name: str,
    extra_rule_files: list[str],
    disabled_rules: list[str],
    enabled_rules: list[str],
) -> AttributionComponent:
    return AttributionComponent(nlp, _rules(extra_rule_files, disabled_rules, enabled_rules))


@Language.factory("readwise_claims")
def make_claims(nlp: Language, name: str) -> ClaimsComponent:
    return ClaimsComponent()
