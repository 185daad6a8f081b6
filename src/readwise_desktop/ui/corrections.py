"""The reader's corrections in the window: right-click a highlight or a claim (or use Edit) for
"Not a hedge here", "Source is wrong" or "Mark as sourced by …". Each is remembered for the
article (by the hash of its text) in the library, shown as a reviewed state, included in exports,
and undoable (Ctrl+Z / Ctrl+Shift+Z)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QInputDialog, QMenu

from readwise_desktop.app.corrections import NOT_A_HEDGE, SOURCE_WRONG, Correction
from readwise_desktop.app.library import LibraryError, text_hash
from readwise_desktop.engine.results import Analysis, SourceType
from readwise_desktop.ui.source_type_question import ask_source_type

if TYPE_CHECKING:
    from readwise_desktop.ui.main_window import MainWindow


class _Correct(QUndoCommand):
    """One correction, undoable. A library that cannot keep it (damaged, a full disk) makes
    the command obsolete, so the stack never holds a step that did not happen."""

    def __init__(self, corrections: Corrections, digest: str, correction: Correction) -> None:
        super().__init__(f"{correction.kind} ({correction.start}–{correction.end})")
        self.corrections, self.digest, self.correction = corrections, digest, correction
        self.replaced = [
            d
            for d in corrections.library.corrections(digest)
            if d.kind != NOT_A_HEDGE and correction.kind != NOT_A_HEDGE
            and (d.start, d.end) == (correction.start, correction.end)
        ]  # fmt: skip

    def redo(self) -> None:
        self._guarded(lambda: self.corrections.library.add_correction(self.digest, self.correction))

    def undo(self) -> None:
        def restore() -> None:
            library = self.corrections.library
            library.remove_correction(self.digest, self.correction)
            for old in self.replaced:
                library.add_correction(self.digest, old)

        self._guarded(restore)

    def _guarded(self, change: Callable[[], None]) -> None:
        try:
            change()
        except LibraryError as err:  # shown as it was: nothing is redrawn from the library
            self.setObsolete(True)
            self.corrections.failed(str(err))
            return
        self.corrections.reapply()


class Corrections:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.library = window.library
        self.stack = QUndoStack(window)
        self.raw: Analysis | None = None  # the analysis before the reader's corrections

    def correct(self, correction: Correction) -> None:
        if self.raw is None:
            return
        try:
            command = _Correct(self, text_hash(self.raw.text), correction)
        except LibraryError as err:  # the corrections so far could not be read
            self.failed(str(err))
            return
        self.stack.push(command)

    def failed(self, message: str) -> None:
        """The library could not keep a correction: the text stays as it was shown."""
        self.window._error(
            message, "Correction not kept", "The article shows the corrections kept so far."
        )

    def reapply(self) -> None:
        if self.raw is not None:
            self.window.show_corrected(self.raw)

    # --- what the reader can say ------------------------------------------------------

    def not_a_hedge_at(self, position: int) -> bool:
        window = self.window
        for mark in window.view.marks_at(position):
            if mark.kind == "hedge" and window.analysis is not None:
                hedge = window.analysis.hedges[mark.index]
                self.correct(Correction(NOT_A_HEDGE, hedge.start, hedge.end))
                return True
        return False

    def source_wrong(self, sentence_index: int | None) -> None:
        claim = self._claim(sentence_index)
        if claim is not None:
            self.correct(Correction(SOURCE_WRONG, *claim))

    def mark_sourced(self, sentence_index: int | None, name: str = "", kind: str = "") -> None:
        claim = self._claim(sentence_index)
        if claim is None:
            return
        if not name:
            dialog = self.name_dialog()
            if dialog.exec() != QInputDialog.DialogCode.Accepted:
                return
            name = dialog.textValue().strip()
            if not name:
                return
        kind = kind or ask_source_type(self.window, "Mark as sourced by") or ""
        if not kind:
            return
        self.correct(Correction.sourced_by(*claim, SourceType(kind), name))

    def names(self) -> list[str]:
        """The sources the article names, most cited first, for the name field."""
        analysis = self.window.analysis
        if analysis is None:
            return []
        found = [s.name for s in analysis.summary.sources]
        found += [a.display_source for a in analysis.attributions if a.source_name]
        return list(dict.fromkeys(n for n in found if n.strip()))

    def name_dialog(self) -> QInputDialog:
        """Who is the source? An editable list of the names the article mentions."""
        dialog = QInputDialog(self.window)
        dialog.setObjectName("sourceNameDialog")
        dialog.setWindowTitle("Mark as sourced by")
        dialog.setLabelText("Who is the source? (pick a name from the article or type one)")
        dialog.setComboBoxItems(self.names())
        dialog.setComboBoxEditable(True)
        dialog.setTextValue("")
        return dialog

    def _claim(self, sentence_index: int | None) -> tuple[int, int] | None:
        analysis = self.window.analysis
        if analysis is None or sentence_index is None:
            return None
        sentence = analysis.sentences[sentence_index]
        return (sentence.start, sentence.end) if sentence.is_claim else None

    def context_menu(self, position: int, at: QPoint) -> None:
        """The article view's right-click menu at a text position."""
        window = self.window
        menu = QMenu(window)
        if window.practice.active:  # practice: the student's own marks, nothing given away
            panel = window.practice.panel
            menu.addAction("Mark as hedge…", panel.mark_hedge)
            menu.addAction("Mark as source…", panel.mark_source)
            menu.addAction("Mark claim unsourced", panel.mark_unsourced)
            menu.exec(at)
            return
        if any(m.kind == "hedge" for m in window.view.marks_at(position)):
            menu.addAction("Not a hedge here", lambda: self.not_a_hedge_at(position))
        sentence = window.view.sentence_at(position)
        self._claim_menu(menu, sentence if self._claim(sentence) is not None else None, at)

    def ledger_menu(self, point: QPoint) -> None:
        """The ledger's right-click menu for the claim under the pointer."""
        table = self.window.sidebar.table
        index = table.indexAt(point)
        if not index.isValid():
            return
        sentence = int(index.data(Qt.ItemDataRole.UserRole))
        self._claim_menu(QMenu(self.window), sentence, table.viewport().mapToGlobal(point))

    def _claim_menu(self, menu: QMenu, sentence: int | None, at: QPoint) -> None:
        """The claim's corrections (when there is a claim), then Undo; shown at ``at``."""
        if sentence is not None:
            menu.addAction("Source is wrong", lambda: self.source_wrong(sentence))
            menu.addAction("Mark as sourced by…", lambda: self.mark_sourced(sentence))
        menu.addSeparator()
        menu.addAction(self.stack.createUndoAction(menu, "Undo"))
        menu.exec(at)
