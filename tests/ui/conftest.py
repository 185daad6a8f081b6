"""Window fixtures: a real worker thread and model, settings in a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from readwise_desktop.ui.gc_guard import MainThreadGC
from readwise_desktop.ui.main_window import MainWindow
from readwise_desktop.ui.worker import AnalysisService

WAIT_MS = 60_000


@pytest.fixture(autouse=True)
def gui_thread_gc(qapp: object) -> Iterator[None]:
    """As in the app: the cyclic collector runs in the GUI thread only."""
    collector = MainThreadGC()
    yield
    collector.stop()


@pytest.fixture(autouse=True)
def clean_clipboard(qapp: object) -> Iterator[None]:
    """Qt's clipboard outlives Python: data a test gives it must be freed while Python lives."""
    yield
    QApplication.clipboard().clear()


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("READWISE_DESKTOP_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    service = AnalysisService()
    win = MainWindow(service, settings)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(service.modelReady, timeout=WAIT_MS):
        service.start()
    yield win
    service.stop()


def open_and_wait(qtbot: QtBot, window: MainWindow, path: Path | str) -> None:
    with qtbot.waitSignal(window.analysisShown, timeout=WAIT_MS):
        window.open_path(path)
    qtbot.waitUntil(lambda: not window.view.formatting, timeout=WAIT_MS)
