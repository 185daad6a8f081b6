"""What each category means for a reader: a label, why it matters, how to verify it.

Read from ``data/rules/advice.toml`` with :mod:`importlib.resources`; used by the window's
tooltips and by exports, so both explain a flag in the same words.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from readwise_desktop.engine.results import SOURCING_LABELS, Attribution, Hedge, HedgeCategory
from readwise_desktop.packaged import packaged_text


@dataclass(frozen=True, slots=True)
class Advice:
    label: str
    why: str
    verify: str


@cache
def _advice() -> dict[str, dict[str, Advice]]:
    data = tomllib.loads(packaged_text("rules", "advice.toml"))
    out = {
        group: {k: Advice(**v) for k, v in data[group].items()} for group in ("hedges", "sources")
    }
    missing = [c.value for c in HedgeCategory if c.value not in out["hedges"]]
    missing += [s for s in SOURCING_LABELS if s not in out["sources"]]
    if missing:
        raise ValueError(f"advice.toml lacks {', '.join(missing)}")
    return out


def hedge_advice(category: str) -> Advice:
    return _advice()["hedges"][category]


def source_advice(label: str) -> Advice:
    return _advice()["sources"][label]


def hedge_note(hedge: Hedge, source: str | None = None) -> str:
    """A plain-text explanation of a hedge: what, why it matters, how to verify, whose claim."""
    advice = hedge_advice(hedge.category.value)
    lines = [
        f"{advice.label}: “{hedge.text}”",
        hedge.explanation,
        f"Why it matters: {advice.why}",
        f"How to verify: {advice.verify}",
    ]
    if source:
        lines.append(f"In a claim sourced to: {source}")
    lines.append(f"Rule: {hedge.rule_id}")
    return "\n".join(lines)


def attribution_note(attribution: Attribution) -> str:
    """A plain-text explanation of an attribution cue."""
    advice = source_advice(attribution.source_type.value)
    who = attribution.display_source
    lines = [
        f"{advice.label}: {who}",
        f"Cue: “{attribution.cue.text}” "
        f"({attribution.stance.value.lower()} stance). {attribution.explanation}",
        f"Why it matters: {advice.why}",
        f"How to verify: {advice.verify}",
        f"Rule: {attribution.rule_id}",
    ]
    return "\n".join(lines)


def claim_note(label: str, source: str | None) -> str:
    advice = source_advice(label)
    head = f"{advice.label}" + (f": {source}" if source else "")
    return "\n".join([head, f"Why it matters: {advice.why}", f"How to verify: {advice.verify}"])
