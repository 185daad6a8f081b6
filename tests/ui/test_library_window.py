"""The Library panel: every opened article is kept, searchable, re-opened, deleted; notes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from readwise_desktop.app.library import text_hash
from readwise_desktop.packaged import sample_path
from readwise_desktop.ui.main_window import MainWindow
from tests.ui.conftest import WAIT_MS, open_and_wait


def test_opened_articles_are_kept_and_reopened(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_and_wait(qtbot, window, sample_path())
    with qtbot.waitSignal(window.analysisShown, timeout=WAIT_MS):
        window.open_text("Officials said the ferry may be late.", "")
    panel = window.library_panel
    assert panel.list.count() == 2
    panel.search.setText("harbour")
    assert panel.list.count() == 1 and "Dock strike spreads" in panel.list.item(0).text()
    assert "named 10 · unnamed 7 · unsourced 2" in panel.list.item(0).text()
    panel.list.setCurrentRow(0)
    with qtbot.waitSignal(window.analysisShown, timeout=WAIT_MS):
        panel.list.itemActivated.emit(panel.list.item(0))
    assert window.analysis is not None and window.analysis.title.startswith("Dock strike")
    panel.search.setText("")
    panel.list.setCurrentRow(1)
    panel.delete_selected()
    assert panel.list.count() == 1


def test_the_note_is_saved_with_the_article(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, sample_path())
    panel = window.library_panel
    panel.note.setPlainText("Call the harbour authority about the 4,000 figure.")
    panel.save_note()
    assert window.analysis is not None
    digest = text_hash(window.analysis.text)
    assert window.library.note(digest).startswith("Call the harbour authority")
    panel.search.setText("4,000 figure")
    assert panel.list.count() == 1


def test_the_article_is_shown_when_the_library_cannot_keep_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Issue 19, point 6: a full disk (SQLite may not grow the file) never hides the article."""
    open_and_wait(qtbot, window, sample_path())  # one article kept
    db = window.library.db
    db.execute(f"PRAGMA max_page_count={db.execute('PRAGMA page_count').fetchone()[0]}")
    text = "Officials said the ferry may be late. " * 400
    with qtbot.waitSignal(window.analysisShown, timeout=WAIT_MS):
        window.open_text(text, "")
    assert window.analysis is not None and window.analysis.text.startswith("Officials said")
    assert window.view.toPlainText().startswith("Officials said the ferry")
    qtbot.waitUntil(lambda: "could not be kept" in getattr(window, "last_error", ""))
    assert "full" in window.last_error
    box = window.findChild(QMessageBox, "errorDialog")
    assert box is not None and "not in the library" in box.informativeText()
    box.close()
