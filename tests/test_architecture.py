"""The layering the design promises, checked on every test run."""

from __future__ import annotations

import json
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


def _loaded_after(imports: str) -> set[str]:
    """The top-level packages a fresh interpreter holds after these imports."""
    names = "json.dumps(sorted({m.split('.')[0] for m in sys.modules}))"
    code = f"import json, sys; import {imports}; print({names})"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    ).stdout
    return set(json.loads(out))


def test_engine_and_session_import_without_qt_in_a_fresh_interpreter() -> None:
    loaded = _loaded_after(
        "readwise_desktop.engine.analyze, readwise_desktop.export.text_report, "
        "readwise_desktop.app.session"
    )
    assert "PySide6" not in loaded


def test_rules_are_read_with_importlib_resources_not_file_paths() -> None:
    package = ROOT / "src" / "readwise_desktop"
    offenders = [
        p.name for p in package.rglob("*.py") if "__file__" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_the_window_module_imports_nothing_heavy_before_its_first_paint() -> None:
    """spaCy loads in the worker thread, the format readers when a file is read."""
    loaded = _loaded_after("readwise_desktop.ui.app")
    assert not loaded & {"spacy", "thinc", "lxml", "trafilatura", "pypdfium2"}
