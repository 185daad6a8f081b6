"""Find hedge cues with the rule patterns, each match checked by its rule's guards."""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from readwise_desktop.engine.hedges.guards import GUARDS
from readwise_desktop.engine.results import Hedge
from readwise_desktop.engine.rules.loader import RuleSet
from readwise_desktop.engine.rules.matching import index_rules
from readwise_desktop.engine.rules.schema import HedgeRule

HEDGE_SPANS = "readwise_hedges"


class HedgeFinder:
    """All hedge rules in one pattern index; ``spans(doc)`` gives the hedge spans."""

    def __init__(self, rules: RuleSet) -> None:
        self.matcher, self.rules = index_rules(rules.hedges)
        self.lists = rules.words()

    def spans(self, doc: Doc) -> list[Span]:
        """Non-overlapping hedge spans (the longest wins), label = category, id = rule id."""
        found = []
        for key, start, end in self.matcher(doc):
            rule = self.rules[str(key)]
            if all(GUARDS[name](doc, start, end, self.lists) for name in rule.guards):
                found.append(Span(doc, start, end, label=rule.category.value, span_id=rule.id))
        return sorted(filter_spans(found), key=lambda s: s.start)

    def rule(self, span: Span) -> HedgeRule:
        return self.rules[span.id_]


def hedge_values(doc: Doc, finder: HedgeFinder) -> list[Hedge]:
    """The hedges of ``doc.spans[HEDGE_SPANS]`` as frozen values with character offsets."""
    out = []
    for span in doc.spans.get(HEDGE_SPANS, []):
        rule = finder.rule(span)
        out.append(
            Hedge(
                span.start_char, span.end_char, span.text, rule.category, rule.id, rule.explanation
            )
        )
    return out
