"""Shared fixtures: the pipelines (loaded once per session) and the shared evaluation data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from readwise_desktop.core.pipeline import LoadedPipeline, load_pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def pipeline() -> LoadedPipeline:
    """The trained pipeline. The test run installs the model; its absence is a failure."""
    loaded = load_pipeline()
    assert not loaded.reduced_accuracy, f"no trained model: {loaded.attempts}"
    return loaded


@pytest.fixture(scope="session")
def rules_only() -> LoadedPipeline:
    return load_pipeline(model_names=())


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared (spec, samples, evaluation data): absent on a user's clone, so skip there."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


@pytest.fixture(scope="session")
def seed_text(shared: Path) -> str:
    path = shared / "samples" / "seed_article.txt"
    if not path.is_file():
        pytest.skip("the seed article is not in ../shared")
    return path.read_text(encoding="utf-8")
