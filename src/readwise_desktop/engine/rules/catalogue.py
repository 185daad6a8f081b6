"""Every rule in force as a row a reader can read: id, kind, category, patterns, explanation and
where it comes from (a shipped file or the reader's own). For the Rules dialog and the CLI."""

from __future__ import annotations

from dataclasses import dataclass

from readwise_desktop.engine.rules.loader import RuleSet
from readwise_desktop.engine.rules.schema import HedgeRule, PhraseRule
from readwise_desktop.packaged import origin

SHIPPED_PREFIX = origin("rules", "")


@dataclass(frozen=True, slots=True)
class RuleRow:
    id: str
    kind: str  # hedge, phrase, verb, noun, source nouns, word list
    category: str
    patterns: str
    explanation: str
    origin: str
    opt_in: bool = False  # off unless the reader switches it on

    @property
    def shipped(self) -> bool:
        return self.origin.startswith(SHIPPED_PREFIX)


def _pattern_row(rule: HedgeRule | PhraseRule, kind: str, category: str) -> RuleRow:
    patterns = " · ".join(p.source for p in rule.patterns)
    opt_in = isinstance(rule, HedgeRule) and rule.opt_in
    return RuleRow(rule.id, kind, category, patterns, rule.explanation, rule.origin, opt_in)


def rule_rows(rules: RuleSet) -> list[RuleRow]:
    rows = [_pattern_row(r, "hedge", r.category.value) for r in rules.hedges]
    rows += [_pattern_row(r, "phrase", r.source_type.value) for r in rules.phrases]
    for kind, table in (("verb", rules.verbs), ("noun", rules.nominals)):
        rows += [
            RuleRow(v.id, kind, v.stance.value, " ".join(v.words), v.explanation, v.origin)
            for v in table.values()
        ]
    rows += [
        RuleRow(
            g.id,
            "source nouns",
            g.source_type.value,
            ", ".join(sorted(g.nouns))[:120],
            g.explanation,
            g.origin,
        )
        for g in rules.noun_groups
    ]
    rows += [
        RuleRow(
            w.id, "word list", w.used_by, ", ".join(sorted(w.words))[:120], w.explanation, w.origin
        )
        for w in rules.word_lists
    ]
    return rows
