"""Precision, recall and F1 over spans and labels.

Spans are matched one-to-one. *Exact* matching needs the same offsets; *overlap* matching needs at
least one shared character and pairs predictions and gold greedily, largest overlap first, so one
long prediction cannot claim two gold spans.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

Range = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldSpan:
    """A gold span: one or several fragments (a discontinuous brat span)."""

    fragments: tuple[Range, ...]

    @property
    def extent(self) -> Range:
        return (self.fragments[0][0], self.fragments[-1][1])

    def overlap(self, start: int, end: int) -> int:
        return sum(max(0, min(end, e) - max(start, s)) for s, e in self.fragments)


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives, with the derived scores."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(100 * self.precision, 1),
            "recall": round(100 * self.recall, 1),
            "f1": round(100 * self.f1, 1),
        }


@dataclass(frozen=True, slots=True)
class SpanMatch:
    """The outcome of matching predictions to gold: which indices paired up."""

    pairs: tuple[tuple[int, int], ...]
    false_alarms: tuple[int, ...]
    misses: tuple[int, ...]

    @property
    def counts(self) -> Counts:
        return Counts(len(self.pairs), len(self.false_alarms), len(self.misses))


def match_exact(predicted: Sequence[Range], gold: Sequence[GoldSpan]) -> SpanMatch:
    by_extent: dict[Range, list[int]] = {}
    for g, span in enumerate(gold):
        by_extent.setdefault(span.extent, []).append(g)
    pairs = []
    for p, rng in enumerate(predicted):
        free = by_extent.get(rng)
        if free:
            pairs.append((p, free.pop(0)))
    return _outcome(pairs, len(predicted), len(gold))


def match_overlap(predicted: Sequence[Range], gold: Sequence[GoldSpan]) -> SpanMatch:
    candidates = sorted(
        (
            (-shared, p, g)
            for p, (start, end) in enumerate(predicted)
            for g, span in enumerate(gold)
            if (shared := span.overlap(start, end)) > 0
        )
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, p, g in candidates:
        if p not in used_p and g not in used_g:
            used_p.add(p)
            used_g.add(g)
            pairs.append((p, g))
    return _outcome(pairs, len(predicted), len(gold))


def _outcome(pairs: list[tuple[int, int]], n_pred: int, n_gold: int) -> SpanMatch:
    matched_p = {p for p, _ in pairs}
    matched_g = {g for _, g in pairs}
    return SpanMatch(
        tuple(sorted(pairs)),
        tuple(p for p in range(n_pred) if p not in matched_p),
        tuple(g for g in range(n_gold) if g not in matched_g),
    )


@dataclass(slots=True)
class LabelScores:
    """Accuracy and per-label F1 for a sequence of (gold, predicted) labels."""

    labels: tuple[str, ...]
    per_label: dict[str, Counts] = field(default_factory=dict)
    correct: int = 0
    total: int = 0

    def add(self, gold: str, predicted: str) -> None:
        self.total += 1
        if gold == predicted:
            self.correct += 1
            self._counts(gold).tp += 1
            return
        self._counts(gold).fn += 1
        self._counts(predicted).fp += 1

    def _counts(self, label: str) -> Counts:
        return self.per_label.setdefault(label, Counts())

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def macro_f1(self) -> float:
        """Mean F1 over the labels that occur in gold or predictions (absent ones say nothing)."""
        seen = [self.per_label[label] for label in self.labels if label in self.per_label]
        return sum(c.f1 for c in seen) / len(seen) if seen else 0.0

    def to_json(self) -> dict[str, object]:
        return {
            "total": self.total,
            "accuracy": round(100 * self.accuracy, 1),
            "macro_f1": round(100 * self.macro_f1, 1),
            "per_label": {
                k: self.per_label[k].to_json() for k in self.labels if k in self.per_label
            },
        }


def total(counts: Iterable[Counts]) -> Counts:
    out = Counts()
    for c in counts:
        out.add(c)
    return out
