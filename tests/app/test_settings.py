"""Paths and settings: one home for tests, versioned TOML, problems with lines, comments kept."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from readwise_desktop.app.paths import HOME_ENV, app_paths
from readwise_desktop.app.settings import (
    NewerSettingsError,
    Settings,
    load_settings,
    save_settings,
)
from readwise_desktop.cli.main import main


def test_everything_lives_below_the_home_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(HOME_ENV, str(tmp_path))
    paths = app_paths().ensure()
    for folder in (paths.config, paths.data, paths.cache, paths.logs):
        assert folder.is_dir() and tmp_path in folder.parents
    assert paths.settings.parent == paths.config and paths.rules.parent == paths.data


def test_the_test_run_is_sandboxed() -> None:
    assert os.environ[HOME_ENV] and "readwise-tests-" in os.environ[HOME_ENV]


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "none.toml") == (Settings(), [])


def test_problems_name_file_and_line_and_defaults_are_used(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        'version = 1\ncolour = "red"\n[view]\ntheme = "purple"\ntext_size = 13\n'
        "[view.categories]\nMODAL = false\nSHOUTING = true\n[analysis]\nmax_size_mb = -4\n",
        encoding="utf-8",
    )
    settings, problems = load_settings(path)
    messages = [str(p) for p in problems]
    assert settings.theme == "light" and settings.text_size == 13.0
    assert settings.categories["MODAL"] is False and settings.max_size_mb == 50.0
    assert f"{path}:2: unknown setting 'colour', ignored" in messages
    assert any(m.startswith(f"{path}:4:") and "'light' or 'dark'" in m for m in messages)
    assert any(m.startswith(f"{path}:8:") and "SHOUTING" in m for m in messages)
    assert any(m.startswith(f"{path}:10:") and "max_size_mb" in m for m in messages)


def test_broken_toml_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("version = 1\n[view\n", encoding="utf-8")
    settings, problems = load_settings(path)
    assert settings == Settings() and len(problems) == 1 and "not valid TOML" in str(problems[0])


def test_newer_version_is_refused_politely(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('version = 7\n[view]\ntheme = "dark"\n', encoding="utf-8")
    settings, problems = load_settings(path)
    assert settings == Settings() and "newer readwise-desktop" in str(problems[0])
    with pytest.raises(NewerSettingsError):
        save_settings(path, Settings(theme="dark"))
    assert path.read_text(encoding="utf-8").startswith("version = 7")


def test_older_version_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("dark = true\nmax_size = 20000000\n", encoding="utf-8")
    settings, problems = load_settings(path)
    assert problems == [] and settings.theme == "dark" and settings.max_size_mb == 20.0


def test_saving_keeps_the_readers_comments(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    save_settings(path, Settings())
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('theme = "light"', 'theme = "light"  # my own note'), "utf-8")
    save_settings(
        path, Settings(theme="dark", categories={**Settings().categories, "MODAL": False})
    )
    text = path.read_text(encoding="utf-8")
    assert "# my own note" in text and "Comments you write here are kept" in text
    settings, problems = load_settings(path)
    assert problems == [] and settings.theme == "dark" and not settings.categories["MODAL"]


def test_settings_and_rules_commands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(HOME_ENV, str(tmp_path))
    assert main(["settings", "check"]) == 0
    app_paths().ensure().settings.write_text("version = 1\n[view]\ntheme = 3\n", "utf-8")
    assert main(["settings", "check"]) == 2
    assert ":3: 'view.theme' = 3" in capsys.readouterr().err
    rules = app_paths().rules
    rules.mkdir(parents=True)
    good = rules / "newsroom.toml"
    good.write_text(
        'schema = "readwise-desktop/rules/1"\nkind = "hedges"\nversion = "1.0"\n'
        '[[rules]]\nid = "hedge.probability.newsroom_odds"\ncategory = "PROBABILITY"\n'
        'patterns = ["odds are"]\nexplanation = "Odds are a guess."\n'
        'examples = ["Odds are it rains."]\n',
        encoding="utf-8",
    )
    assert main(["rules", "check"]) == 0
    assert "1 file(s) valid" in capsys.readouterr().out
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'schema = "readwise-desktop/rules/1"\nkind = "hedges"\nversion = "1.0"\n'
        '[[rules]]\nid = "Bad Id"\ncategory = "MAYBE"\npatterns = []\n',
        encoding="utf-8",
    )
    assert main(["rules", "check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.toml" in err and "problem(s)" in err and err.count("bad.toml") >= 2
    sample = tmp_path / "a.txt"
    sample.write_text("Odds are the talks will fail.\n", encoding="utf-8")
    assert main(["analyze", str(sample), "--format", "csv"]) == 0
    assert "Odds are (PROBABILITY)" in capsys.readouterr().out  # the reader's own rule applies
