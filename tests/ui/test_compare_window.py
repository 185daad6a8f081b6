"""File › Compare with another version: the dialog lists what changed."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from readwise_desktop.ui.main_window import MainWindow
from tests.app.test_compare import NEW, OLD
from tests.ui.conftest import WAIT_MS, open_and_wait


def test_compare_dialog(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    open_and_wait(qtbot, window, old)
    before = window.analysis
    with qtbot.waitSignal(window.service.otherFinished, timeout=WAIT_MS):
        window.files.compare_with(str(new))
    qtbot.waitUntil(lambda: window.files.compare_view is not None, timeout=WAIT_MS)
    html = window.files.compare_view.browser.toPlainText()
    assert "gained a source" in html and "lost a source" in html
    assert "Sources that vanished" in html and "Jonas Berg" in html
    assert window.analysis is before  # the open article stays
    window.files.compare_view.close()
