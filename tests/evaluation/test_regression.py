"""Accuracy cannot drop silently: a small dev sample's scores are pinned (tune on dev only).

The floors are the scores measured when they were last raised, minus half a point for
floating-point and model noise. When a change raises a score, raise its floor here too.
These tests read ../shared/data and skip where it is absent (a user's clone).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readwise_desktop.engine.analyze import analyze_text
from readwise_desktop.engine.pipeline import LoadedPipeline, load_pipeline
from readwise_desktop.evaluation import runner
from tests.locations import FIXTURES

TOLERANCE = 0.5
WEASEL_RULE = "hedge.approximator.vague_quantity"
POLNEAR_DEV_12 = {
    "source exact": 78.8,
    "source overlap": 80.3,
    "cue exact": 73.0,
    "cue overlap": 78.2,
}
# 55.2 until 2026-12-03: "he delivered a speech harshly attacking the ulama" then gave a VAGUE
# source ("a speech"), counted as a weasel; the speaker is now the Shah ("he"), one hit fewer.
CONLL_DEV_150 = {"uncertain sentences (CoNLL-2010)": 54.1}
REVIEW = FIXTURES / "hedge_review"


def data_dir(shared: Path) -> Path:
    data = shared / "data"
    if not (data / "polnear").is_dir() or not (data / "szeged_uncertainty").is_dir():
        pytest.skip("the evaluation data is not in ../shared/data")
    return data


def test_polnear_dev_sample_scores_hold(pipeline: LoadedPipeline, shared: Path) -> None:
    report = runner.run_polnear(pipeline, data_dir(shared), "dev", 12)
    scores = {name: 100 * counts.f1 for name, counts in report.rows}
    for name, floor in POLNEAR_DEV_12.items():
        assert scores[name] >= floor - TOLERANCE, f"{name} F1 fell to {scores[name]:.1f}"


def test_conll2010_dev_sample_scores_hold(shared: Path) -> None:
    """Scored as CoNLL-2010 defines uncertainty: Wikipedia's weasel words ("some critics",
    "many believe") count, so the opt-in vague-quantity rule is switched on here."""
    pipeline = load_pipeline(enabled_rules=[WEASEL_RULE])
    report = runner.run_conll2010(pipeline, data_dir(shared), "dev", 150)
    scores = {name: 100 * counts.f1 for name, counts in report.rows}
    for name, floor in CONLL_DEV_150.items():
        assert scores[name] >= floor - TOLERANCE, f"{name} F1 fell to {scores[name]:.1f}"


def test_hand_checked_hedges_stay_precise(pipeline: LoadedPipeline, shared: Path) -> None:
    """120 hedges drawn at random from PolNeAR dev and judged by hand (hedge or not).

    Of the reviewed findings the analysis still makes, at least 85 % must be real hedges, and
    it must still make at least 90 % of the ones judged right (precision without losing recall).
    """
    lines = (REVIEW / "polnear_dev_seed11.jsonl").read_text(encoding="utf-8").splitlines()
    reviews = [json.loads(line) for line in lines]
    for review in reviews:  # judged before the taxonomy was read strictly: "many voters" is
        if review["rule_id"] == WEASEL_RULE:  # no APPROXIMATOR ("some" before a number is)
            review["hedge"] = False
    docs = {}
    with (data_dir(shared) / "polnear" / "polnear_dev.jsonl").open(encoding="utf-8") as handle:
        wanted = {r["doc"] for r in reviews}
        for line in handle:
            record = json.loads(line)
            if record["id"] in wanted:
                docs[record["id"]] = record["text"]
    found: dict[str, set[tuple[int, int]]] = {}
    for doc_id, text in docs.items():
        found[doc_id] = {(h.start, h.end) for h in analyze_text(pipeline, text).hedges}
    still = [r for r in reviews if (r["start"], r["end"]) in found[r["doc"]]]
    right = [r for r in still if r["hedge"]]
    assert len(right) / len(still) >= 0.85, f"precision {len(right)}/{len(still)}"
    judged_right = sum(r["hedge"] for r in reviews)
    assert len(right) >= 0.9 * judged_right, f"kept {len(right)} of {judged_right} real hedges"
