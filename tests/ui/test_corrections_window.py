"""Corrections in the window: applied, remembered for the article, undone and redone."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from readwise_desktop.engine.results import SourceType
from readwise_desktop.export import render
from readwise_desktop.packaged import sample_path
from readwise_desktop.ui.main_window import MainWindow
from tests.ui.conftest import open_and_wait


def test_not_a_hedge_source_wrong_and_undo(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, sample_path())
    analysis = window.analysis
    assert analysis is not None
    roughly = analysis.text.index("roughly")
    before = len(analysis.hedges)
    assert window.corrections.not_a_hedge_at(roughly + 1)
    assert window.analysis is not None and len(window.analysis.hedges) == before - 1
    index, _ = next(
        (i, s)
        for i, s in window.analysis.claims()
        if "said Jonas Berg" in window.analysis.text[s.start : s.end]
    )
    window.corrections.source_wrong(index)
    claim = window.analysis.sentences[index]
    assert claim.sourcing == "UNSOURCED" and claim.reviewed == "source is wrong"
    assert "source is wrong" in render(window.analysis, "csv")
    window.corrections.stack.undo()
    assert window.analysis.sentences[index].sourcing == "NAMED_PERSON"
    window.corrections.stack.undo()
    assert len(window.analysis.hedges) == before
    window.corrections.stack.redo()
    assert len(window.analysis.hedges) == before - 1


def test_corrections_come_back_when_the_article_is_reopened(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_and_wait(qtbot, window, sample_path())
    assert window.analysis is not None
    index = next(i for i, s in window.analysis.claims() if s.sourcing == "UNSOURCED")
    window.corrections.mark_sourced(index, "Port Alder archive", SourceType.DOCUMENT.value)
    assert window.analysis.sentences[index].sourcing == "DOCUMENT"
    open_and_wait(qtbot, window, sample_path())
    claim = window.analysis.sentences[index]
    assert claim.sourcing == "DOCUMENT" and claim.reviewed == "sourced by Port Alder archive"
    assert window.sidebar.model.rowCount() == window.analysis.summary.claims
