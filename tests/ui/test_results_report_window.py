"""File › Open batch results…: a batch's report in the window (issue 18), a plain folder refused
in one sentence with the open article kept."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from readwise_desktop.cli.main import main
from readwise_desktop.ui.main_window import MainWindow
from readwise_desktop.ui.results_report import open_results
from tests.app.batch_articles import write_articles


def test_a_results_folder_shows_its_report(window: MainWindow, tmp_path: Path) -> None:
    write_articles(tmp_path / "in")
    out = tmp_path / "results"
    assert main(["batch", str(tmp_path / "in"), "--output", str(out), "--rules-only"]) == 0
    dialog = open_results(window, out)
    assert dialog is not None and dialog.isVisible()
    text = dialog.browser.toPlainText()
    assert "Sourcing mix per outlet" in text and "most unsourced claims" in text
    assert "<svg" not in dialog.browser.toHtml()  # the charts arrive as images Qt can draw
    dialog.close()


def test_a_plain_folder_is_refused_in_one_sentence(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    before = window.view.toPlainText()
    assert open_results(window, tmp_path) is None
    assert window.last_error is not None and "holds no batch results" in window.last_error
    assert window.view.toPlainText() == before
