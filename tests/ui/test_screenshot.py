"""``readwise-desktop FILE --screenshot OUT.png``: offscreen, and under a real X server (Xvfb)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from readwise_desktop.packaged import sample_path


def _check_png(path: Path) -> None:
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1280, 800)
    colours = {image.pixel(x, y) for x in range(0, 1280, 16) for y in range(0, 800, 16)}
    assert len(colours) > 20, "the screenshot is nearly blank"


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=300, env=env, check=False)


def test_screenshot_offscreen(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "READWISE_DESKTOP_HOME": str(tmp_path / "home"),
    }
    result = _run(
        [sys.executable, "-m", "readwise_desktop", str(sample_path()), "--screenshot", str(out)],
        env,
    )
    assert result.returncode == 0, result.stderr
    _check_png(out)


def test_screenshot_under_xvfb(tmp_path: Path) -> None:
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        pytest.skip("xvfb-run is not installed (tests/run.sh installs it where it may)")
    out = tmp_path / "xshot.png"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update({"QT_QPA_PLATFORM": "xcb", "READWISE_DESKTOP_HOME": str(tmp_path / "home")})
    result = _run(
        [
            xvfb,
            "-a",
            "-s",
            "-screen 0 1400x900x24",
            sys.executable,
            "-m",
            "readwise_desktop",
            "--demo",
            "--screenshot",
            str(out),
        ],
        env,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    _check_png(out)


def test_missing_file_for_the_window_is_one_line_and_exit_2(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = _run([sys.executable, "-m", "readwise_desktop", str(tmp_path / "nope.txt")], env)
    assert result.returncode == 2 and "no such file" in result.stderr
    assert "Traceback" not in result.stderr
