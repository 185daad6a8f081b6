"""What the window does with the worker's answers: the model line, progress, a finished
analysis (kept in the library, corrected, drawn, counted, ledgered) and failures."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer

from readwise_desktop.app.library import LibraryError, text_hash
from readwise_desktop.engine.results import Analysis
from readwise_desktop.ui.window_state import remember_recent

if TYPE_CHECKING:
    from readwise_desktop.ui.main_window import MainWindow

REDUCED = "⚠ Rules only: reduced accuracy (no trained model)"
MODEL_LINE_SHARE = 0.45  # of the window's width: the status message keeps the rest
MODEL_LINE_MIN_PX = 320


class Results:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def model_ready(self, description: str, reduced: bool) -> None:
        """The pipeline in use, as the session describes it (what it lacks, too: "… (learned
        attribution model not available: rules only)"). Too long for the status line, it loses
        its start, not its end, where what is missing is said; the tooltip has it all."""
        label = self.window.model_label
        if reduced:
            label.setText(REDUCED)
            label.setToolTip(
                "No trained English model could be loaded; hedges and sources are found from "
                f"word lists alone.\n{description}"
            )
            return
        metrics = label.fontMetrics()
        budget = max(MODEL_LINE_MIN_PX, int(self.window.width() * MODEL_LINE_SHARE))
        budget -= metrics.horizontalAdvance("Model: ")
        shown = metrics.elidedText(description, Qt.TextElideMode.ElideLeft, budget)
        label.setText(f"Model: {shown}")
        label.setToolTip(f"Model: {description}")

    def progress(self, request: int, done: int, total: int) -> None:
        self.window.progress.setRange(0, total)
        self.window.progress.setValue(done)

    def finished(self, request: int, analysis: Analysis) -> None:
        w = self.window
        if request != w.request:
            return
        w._busy(False)
        w.corrections.raw = analysis
        w.corrections.stack.clear()
        digest = text_hash(analysis.text)
        analysis = w.session.corrected(analysis, digest)
        w.analysis = analysis
        self._name_the_window(analysis)
        w.stack.setCurrentWidget(w.view)
        w.meta_label.setText(metadata_line(analysis.metadata))
        self.keep(analysis, digest)
        w.meta_label.setVisible(bool(analysis.metadata))
        w.position_label.setText("")
        practising = w.practice.takes(analysis)  # an exercise: opens with answers hidden
        if not practising and w.practice.active:
            w.practice.stop()
        w.view.show_analysis(analysis, set() if practising else w.legend.visible(), w.dark)
        w.find_bar.matches = []
        if practising:
            w.practice.start()
        QTimer.singleShot(0, lambda: self.show_ledger(analysis))  # in a tick of its own
        self.show_counts(analysis)

    def _name_the_window(self, analysis: Analysis) -> None:
        """Remember the file (recent, last) and put the article's title in the title bar."""
        w = self.window
        if w._pending_path is not None:
            w.current_path = w._pending_path
            remember_recent(w, w._pending_path)
            w.saved_state.setValue("last_file", w._pending_path)
        else:
            w.current_path = None
        name = Path(w.current_path).name if w.current_path else "pasted text"
        w.setWindowTitle(f"{analysis.title or name} — readwise-desktop")

    def keep(self, analysis: Analysis, digest: str) -> None:
        """Store the article in the library; when that fails it is shown all the same, with a
        message that it could not be kept."""
        w = self.window
        try:
            w.library.remember(analysis, w.current_path)
            w.library_panel.refresh()
            w.library_panel.show_note_for(digest)
        except LibraryError as err:
            message, note = str(err), "The article is shown, but it is not in the library."
            QTimer.singleShot(0, lambda: w._error(message, "Not kept in the library", note))

    def show_counts(self, analysis: Analysis) -> None:
        """The counts in the status bar; none in practice, where they would give answers away."""
        if self.window.practice.active:
            return
        s = analysis.summary
        self.window.statusBar().showMessage(
            f"{s.claims} claims: {s.by_group['named']} named, {s.by_group['unnamed']} unnamed, "
            f"{s.by_group['unsourced']} unsourced; {sum(s.hedges_by_category.values())} hedges."
        )

    def show_ledger(self, analysis: Analysis) -> None:
        """The sidebar's summary and ledger; then the analysis is shown in full."""
        w = self.window
        if analysis is not w.analysis:
            return  # a newer analysis came first
        w.sidebar.set_analysis(analysis)
        w.analysisShown.emit(analysis)

    def ledger_filtered(self, sentences: list[int] | None) -> None:
        """A count or the filter menu chose some claims: the text shows their highlights only."""
        if not self.window.practice.active:
            self.window.view.set_focus(sentences)

    def position(self, text: str) -> None:
        self.window.position_label.setText(text)
        self.window.statusBar().showMessage(text, 4000)

    def show_corrected(self, raw: Analysis) -> None:
        """Show the analysis again with the reader's corrections applied (after one changed)."""
        w = self.window
        analysis = w.session.corrected(raw, text_hash(raw.text))
        w.analysis = analysis
        scroll = w.view.verticalScrollBar().value()
        selected = w.sidebar.current_claim()
        w.view.update_analysis(analysis)  # in place: the reader stays where they were
        w.sidebar.set_analysis(analysis)
        if selected is not None:
            w.sidebar.select_claim(selected)
        w.view.verticalScrollBar().setValue(scroll)
        self.show_counts(analysis)
        w.analysisShown.emit(analysis)

    def failed(self, request: int, message: str) -> None:
        self.window._busy(False)
        self.window._error(message)


def metadata_line(metadata: dict[str, object]) -> str:
    """ "NITF · agency: Northwind News · date: 2026-11-26 · image captions left out: 1"."""
    parts = [str(metadata["format"])] if "format" in metadata else []
    parts += [f"{k}: {v}" for k, v in metadata.items() if k not in ("format", "file")]
    return " · ".join(parts)
