"""Every shipped rule finds its own examples and none of its counterexamples."""

from __future__ import annotations

import pytest

from readwise_desktop.engine.analyze import analyze_text
from readwise_desktop.engine.pipeline import LoadedPipeline
from readwise_desktop.engine.rules.loader import default_rules

HEDGE_RULES = default_rules().hedges
PHRASE_RULES = [r for r in default_rules().phrases if r.effect == "attribution"]


@pytest.mark.parametrize("rule", HEDGE_RULES, ids=lambda r: r.id)
def test_hedge_rule_examples(pipeline: LoadedPipeline, rule) -> None:  # type: ignore[no-untyped-def]
    for example in rule.examples:
        found = {h.rule_id for h in analyze_text(pipeline, example).hedges}
        assert rule.id in found, f"{rule.id} missed its example {example!r} (found {found})"
    for counter in rule.counterexamples:
        found = {h.rule_id for h in analyze_text(pipeline, counter).hedges}
        assert rule.id not in found, f"{rule.id} fired on its counterexample {counter!r}"


@pytest.mark.parametrize("rule", PHRASE_RULES, ids=lambda r: r.id)
def test_phrase_rule_examples(pipeline: LoadedPipeline, rule) -> None:  # type: ignore[no-untyped-def]
    for example in rule.examples:
        found = {a.rule_id for a in analyze_text(pipeline, example).attributions}
        assert rule.id in found, f"{rule.id} missed its example {example!r} (found {found})"
