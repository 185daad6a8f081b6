"""The readwise-desktop command: analyze in JSON and text; bad input is one line and exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from readwise_desktop.cli.main import main
from readwise_desktop.packaged import sample_path

ARTICLE = "Strike spreads\nOfficials said the port may close. Nearly 40 ships wait.\n"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "readwise_desktop", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_analyze_prints_the_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert main(["analyze", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "readwise-desktop/analysis/1"
    assert data["file"] == str(path) and data["title"] == "Strike spreads"
    assert data["pipeline"].startswith("en_core_web_sm")
    for key in ("text", "sentences", "hedges", "attributions", "summary"):
        assert key in data
    assert {h["text"] for h in data["hedges"]} == {"may", "Nearly"}
    assert data["summary"]["by_sourcing"]["UNNAMED_OFFICIAL"] == 1


def test_several_files_give_an_array_and_text_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one, two = tmp_path / "1.txt", tmp_path / "2.txt"
    one.write_text(ARTICLE, encoding="utf-8")
    two.write_text(ARTICLE.encode("utf-16").decode("latin-1"), encoding="latin-1")
    assert main(["analyze", str(one), str(two)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, list) and data[0]["text"] == data[1]["text"]
    assert main(["analyze", str(one), "--format", "text"]) == 0
    report = capsys.readouterr().out
    assert "[UNNAMED OFFICIAL] ← Officials" in report and "«may»{modal}" in report
    assert "Sources" in report


def test_rules_only_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert main(["analyze", str(path), "--rules-only"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["pipeline"].startswith("rules-only") and data["reduced_accuracy"] is True


@pytest.mark.parametrize("make", ["missing", "folder", "binary", "empty", "undecodable"])
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, make: str) -> None:
    path = tmp_path / "input.txt"
    if make == "folder":
        path.mkdir()
    elif make == "binary":
        path.write_bytes(bytes(range(256)) * 16)
    elif make == "empty":
        path.write_bytes(b"")
    elif make == "undecodable":
        path.write_bytes(b"caf\xe9 \x81\x8d\x8f\x90")
    result = run("analyze", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("readwise-desktop: error: ")
    assert "Traceback" not in result.stderr


def test_bad_rule_file_is_one_line(tmp_path: Path) -> None:
    rules = tmp_path / "mine.toml"
    rules.write_text('schema = "nope"\n', encoding="utf-8")
    result = run("analyze", str(sample_path()), "--rules", str(rules))
    assert result.returncode == 2 and "invalid rules" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_bundled_sample_ships_in_the_package() -> None:
    text = sample_path().read_text(encoding="utf-8")
    assert "reportedly" in text and "according to" in text


def test_without_a_display_the_window_command_explains_and_reports(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["READWISE_DESKTOP_HOME"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "readwise_desktop", "--demo"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
    assert result.returncode == 0
    assert "no display found" in result.stderr and "Sources" in result.stdout
