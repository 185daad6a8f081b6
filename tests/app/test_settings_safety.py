"""Issue 19, point 5: a settings file that does not parse is never overwritten, the last good one
is kept as a backup and used; a file without ``version`` is read; deep nesting is one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from readwise_desktop.app.paths import HOME_ENV, app_paths
from readwise_desktop.app.settings import (
    BrokenSettingsError,
    NewerSettingsError,
    Settings,
    backup_of,
    load_settings,
    save_settings,
)
from readwise_desktop.cli.main import main
from readwise_desktop.engine.rules.readers import parse_rule_text

GOOD = (
    '# my own comment\nversion = 1\n[view]\ntheme = "dark"\n'
    '[analysis]\ndisabled_rules = ["hedge.modal.would"]\n'
)
DEEP = "x = " + "[" * 3000 + "]" * 3000 + "\n"


def test_a_typo_never_costs_the_reader_their_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(GOOD, encoding="utf-8")
    assert load_settings(path)[0].theme == "dark"  # parsed: kept as the backup
    assert backup_of(path).read_text(encoding="utf-8") == GOOD
    broken = GOOD.replace('"dark"', '"dark')  # an unclosed string
    path.write_text(broken, encoding="utf-8")
    settings, problems = load_settings(path)
    assert settings.theme == "dark" and settings.disabled_rules == ("hedge.modal.would",)
    assert len(problems) == 1 and "last good settings (settings.toml.bak)" in str(problems[0])
    with pytest.raises(BrokenSettingsError) as caught:  # the window's Settings › OK
        save_settings(path, Settings(theme="light"))
    assert isinstance(caught.value, NewerSettingsError)  # the dialogs report it, unsaved
    assert "left as it is" in str(caught.value) and "\n" not in str(caught.value)
    assert path.read_text(encoding="utf-8") == broken
    assert backup_of(path).read_text(encoding="utf-8") == GOOD


def test_saving_keeps_the_previous_file_as_the_backup(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(GOOD, encoding="utf-8")
    save_settings(path, Settings(theme="light", disabled_rules=("hedge.modal.would",)))
    assert backup_of(path).read_text(encoding="utf-8") == GOOD
    assert "# my own comment" in path.read_text(encoding="utf-8")


def test_a_file_without_version_is_read_not_ignored(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('[view]\ntheme = "dark"\n[analysis]\nmax_size_mb = 20\n', encoding="utf-8")
    settings, problems = load_settings(path)
    assert problems == [] and settings.theme == "dark" and settings.max_size_mb == 20.0


def test_deep_nesting_is_one_sentence_in_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(DEEP, encoding="utf-8")
    settings, problems = load_settings(path)
    assert settings == Settings() and len(problems) == 1
    assert "nested too deeply" in str(problems[0])
    with pytest.raises(BrokenSettingsError):
        save_settings(path, Settings())
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "home"))
    app_paths().ensure().settings.write_text(DEEP, encoding="utf-8")
    assert main(["settings", "check"]) == 2
    err = capsys.readouterr().err
    assert "nested too deeply" in err and "Traceback" not in err and "Recursion" not in err


def test_deep_nesting_is_one_problem_in_a_rule_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, check = parse_rule_text(DEEP, "deep.toml")
    assert data == {} and len(check.problems) == 1
    assert "nested too deeply" in str(check.problems[0])
    rule_file = tmp_path / "deep.toml"
    rule_file.write_text(DEEP, encoding="utf-8")
    assert main(["rules", "check", str(rule_file)]) == 2
    err = capsys.readouterr().err
    assert "nested too deeply" in err and "Traceback" not in err
