"""The reading window, driven as a reader would: open, look, hover, click, toggle, paste, drop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from readwise_desktop.packaged import sample_path
from readwise_desktop.ui.main_window import MainWindow
from readwise_desktop.ui.palette import STYLES
from tests.ui.conftest import WAIT_MS, open_and_wait


def format_at(window: MainWindow, phrase: str) -> QTextCharFormat:
    at = window.analysis.text.index(phrase) if window.analysis else -1
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(at + 1)
    return cursor.charFormat()


def test_empty_state_until_an_article_is_open(window: MainWindow) -> None:
    assert window.stack.currentWidget() is window.empty
    assert "No article open" in window.empty.text()
    assert window.model_label.text().startswith("Model: en_core_web_sm")


def test_seed_highlights_carry_their_categories(
    qtbot: QtBot, window: MainWindow, seed_text: str, tmp_path: Path
) -> None:
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    open_and_wait(qtbot, window, path)
    assert window.stack.currentWidget() is window.view
    reportedly = format_at(window, "reportedly")
    expected = STYLES["REPORTATIVE"].char_format(dark=False)
    assert reportedly.background().color() == expected.background().color()
    assert reportedly.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    according = format_at(window, "according to official statements")
    assert according.fontWeight() == 700 and according.fontItalic()
    assert according.foreground().color().name().upper() == STYLES["CUE_UNNAMED"].colour
    gerasimov = format_at(window, "confirming")
    assert gerasimov.foreground().color().name().upper() == STYLES["CUE_NAMED"].colour
    unsourced = format_at(window, "which began on August 6")
    assert unsourced.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    assert window.sidebar.model.rowCount() == 17


def test_tooltip_says_what_why_how_and_whose(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, sample_path())
    analysis = window.analysis
    assert analysis is not None
    at = analysis.text.index("reportedly")
    tip = window.view.tooltip_at(at + 2)
    assert "Reportative hedge" in tip and len(tip.splitlines()) == 2  # what, and why
    assert "Elena Morris" in tip  # the claim's source
    cue = window.view.tooltip_at(analysis.text.index("according to") + 1)
    assert "Named organisation" in cue and "Port Alder Harbour Authority" in cue


def test_selection_syncs_both_ways(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, sample_path())
    analysis = window.analysis
    assert analysis is not None
    claims = [i for i, _ in analysis.claims()]
    window.sidebar.select_claim(claims[3])
    selections = window.view.extraSelections()
    selected = QTextCursor(selections[0].cursor)
    sentence = analysis.sentences[claims[3]]
    assert (selected.selectionStart(), selected.selectionEnd()) == (sentence.start, sentence.end)
    at = analysis.text.index("Critics say") + 2
    window.view.verticalScrollBar().setValue(0)
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(at)
    window.view.setTextCursor(cursor)
    window.view.ensureCursorVisible()
    point = window.view.cursorRect(cursor).center() + QPoint(2, 0)
    assert window.view.position_at(point) in range(at - 2, at + 3)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    target = next(i for i, s in enumerate(analysis.sentences) if s.start <= at < s.end)
    assert window.sidebar.current_claim() == target


def test_toggles_hide_and_show_a_category_at_once(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, sample_path())
    window.legend.boxes["REPORTATIVE"].setChecked(False)
    qtbot.waitUntil(lambda: not window.view.formatting, timeout=WAIT_MS)
    assert (
        format_at(window, "reportedly").underlineStyle()
        == QTextCharFormat.UnderlineStyle.NoUnderline
    )
    assert format_at(window, "about three").background().style() != Qt.BrushStyle.NoBrush
    window.legend.boxes["REPORTATIVE"].setChecked(True)
    qtbot.waitUntil(lambda: not window.view.formatting, timeout=WAIT_MS)
    assert (
        format_at(window, "reportedly").underlineStyle()
        == QTextCharFormat.UnderlineStyle.WaveUnderline
    )


def test_paste_plain_and_html(qtbot: QtBot, window: MainWindow) -> None:
    QApplication.clipboard().setText("Officials said the port may close.")
    with qtbot.waitSignal(window.analysisShown, timeout=WAIT_MS):
        window.paste_article()
    assert (
        window.analysis is not None and window.analysis.summary.by_sourcing["UNNAMED_OFFICIAL"] == 1
    )
    mime = QMimeData()
    mime.setHtml(
        "<html><head><style>p{}</style><script>x()</script></head><body>"
        "<p>Critics say the plan <b>may</b> fail.</p><img src='http://example.invalid/x.png'>"
        "</body></html>"
    )
    QApplication.clipboard().setMimeData(mime)
    with qtbot.waitSignal(window.analysisShown, timeout=WAIT_MS):
        window.paste_article()
    assert window.analysis is not None
    assert window.analysis.text == "Critics say the plan may fail."


def test_drop_a_file_and_text(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "dropped.txt"
    path.write_text("Reports emerged of shelling near the town.", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    with qtbot.waitSignal(window.analysisShown, timeout=WAIT_MS):
        window.drop_mime(mime)
    assert window.current_path == str(path)
    text = QMimeData()
    text.setText("Nearly 40 ships are waiting.")
    with qtbot.waitSignal(window.analysisShown, timeout=WAIT_MS):
        window.drop_mime(text)
    assert window.analysis is not None and window.analysis.hedges[0].text == "Nearly"


def test_bad_file_shows_a_dialog_and_keeps_the_article(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_and_wait(qtbot, window, sample_path())
    before = window.analysis
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 8)
    with qtbot.waitSignal(window.service.failed, timeout=WAIT_MS):
        window.open_path(junk)
    dialog = window.findChild(QMessageBox, "errorDialog")
    assert dialog is not None and dialog.isVisible() and "binary" in dialog.text()
    assert window.analysis is before and window.stack.currentWidget() is window.view
    dialog.close()


def test_keyboard_goes_to_the_next_unsourced_claim(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, sample_path())
    analysis = window.analysis
    assert analysis is not None
    unsourced = [i for i, s in analysis.claims() if s.sourcing == "UNSOURCED"]
    window.activateWindow()  # a shortcut fires in the active window only (a dialog may have been)
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    window.sidebar.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F4)
    assert window.sidebar.current_claim() == unsourced[0]
    qtbot.keyClick(window, Qt.Key.Key_F4)
    assert window.sidebar.current_claim() == unsourced[1]
    window.sidebar.set_filter("VAGUE")
    assert all(analysis.sentences[i].sourcing == "VAGUE" for i in window.sidebar.visible_claims())


def test_recent_files_and_last_article_are_remembered(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, sample_path())
    assert window.last_file() == str(sample_path())
    assert [a.text() for a in window.recent_menu.actions()] == [str(sample_path())]
    window.close()
    assert window.saved_state.value("geometry") is not None
