"""PolNeAR: attribution cue and source spans, exact and overlap.

Each record is one article with brat spans (``Source``, ``Cue``, ...). A discontinuous span is
several entries sharing an id; it is one gold span here whose extent runs from its first fragment
to its last. The analysis' attributions give the predicted cue and source ranges (deduplicated:
two attributions that share a cue count once).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from readwise_desktop.engine.results import Analysis
from readwise_desktop.evaluation.scoring import (
    Counts,
    GoldSpan,
    Range,
    match_exact,
    match_overlap,
)

ROLES = ("source", "cue")
LABELS = {"source": "Source", "cue": "Cue"}


@dataclass(frozen=True, slots=True)
class PolnearDoc:
    id: str
    text: str
    gold: dict[str, tuple[GoldSpan, ...]]


@dataclass(frozen=True, slots=True)
class Finding:
    """A false alarm (with the rule that fired) or a miss (with the gold text), for error lists."""

    role: str
    kind: str
    doc: str
    start: int
    end: int
    text: str
    rule_id: str


@dataclass(slots=True)
class PolnearScores:
    documents: int = 0
    counts: dict[str, Counts] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def counts_for(self, role: str, mode: str) -> Counts:
        return self.counts.setdefault(f"{role}/{mode}", Counts())


def read_polnear(path: Path, limit: int | None = None) -> Iterator[PolnearDoc]:
    with path.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if limit is not None and n >= limit:
                return
            if line.strip():
                yield polnear_doc(json.loads(line))


def polnear_doc(record: dict[str, Any]) -> PolnearDoc:
    fragments: dict[str, dict[str, list[Range]]] = {role: {} for role in ROLES}
    for span in record["spans"]:
        for role, label in LABELS.items():
            if span["label"] == label:
                fragments[role].setdefault(span["id"], []).append((span["start"], span["end"]))
    gold = {
        role: tuple(GoldSpan(tuple(sorted(frags))) for frags in by_id.values())
        for role, by_id in fragments.items()
    }
    return PolnearDoc(record["id"], record["text"], gold)


def predicted_ranges(analysis: Analysis, role: str) -> tuple[list[Range], list[str]]:
    """Distinct predicted ranges for ``role`` and the rule id that produced each."""
    seen: dict[Range, str] = {}
    for attribution in analysis.attributions:
        span = attribution.cue if role == "cue" else attribution.source
        if span is not None:
            seen.setdefault((span.start, span.end), attribution.rule_id)
    return list(seen), list(seen.values())


def score_document(doc: PolnearDoc, analysis: Analysis, scores: PolnearScores) -> None:
    scores.documents += 1
    for role in ROLES:
        predicted, rules = predicted_ranges(analysis, role)
        gold = doc.gold[role]
        scores.counts_for(role, "exact").add(match_exact(predicted, gold).counts)
        overlap = match_overlap(predicted, gold)
        scores.counts_for(role, "overlap").add(overlap.counts)
        for p in overlap.false_alarms:
            start, end = predicted[p]
            text = analysis.text[start:end]
            scores.findings.append(Finding(role, "false alarm", doc.id, start, end, text, rules[p]))
        for g in overlap.misses:
            start, end = gold[g].extent
            text = doc.text[start:end]
            scores.findings.append(Finding(role, "miss", doc.id, start, end, text, ""))
