"""Hand judgements of real news (Wikinews): seven times 100 hedge highlights and 100 attributions
drawn at random (seeds 15 to 21) from 254 articles outside our dev set, each judged by
reading its sentence. Seed 15 was judged on 2026-12-01 and its mistakes studied; seed 16 was
drawn and judged on 2026-12-02 after those fixes, as a fresh measurement, and studied in turn;
seed 17 was drawn on commit f333b4c (2026-12-02, fourth session), seed 18 on d38d57b (fifth
session, ``python tools/review_sample.py --seed 18``), seed 19 on d48fc3c (sixth session)
seed 20 on a561de8 (seventh session) and seed 21 on d56d2e7 (eighth session), each judged as
the next fresh measurement.

Of the judged findings the analysis still makes, this share must be right; and it must keep
every finding judged right. The floors are what was measured when they were last raised; the
targets of issue 15 are 90 % for both. These tests read ../shared and skip where it is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readwise_desktop.engine.analyze import analyze_text
from readwise_desktop.engine.pipeline import LoadedPipeline
from readwise_desktop.engine.results import Analysis
from readwise_desktop.evaluation.runner import WIKINEWS_FILE, wikinews_texts
from tests.locations import FIXTURES

REVIEW = FIXTURES / "hedge_review"
# Measured on 2026-12-03: 84/88, 82/94, 95/100, 81/95, 90/98 hedges; 69/81, 69/83, 73/93,
# 74/92, 72/89 sources; then 69/82, 74/91, 74/91 for seeds 16 to 18; seed 20 fresh: 86/100
# hedges, 72/100 sources. Eighth session: seed 21 fresh 87/100 hedges, 71/100 sources; then
# 86/98, 77/100 and 87/98, 80/94 for seeds 20 and 21. Ninth session: seed 22 fresh 73/100
# hedges, 74/100 sources; then 73/97 and 82/95. Seed 23 (drawn on be8a363) fresh 79/100
# hedges, 77/100 sources; then 79/99 and 78/98. Tenth session: seed 24 (drawn on 987af89) fresh
# 85/100 hedges, 77/100 sources; then 85/98 and 85/96. Seed 25 (drawn on 4cfb081) fresh 85/100
# hedges, 80/100 sources; then 85/100 and 83/100.
HEDGE_PRECISION_FLOOR = {
    15: 0.95,
    16: 0.87,
    17: 0.95,
    18: 0.85,
    19: 0.91,
    20: 0.87,
    21: 0.89,
    22: 0.75,
    23: 0.80,
    24: 0.86,
    25: 0.85,
}
SOURCE_TYPE_FLOOR = {
    15: 0.85,
    16: 0.84,
    17: 0.86,
    18: 0.82,
    19: 0.81,
    20: 0.79,
    21: 0.87,
    22: 0.87,
    23: 0.81,
    24: 0.88,
    25: 0.83,
}
SEEDS = sorted(HEDGE_PRECISION_FLOOR)


def _judged(name: str) -> list[dict[str, object]]:
    lines = (REVIEW / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def analyses(pipeline: LoadedPipeline, shared: Path) -> dict[str, Analysis]:
    if not (shared / "data" / WIKINEWS_FILE).is_file():
        pytest.skip("the Wikinews folder is not in ../shared/data")
    texts = wikinews_texts(shared / "data")
    docs = {
        str(r["doc"])
        for seed in SEEDS
        for n in ("hedges", "sources")
        for r in _judged(f"wikinews_seed{seed}_{n}.jsonl")
    }
    return {d: analyze_text(pipeline, texts[d]) for d in sorted(docs)}


@pytest.mark.parametrize("seed", SEEDS)
def test_hedge_highlights_on_real_news_stay_precise(
    analyses: dict[str, Analysis], seed: int
) -> None:
    judged = _judged(f"wikinews_seed{seed}_hedges.jsonl")
    found = {d: {(h.start, h.end) for h in a.hedges} for d, a in analyses.items()}
    still = [j for j in judged if (j["start"], j["end"]) in found[str(j["doc"])]]
    right = [j for j in still if j["hedge"]]
    assert len(right) / len(still) >= HEDGE_PRECISION_FLOOR[seed], f"{len(right)}/{len(still)}"
    assert len(right) == sum(bool(j["hedge"]) for j in judged)  # no real hedge lost


@pytest.mark.parametrize("seed", SEEDS)
def test_source_types_on_real_news_hold(analyses: dict[str, Analysis], seed: int) -> None:
    judged = _judged(f"wikinews_seed{seed}_sources.jsonl")
    right = total = lost = 0
    for j in judged:
        at = [
            a
            for a in analyses[str(j["doc"])].attributions
            if a.cue.start <= j["cue_start"] and j["cue_end"] <= a.cue.end  # "also said" too
        ]
        correct = j["right_type"] or (j["source_type"] if j["type_right"] else None)
        if not at:
            lost += bool(j["is_attribution"] and j["type_right"])
            continue
        total += 1
        right += bool(j["is_attribution"] and at[0].source_type.value == correct)
    assert right / total >= SOURCE_TYPE_FLOOR[seed], f"{right}/{total}"
    assert lost == 0  # no rightly typed attribution lost
