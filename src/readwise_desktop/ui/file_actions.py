"""File › Export, Compare with another version and Print, for the main window."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from readwise_desktop.app.compare import compare
from readwise_desktop.app.inputs import open_dialog_filter
from readwise_desktop.engine.results import Analysis
from readwise_desktop.ui.compare_view import CompareDialog
from readwise_desktop.ui.exporting import ask_export_path, export_to, print_document

if TYPE_CHECKING:
    from readwise_desktop.ui.main_window import MainWindow


class FileActions:
    """The commands that take the open analysis somewhere else, or set another beside it."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._compare_path = ""
        self.compare_view: CompareDialog | None = None

    def export_dialog(self) -> None:
        if self.window.analysis is None:
            self.window.statusBar().showMessage(
                "Open an article first: there is nothing to export.", 5000
            )
            return
        stem = Path(self.window.current_path).stem if self.window.current_path else "article"
        path = ask_export_path(self.window, str(Path.home() / f"{stem}-analysis.html"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        if self.window.analysis is None:
            return
        try:
            written = export_to(path, self.window.analysis, self.window.view.document())
        except OSError as err:
            self.window._error(
                f"{path}: cannot be written ({err.strerror or err})", "Cannot export"
            )
            return
        self.window.statusBar().showMessage(f"Exported to {written}", 8000)

    def compare_dialog(self) -> None:
        if self.window.analysis is None:
            self.window.statusBar().showMessage("Open an article first, then compare it.", 5000)
            return
        start = str(Path(self.window.current_path).parent) if self.window.current_path else ""
        path, _ = QFileDialog.getOpenFileName(
            self.window, "Compare with", start, open_dialog_filter()
        )
        if path:
            self.compare_with(path)

    def compare_with(self, path: str) -> None:
        self._compare_path = path
        self.window.service.submit_other(path)
        self.window.statusBar().showMessage(f"Analysing {Path(path).name} to compare…")

    def other_finished(self, _request: int, other: Analysis) -> None:
        if self.window.analysis is None:
            return
        old_name = (
            Path(self.window.current_path).name if self.window.current_path else "this article"
        )
        new_name = Path(self._compare_path).name
        result = compare(self.window.analysis, other)
        self.compare_view = CompareDialog(result, old_name, new_name, self.window)
        self.compare_view.open()
        self.window.statusBar().showMessage(f"Compared with {new_name}", 5000)

    def print_article(self) -> None:
        if self.window.analysis is not None and print_document(
            self.window, self.window.view.document()
        ):
            self.window.statusBar().showMessage("Sent to the printer.", 5000)
