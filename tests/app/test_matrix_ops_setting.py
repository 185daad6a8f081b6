"""The ``matrix_ops`` setting (issue 20): read from settings.toml, checked, kept when saved, and
handed to the pipeline the session builds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from readwise_desktop.app.paths import HOME_ENV
from readwise_desktop.app.session import Session
from readwise_desktop.app.settings import Settings, load_settings, save_settings
from readwise_desktop.engine import pipeline as engine_pipeline


def settings_file(tmp_path: Path, line: str) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(f"version = 1\n[analysis]\n{line}\n", encoding="utf-8")
    return path


def test_the_setting_is_read_and_a_bad_value_reported(tmp_path: Path) -> None:
    assert load_settings(settings_file(tmp_path, 'matrix_ops = "blis"'))[0].matrix_ops == "blis"
    settings, problems = load_settings(settings_file(tmp_path, 'matrix_ops = "mkl"'))
    assert settings.matrix_ops == "auto" and len(problems) == 1
    assert "'auto', 'numpy' or 'blis'" in str(problems[0])


def test_the_setting_is_saved_only_once_chosen(tmp_path: Path) -> None:
    path = settings_file(tmp_path, 'model_path = ""')
    save_settings(path, Settings())
    assert "matrix_ops" not in path.read_text(encoding="utf-8")
    save_settings(path, Settings(matrix_ops="numpy"))
    assert load_settings(path)[0].matrix_ops == "numpy"


def test_the_session_builds_its_pipeline_on_the_chosen_kernels(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: dict[str, Any] = {}

    def fake_load(*args: Any, **kwargs: Any) -> None:
        asked.update(kwargs)
        raise RuntimeError("stop before loading a model")

    monkeypatch.setattr(engine_pipeline, "load_pipeline", fake_load)
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "home"))  # save_settings writes there
    session = Session()
    session.settings = Settings(matrix_ops="blis")
    with pytest.raises(RuntimeError, match="stop before"):
        session.load()
    assert asked["matrix_ops"] == "blis"
    assert session.save_settings(Settings(matrix_ops="numpy")) is True
