"""``analyze`` ends its process without Python's teardown (issue 20): what it printed and wrote
is complete, and the exit code is kept."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from readwise_desktop.cli.main import main
from readwise_desktop.packaged import sample_path


def analyze(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, READWISE_DESKTOP_HOME=str(home))
    command = [sys.executable, "-m", "readwise_desktop", "analyze", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)


def test_the_output_is_whole_when_the_process_leaves_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    printed = analyze(str(sample_path()), home=tmp_path)
    assert printed.returncode == 0, printed.stderr
    assert json.loads(printed.stdout)["schema"] == "readwise-desktop/analysis/1"
    assert main(["analyze", str(sample_path())]) == 0  # in a caller's process: it returns
    assert printed.stdout == capsys.readouterr().out


def test_a_failure_keeps_its_exit_code(tmp_path: Path) -> None:
    failed = analyze(str(tmp_path / "missing.txt"), home=tmp_path)
    assert failed.returncode == 2 and "error" in failed.stderr
