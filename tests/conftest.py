"""Shared fixtures: the pipelines (loaded once per session) and the shared evaluation data."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Nothing a test runs may write to the user's real folders: the app's own home is a temporary
# folder, and the platform folders point at a "forbidden" one that must stay empty.
_SANDBOX = Path(tempfile.mkdtemp(prefix="readwise-tests-"))
FORBIDDEN = _SANDBOX / "forbidden"
os.environ["READWISE_DESKTOP_HOME"] = str(_SANDBOX / "home")
for _variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_variable] = str(FORBIDDEN / _variable.lower())


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    written = [p for p in FORBIDDEN.rglob("*") if p.is_file()] if FORBIDDEN.exists() else []
    if written:
        print(f"\nFiles written outside READWISE_DESKTOP_HOME: {written}")
        session.exitstatus = 1


from readwise_desktop.engine.pipeline import LoadedPipeline, load_pipeline  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def pipeline() -> LoadedPipeline:
    """The trained pipeline with the learned attribution tagger, as the app runs it. The test run
    installs the model; its absence is a failure."""
    from readwise_desktop.app.learned_model import WITH_MODEL, with_learned_model

    loaded = with_learned_model(load_pipeline(), ())
    assert not loaded.reduced_accuracy, f"no trained model: {loaded.attempts}"
    assert loaded.name.endswith(WITH_MODEL), loaded.name
    return loaded


@pytest.fixture(scope="session")
def rules_pipeline() -> LoadedPipeline:
    """The trained pipeline without the learned tagger: what the rules alone find."""
    return load_pipeline()


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
