"""PySide6 6.12.0 crashes on Python <= 3.11 ("Fatal Python error: none_dealloc") after about
5,000 calls of a Qt method that returns nothing. pyproject.toml pins ``PySide6-Essentials<6.12``
for those Pythons; these tests check the pin, that the installed PySide6 satisfies it on this
Python, and make 20,000 such calls in a fresh interpreter to see that it survives."""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
import tomllib

import PySide6
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import ROOT

DISTRIBUTION = "PySide6-Essentials"

CALLS = r"""
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for i in range(20_000):
    label.setText("x")        # returns None
    label.setToolTip("tip")   # returns None
print("survived", i + 1)
"""


def pyside_requirements(python: str | None = None) -> list[Requirement]:
    """The project's PySide6 requirements that apply to ``python`` (default: this one)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    environment = {"python_version": python} if python else None
    return [
        r
        for r in map(Requirement, project["dependencies"])
        if canonicalize_name(r.name) == canonicalize_name(DISTRIBUTION)
        and (r.marker is None or r.marker.evaluate(environment))
    ]


def test_the_pin_keeps_python_3_11_below_6_12() -> None:
    (on_311,) = pyside_requirements("3.11")
    (on_312,) = pyside_requirements("3.12")
    assert "6.11.3" in on_311.specifier and "6.12.0" not in on_311.specifier
    assert "6.12.1" not in on_311.specifier  # any 6.12 may crash there
    assert "6.12.0" in on_312.specifier  # 3.12 and later are not affected


def test_the_installed_pyside_satisfies_the_pin_for_this_python() -> None:
    (requirement,) = pyside_requirements()
    installed = importlib.metadata.version(DISTRIBUTION)
    assert PySide6.__version__ == installed  # the PySide6 imported is that distribution
    assert requirement.specifier.contains(installed, prereleases=True), (
        f"{DISTRIBUTION} {installed} on Python {sys.version_info[:2]}: needs {requirement}"
    )
    if sys.version_info < (3, 12):
        major, minor = (int(x) for x in installed.split(".")[:2])
        assert (major, minor) < (6, 12), installed


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
