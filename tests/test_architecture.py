"""The layering the design promises, checked on every test run."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_linter_layers_and_forbidden_contracts_are_kept() -> None:
    exe = shutil.which("lint-imports")
    assert exe is not None, "import-linter is a test dependency"
    result = subprocess.run(
        [exe, str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 4 kept, 0 broken" in result.stdout


def test_engine_and_session_import_without_qt_in_a_fresh_interpreter() -> None:
    code = (
        "import sys; import readwise_desktop.engine.analyze, readwise_desktop.export.text_report; "
        "import readwise_desktop.app.session; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    ).stdout
    assert out.strip() == "False"


def test_rules_are_read_with_importlib_resources_not_file_paths() -> None:
    package = ROOT / "src" / "readwise_desktop"
    offenders = [
        p.name for p in package.rglob("*.py") if "__file__" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_the_window_module_imports_nothing_heavy_before_its_first_paint() -> None:
    """spaCy loads in the worker thread, the format readers when a file is read."""
    code = (
        "import sys; import readwise_desktop.ui.app; "
        "print(sorted(m for m in ('spacy', 'thinc', 'lxml', 'trafilatura', 'pypdfium2') "
        "if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    ).stdout
    assert out.strip() == "[]"
