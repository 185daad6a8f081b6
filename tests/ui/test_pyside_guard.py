"""PySide6 6.12.0 crashes on Python <= 3.11 ("Fatal Python error: none_dealloc") after about
5,000 calls of a Qt method that returns nothing. The pin keeps us below it; this test makes
20,000 such calls in a fresh interpreter and checks that it survives."""

from __future__ import annotations

import os
import subprocess
import sys

import PySide6

CALLS = r"""
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for i in range(20_000):
    label.setText("x")        # returns None
    label.setToolTip("tip")   # returns None
print("survived", i + 1)
"""


def test_pinned_pyside_version() -> None:
    major, minor = (int(x) for x in PySide6.__version__.split(".")[:2])
    if sys.version_info < (3, 12):
        assert (major, minor) < (6, 12), PySide6.__version__


def test_twenty_thousand_none_returning_calls() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", CALLS],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
    assert "none_dealloc" not in result.stderr
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived 20000" in result.stdout
