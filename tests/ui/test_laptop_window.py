"""Issue 16, point 9 and the last session's findings: laptop screens (the legend folds, the
splitters are remembered, the ledger shows the selected claim in full, zoom reaches the
sidebar), the practice "missed" wave, the ◆ marker's contrast, library errors in the panels."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from readwise_desktop.app.library import LibraryError
from readwise_desktop.packaged import sample_path
from readwise_desktop.ui.article_view import Overlay, _overlay_format
from readwise_desktop.ui.ledger_model import UNSOURCED_TEXT
from readwise_desktop.ui.main_window import MainWindow
from readwise_desktop.ui.theme import DARK_ROLES
from readwise_desktop.ui.wavy import wave_segments
from readwise_desktop.ui.worker import AnalysisService
from tests.ui.conftest import WAIT_MS, open_and_wait


def contrast(a: str, b: str) -> float:
    def luminance(hex_colour: str) -> float:
        c = QColor(hex_colour)
        parts = [
            v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
            for v in (c.redF(), c.greenF(), c.blueF())
        ]
        return 0.2126 * parts[0] + 0.7152 * parts[1] + 0.0722 * parts[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def open_dialogs(window: MainWindow) -> list[QMessageBox]:
    return [b for b in window.findChildren(QMessageBox, "errorDialog") if b.isVisible()]


def dialog_text(window: MainWindow) -> str:
    """The one error dialog open: its sentence (and it is closed)."""
    [box] = open_dialogs(window)
    text = box.text()
    box.close()
    return text


@pytest.mark.parametrize("size", [(1024, 700), (1366, 740)])
def test_laptop_sizes_fold_the_legend_and_keep_the_ledger(
    qtbot: QtBot, window: MainWindow, size: tuple[int, int]
) -> None:
    window.resize(*size)
    window.saved_state.remove("legend")
    window.hide()
    window.show()
    assert not window.legend.isVisible() and window.legend_button.isVisible()
    open_and_wait(qtbot, window, sample_path())
    table = window.sidebar.table
    claim_width = table.columnWidth(3)
    assert claim_width >= 0.35 * table.viewport().width()  # the claim is not squeezed out
    side = window.side.rect()
    button = window.legend_button.geometry()
    assert side.contains(button)  # nothing clipped under the ledger
    assert window.sidebar.details.height() >= 3 * window.sidebar.fontMetrics().height()


def test_the_selected_claim_shows_in_full(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1024, 700)
    open_and_wait(qtbot, window, sample_path())
    sidebar, table = window.sidebar, window.sidebar.table
    line = table.line_height()
    longest = max(
        range(table.model().rowCount()), key=lambda r: len(table.model().index(r, 3).data())
    )
    sidebar.select_claim(int(table.model().index(longest, 0).data(256)))
    assert table.rowHeight(longest) > 2 * line  # wrapped to its column, in full
    other = 0 if longest else 1
    assert table.rowHeight(other) == line
    sidebar.select_claim(int(table.model().index(other, 0).data(256)))
    assert table.rowHeight(longest) == line  # back to one line


def test_zoom_reaches_the_ledger_and_the_practice_panel(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, sample_path())
    table, panel = window.sidebar.table, window.practice.panel
    before = (table.font().pointSizeF(), table.line_height(), panel.font().pointSizeF())
    window.zoom(+2)
    assert table.font().pointSizeF() > before[0] and table.line_height() > before[1]
    assert window.legend.font().pointSizeF() > before[0]
    assert panel.font().pointSizeF() > before[2]
    assert table.verticalHeader().defaultSectionSize() == table.line_height()
    window.reset_zoom()
    assert table.font().pointSizeF() == pytest.approx(before[0])


def test_the_splitters_are_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    service = AnalysisService()
    first = MainWindow(service, settings)
    qtbot.addWidget(first)
    first.resize(1366, 740)
    first.show()
    first.splitter.setSizes([900, 466])
    first.sidebar.split.setSizes([200, 300])
    main, ledger = first.splitter.sizes(), first.sidebar.split.sizes()
    first.close()
    again = MainWindow(service, settings)
    qtbot.addWidget(again)
    again.resize(1366, 740)  # as restoreGeometry does on a screen this size
    again.show()
    assert again.splitter.sizes() == main
    top, bottom = again.sidebar.split.sizes()  # the ledger's share (its height may differ)
    assert top / (top + bottom) == pytest.approx(ledger[0] / sum(ledger), abs=0.02)


def test_a_missed_mark_is_a_wave_not_a_tint(qtbot: QtBot, window: MainWindow) -> None:
    missed = _overlay_format(Overlay(0, 5, "#D55E00", "wavy", False, ""))
    assert missed.background().style().name == "NoBrush"  # no salmon wash
    assert missed.underlineStyle().name == "NoUnderline"  # drawn by the view, visibly
    mine = _overlay_format(Overlay(0, 5, "#0072B2", "dashed", False, "", tinted=True))
    assert mine.background().style().name != "NoBrush"
    with qtbot.waitSignal(window.analysisShown, timeout=WAIT_MS):
        window.practice.open_exercise("01_storm")
    qtbot.waitUntil(lambda: not window.view.formatting, timeout=WAIT_MS)
    window.practice.panel.check_reading()
    window.practice.panel.result_view.close()
    view = window.view
    waves = [o for o in view.overlays if o.underline == "wavy"]
    assert waves and all(not o.tinted for o in waves)
    wave = waves[0]
    segments = wave_segments(
        view.document(), view.qt_position(wave.start), view.qt_position(wave.end)
    )
    assert segments and all(x2 > x1 for x1, x2, _ in segments)
    image = view.viewport().grab().toImage()
    x1, x2, y = segments[0]
    top = -view.verticalScrollBar().value()
    red = [
        image.pixelColor(int(x), int(y + dy + top))
        for x in range(int(x1) + 2, int(x2) - 2, 3)
        for dy in (-2, -1, 0, 1, 2)
    ]
    assert sum(c.red() > 150 and c.blue() < 120 for c in red) > len(red) // 10  # a red wave


def test_the_unsourced_marker_meets_aa_on_both_themes(qtbot: QtBot, window: MainWindow) -> None:
    dark_base = DARK_ROLES[next(r for r in DARK_ROLES if r.name == "Base")]
    assert contrast(UNSOURCED_TEXT[True], dark_base) >= 4.5
    assert contrast(UNSOURCED_TEXT[False], "#FFFFFF") >= 4.5
    open_and_wait(qtbot, window, sample_path())
    window.set_dark(True)
    model = window.sidebar.model
    row = next(
        r for r, i in enumerate(model.rows) if window.analysis.sentences[i].sourcing == "UNSOURCED"
    )
    colour = model.data(model.index(row, 0), 9)  # ForegroundRole
    assert isinstance(colour, QColor) and colour.name().upper() == UNSOURCED_TEXT[True].upper()


def test_library_errors_are_one_sentence_and_lose_nothing(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_and_wait(qtbot, window, sample_path())
    analysis = window.analysis
    window.library.db.execute("PRAGMA query_only=ON")  # every write fails, as on a full disk
    panel = window.library_panel
    panel.note.setPlainText("Call the harbour authority.")
    panel.save_note()
    assert "could not be kept" in dialog_text(window)
    panel.note.setPlainText("Call the harbour authority twice.")
    panel.save_note()  # told once, not at every pause in typing
    assert (
        window.findChild(QMessageBox, "errorDialog") is None
        or not window.findChild(QMessageBox, "errorDialog").isVisible()
    )
    assert panel.note.toPlainText().endswith("twice.")
    claim = next(i for i, s in analysis.claims() if s.attribution is not None)
    window.corrections.source_wrong(claim)
    assert "could not be kept" in dialog_text(window)
    assert window.analysis.sentences[claim].sourcing == analysis.sentences[claim].sourcing
    assert window.corrections.stack.count() == 0 or not window.corrections.stack.canUndo()
    panel.list.setCurrentRow(0)
    panel.delete_selected()
    assert "could not be kept" in dialog_text(window) and panel.list.count() == 1
    window.library.db.execute("PRAGMA query_only=OFF")
    panel.save_note()  # the disk has room again: the note is kept
    assert window.library.note(panel._note_hash or "").endswith("twice.")

    def unreadable(*_: object) -> object:
        raise LibraryError("The library could not be read (database disk image is malformed).")

    monkeypatch.setattr(window.library, "entries", unreadable)
    monkeypatch.setattr(window.library, "practice", unreadable)
    panel.search.setText("strike")
    assert "could not be read" in dialog_text(window) and panel.list.count() == 1
    window.practice.progress_dialog()
    assert "could not be read" in dialog_text(window)
    assert window.analysis is not None and window.view.toPlainText().startswith("Dock strike")


def test_a_practice_result_the_library_cannot_keep(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.analysisShown, timeout=WAIT_MS):
        window.practice.open_exercise("01_storm")
    qtbot.waitUntil(lambda: not window.view.formatting, timeout=WAIT_MS)
    window.library.db.execute("PRAGMA query_only=ON")
    result = window.practice.panel.check_reading()
    assert result is not None and window.practice.panel.checked is result  # still shown
    window.practice.panel.result_view.close()
    assert "could not be kept" in dialog_text(window)
    window.library.db.execute("PRAGMA query_only=OFF")
