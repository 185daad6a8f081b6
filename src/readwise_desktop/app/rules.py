"""The rules as the reader sees them: a row per rule in force for the Rules dialog, a check of
a rule file with every problem, and what one rule file finds in an article."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from readwise_desktop.engine.results import Analysis
from readwise_desktop.engine.rules.schema import RuleFileError as RuleFileError
from readwise_desktop.engine.rules.schema import RuleProblem

if TYPE_CHECKING:  # the rule loader imports spaCy: the window imports this before its first paint
    from readwise_desktop.engine.rules.catalogue import RuleRow as RuleRow


def rows_with(files: Sequence[Path]) -> list[RuleRow]:
    """Every rule with these files, opt-in ones too (the shipped ones alone when a file is
    invalid)."""
    from readwise_desktop.engine.rules.catalogue import rule_rows
    from readwise_desktop.engine.rules.loader import load_rules

    try:
        return rule_rows(load_rules(files, enabled=None))
    except RuleFileError:
        return rule_rows(load_rules(enabled=None))


def check_rule_files(files: Sequence[Path]) -> tuple[int, list[RuleProblem]]:
    """How many rules are in force with these files, or every problem in them."""
    from readwise_desktop.engine.rules.loader import load_rules

    try:
        return len(load_rules(files).all_ids()), []
    except RuleFileError as err:
        return 0, list(err.problems)


def found_by(analysis: Analysis, rule_file: str | Path) -> list[str]:
    """What the rules of one file found in an analysis made with it: "rule id: “text”" lines."""
    from readwise_desktop.engine.rules.loader import rules_in

    own = {r.id for r in rules_in(rule_file)}
    found = [f"{h.rule_id}: “{h.text}”" for h in analysis.hedges if h.rule_id in own]
    found += [f"{a.rule_id}: “{a.cue.text}”" for a in analysis.attributions if a.rule_id in own]
    return found or ["The rules in this file find nothing in this article."]
