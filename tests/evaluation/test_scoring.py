"""Span matching and label scores: exact and one-to-one overlap matching, P/R/F1, macro-F1."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from readwise_desktop.evaluation.scoring import (
    Counts,
    GoldSpan,
    LabelScores,
    match_exact,
    match_overlap,
)


def spans(*ranges: tuple[int, int]) -> list[GoldSpan]:
    return [GoldSpan((r,)) for r in ranges]


def test_exact_needs_the_same_offsets() -> None:
    match = match_exact([(0, 4), (10, 14)], spans((0, 4), (10, 15)))
    assert match.pairs == ((0, 0),)
    assert match.false_alarms == (1,) and match.misses == (1,)


def test_overlap_is_one_to_one_and_prefers_the_larger_overlap() -> None:
    # One long prediction covers two gold spans: it may claim only one, the larger overlap.
    match = match_overlap([(0, 20)], spans((0, 3), (5, 20)))
    assert match.pairs == ((0, 1),)
    assert match.misses == (0,)


def test_a_discontinuous_gold_span_overlaps_through_any_fragment() -> None:
    gold = [GoldSpan(((0, 4), (30, 35)))]
    assert match_overlap([(31, 33)], gold).pairs == ((0, 0),)
    assert match_exact([(0, 35)], gold).pairs == ((0, 0),)
    assert match_overlap([(10, 20)], gold).pairs == ()


def test_precision_recall_f1() -> None:
    counts = Counts(tp=6, fp=2, fn=4)
    assert counts.precision == 0.75 and counts.recall == 0.6
    assert abs(counts.f1 - 2 * 0.75 * 0.6 / 1.35) < 1e-12
    assert Counts().f1 == 0.0
    assert counts.to_json()["f1"] == 66.7


def test_label_scores_accuracy_and_macro_f1() -> None:
    scores = LabelScores(("A", "B", "C"))
    for gold, predicted in [("A", "A"), ("A", "B"), ("B", "B"), ("C", "C")]:
        scores.add(gold, predicted)
    assert scores.accuracy == 0.75
    f1_a, f1_b, f1_c = 2 / 3, 2 / 3, 1.0
    assert abs(scores.macro_f1 - (f1_a + f1_b + f1_c) / 3) < 1e-12


ranges = st.lists(
    st.tuples(st.integers(0, 50), st.integers(1, 10)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=8,
)


@given(ranges, ranges)
def test_matching_invariants(predicted: list[tuple[int, int]], gold: list[tuple[int, int]]) -> None:
    gold_spans = spans(*gold)
    exact, overlap = match_exact(predicted, gold_spans), match_overlap(predicted, gold_spans)
    for match in (exact, overlap):
        counts = match.counts
        assert counts.tp + counts.fp == len(predicted)
        assert counts.tp + counts.fn == len(gold)
        assert len({p for p, _ in match.pairs}) == len({g for _, g in match.pairs}) == counts.tp
    # every exact pair shares characters, so overlap finds at least as many pairs
    assert overlap.counts.tp >= exact.counts.tp
