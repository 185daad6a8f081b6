"""Issue 16, point 17 (and issue 20): the window's shell paints before the session, the library,
settings.toml, the highlight vocabulary and the ledger are loaded; the rest follows at once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import WAIT_MS

AT_FIRST_PAINT = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from readwise_desktop.ui.app import launch
window = launch(app, size=(1024, 700))
out = {}
class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "paint" not in out:
            out["paint"] = sorted(m for m in sys.modules if m.startswith(("readwise", "tomlkit",
                "regex", "sqlite3", "spacy", "lxml", "importlib.metadata")))
            out["complete_at_paint"] = window.complete
        return False
watch = Watch()
window.windowHandle().installEventFilter(watch)
def ready():
    out["ready"] = window.complete
    out["menus"] = {k: len(m.actions()) for k, m in window.menus.items()}
    print(json.dumps(out)); app.quit()
window.ready.connect(ready)
app.exec(); window.service.stop()
"""


def test_the_shell_paints_before_the_session_and_the_ledger(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", READWISE_DESKTOP_HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", AT_FIRST_PAINT],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    out = json.loads(result.stdout.strip().splitlines()[-1])
    loaded = set(out["paint"])
    assert out["complete_at_paint"] is False
    heavy = {
        "readwise_desktop.app.session",
        "readwise_desktop.app.library",
        "readwise_desktop.app.settings",
        "readwise_desktop.export.styles",
        "readwise_desktop.ui.sidebar",
        "readwise_desktop.ui.article_view",
        "tomlkit",
        "regex",
        "sqlite3",
        "spacy",
        "lxml",
        "importlib.metadata",
    }
    assert not loaded & heavy, sorted(loaded & heavy)
    assert out["ready"] is True
    assert all(n > 0 for n in out["menus"].values()), out["menus"]  # every menu filled


def test_launch_builds_the_rest_after_the_first_paint(qtbot: QtBot) -> None:
    from readwise_desktop.ui.app import launch

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = launch(app, size=(1366, 740))
    qtbot.addWidget(window)
    assert not window.complete and window.isVisible()
    assert window.stack.currentWidget() is window.empty  # the empty state paints first
    with qtbot.waitSignal(window.ready, timeout=WAIT_MS):
        pass
    try:
        assert window.complete and window.acceptDrops()
        assert window.stack.indexOf(window.view) >= 0
        qtbot.waitUntil(window.sidebar.isVisible)
        assert not window.legend.isVisible()  # a laptop-sized window: the legend folded
        qtbot.waitUntil(lambda: window.service.ready, timeout=WAIT_MS)
        assert window.model_label.text().startswith(("Model:", "⚠"))
    finally:
        window.service.stop()
