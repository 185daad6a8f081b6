"""Practice mode: highlights hidden, marks by keyboard commands, a score, progress kept."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from readwise_desktop.ui.main_window import MainWindow
from tests.ui.conftest import WAIT_MS


def select(window: MainWindow, phrase: str) -> None:
    assert window.analysis is not None
    start = window.analysis.text.index(phrase)
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(window.view.qt_position(start))
    cursor.setPosition(
        window.view.qt_position(start + len(phrase)), QTextCursor.MoveMode.KeepAnchor
    )
    window.view.setTextCursor(cursor)


def test_practice_on_an_exercise(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.analysisShown, timeout=WAIT_MS):
        window.practice.open_exercise("01_storm")
    qtbot.waitUntil(lambda: not window.view.formatting, timeout=WAIT_MS)
    assert window.practice.active and not window.sidebar.isVisible()  # opens in practice
    nearly = QTextCursor(window.view.document())
    nearly.setPosition(window.view.qt_position(window.analysis.text.index("nearly")) + 1)
    assert nearly.charFormat().background().style().name == "NoBrush"  # highlights hidden
    panel = window.practice.panel
    select(window, "nearly")
    panel.mark_hedge("APPROXIMATOR")
    select(window, "police")
    panel.mark_source("UNNAMED_OFFICIAL")
    select(window, "Residents")
    panel.mark_source("VAGUE")
    assert panel.list.count() == 3
    assert panel.list.item(0).text() == "hedge: “nearly” (approximate figure)"
    result = panel.check_reading()
    assert result is not None and window.practice.active and not window.side.isVisible()
    assert result.counts["APPROXIMATOR"].tp == 1 and result.counts["PROBABILITY"].fn == 1
    html = panel.result_view.browser.toPlainText()
    assert "You found 1 of the 2 hedges." in html and "You missed it" in html
    window.stop_practice()
    assert not window.practice.active and window.sidebar.isVisible()
    [(exercise, attempts, best, _, missed)] = window.library.practice()
    assert exercise == "01_storm" and attempts == 1 and 0 < best < 1
    assert missed["sourcing"] == 2
    window.practice.progress_dialog()
    assert "Storm closes coastal road" in window.practice.progress_view.browser.toPlainText()


def test_practice_needs_an_article(window: MainWindow) -> None:
    window.practice.start()
    assert not window.practice.active


def test_blank_exercise_hand_in_and_teacher_check(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    with qtbot.waitSignal(window.analysisShown, timeout=WAIT_MS):
        window.practice.open_exercise("04_bakery")
    qtbot.waitUntil(lambda: not window.view.formatting, timeout=WAIT_MS)
    blank = tmp_path / "blank.json"
    window.practice.export_blank(str(blank))
    data = json.loads(blank.read_text(encoding="utf-8"))
    assert data["id"] == "04_bakery" and "hedges" not in data and "sentences" not in data
    window.practice.start()
    select(window, "reportedly")
    window.practice.panel.mark_hedge("REPORTATIVE")
    marks = tmp_path / "marks.json"
    window.practice.hand_in(str(marks))
    result = window.practice.check_handed_in(str(marks))
    assert result is not None and result.counts["REPORTATIVE"].tp == 1
    tampered = json.loads(marks.read_text(encoding="utf-8"))
    tampered["text"] = tampered["text"].replace("Bakery", "Butcher")
    marks.write_text(json.dumps(tampered), encoding="utf-8")
    assert window.practice.check_handed_in(str(marks)) is None
    assert "no exercise '04_bakery' with this text" in window.last_error


def test_the_status_bar_gives_no_answers_away_in_practice(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.analysisShown, timeout=WAIT_MS):
        window.practice.open_exercise("01_storm")
    qtbot.waitUntil(lambda: not window.view.formatting, timeout=WAIT_MS)
    message = window.statusBar().currentMessage()
    assert message.startswith("Practice:") and "unsourced" not in message
    window.practice.panel.check_reading()
    assert "unsourced" not in window.statusBar().currentMessage()
    window.stop_practice()
    assert "unsourced;" in window.statusBar().currentMessage()  # the counts come back
