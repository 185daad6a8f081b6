"""Start-up: launch to first paint, and to the first highlights on the bundled sample, beside a
minimal PySide6 window in the same run (alternating, 3 runs each, medians).
Target (issue 16): first paint within 1.5x of the minimal window.
Run: ``python -m pytest tests/benchmarks/test_startup.py -m benchmark -s``."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

MINIMAL = """
import time; t0 = time.perf_counter()
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTextEdit
app = QApplication([])
w = QMainWindow(); w.setCentralWidget(QTextEdit("Hello")); w.resize(1280, 800); w.show()
def painted():
    print('{"paint": %f}' % (time.perf_counter() - t0)); app.quit()
QTimer.singleShot(0, painted)
app.exec()
"""

APP = """
import time; t0 = time.perf_counter()
import json
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from readwise_desktop.app.session import Session
from readwise_desktop.packaged import sample_path
from readwise_desktop.ui.app import make_settings
from readwise_desktop.ui.main_window import MainWindow
from readwise_desktop.ui.worker import AnalysisService
service = AnalysisService(Session())
window = MainWindow(service, make_settings()); window.resize(1280, 800); window.show()
out = {}
def painted():
    out["paint"] = time.perf_counter() - t0
    service.start(); window.open_path(str(sample_path()))
def formatted():
    if window.view.formatting:
        QTimer.singleShot(10, formatted); return
    out["highlights"] = time.perf_counter() - t0
    print(json.dumps(out)); app.quit()
window.analysisShown.connect(lambda _: QTimer.singleShot(0, formatted))
QTimer.singleShot(0, painted)
app.exec(); service.stop()
"""


def _run(code: str, home: Path) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", READWISE_DESKTOP_HOME=str(home))
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr[-2000:]
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def test_first_paint_beside_a_minimal_window(tmp_path: Path) -> None:
    minimal, app = [], []
    for _ in range(3):
        minimal.append(_run(MINIMAL, tmp_path)["paint"])
        app.append(_run(APP, tmp_path))
    base = statistics.median(minimal)
    paint = statistics.median(a["paint"] for a in app)
    highlights = statistics.median(a["highlights"] for a in app)
    print(
        f"\nminimal window first paint {base:.2f} s; app first paint {paint:.2f} s "
        f"({paint / base:.2f}x); first highlights on the sample {highlights:.2f} s"
    )
    assert paint <= 1.5 * base, f"first paint {paint:.2f} s is {paint / base:.2f}x the minimal"
