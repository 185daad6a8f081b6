"""Every rule in force as a row a reader can read: id, kind, category, patterns, explanation and
where it comes from (a shipped file or the reader's own). For the Rules dialog and the CLI."""

from __future__ import annotations

from dataclasses import dataclass

from readwise_desktop.core.rules.loader import RuleSet

SHIPPED_PREFIX = "readwise_desktop/core/rules/data/"


@dataclass(frozen=True, slots=True)
class RuleRow:
    id: str
    kind: str  # hedge, phrase, verb, noun, source nouns
    category: str
    patterns: str
    explanation: str
    origin: str

    @property
    def shipped(self) -> bool:
        return self.origin.startswith(SHIPPED_PREFIX)


def rule_rows(rules: RuleSet) -> list[RuleRow]:
    rows = [
        RuleRow(
            r.id,
            "hedge",
            r.category.value,
            " · ".join(p.source for p in r.patterns),
            r.explanation,
            r.origin,
        )
        for r in rules.hedges
    ]
    rows += [
        RuleRow(
            r.id,
            "phrase",
            r.source_type.value,
            " · ".join(p.source for p in r.patterns),
            r.explanation,
            r.origin,
        )
        for r in rules.phrases
    ]
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
    return rows
