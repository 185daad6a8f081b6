"""File › Open batch results…: the report of a ``batch`` results folder, in the window.

The same page ``readwise-desktop report`` writes (``app.report``), its charts as images (Qt's
rich text draws no inline SVG) and its links to the exports followed inside the dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from readwise_desktop.ui.html_dialog import HtmlDialog

if TYPE_CHECKING:
    from readwise_desktop.ui.main_window import MainWindow


class ResultsReport(HtmlDialog):
    def __init__(self, window: MainWindow, folder: Path, page: str) -> None:
        screen = window.screen().availableGeometry()
        size = (min(1000, screen.width() - 40), min(900, screen.height() - 60))
        title = f"Report on {folder.name}"
        super().__init__(window, "resultsReport", title, page, size, search_paths=[str(folder)])


def open_results(window: MainWindow, folder: Path | None = None) -> ResultsReport | None:
    """Ask for a results folder (unless given) and show its report; one sentence if it is not."""
    from readwise_desktop.app.report import ReportError, is_results_folder, render_report

    if folder is None:
        chosen = QFileDialog.getExistingDirectory(window, "Open batch results")
        if not chosen:
            return None
        folder = Path(chosen)
    if not is_results_folder(folder):
        window.show_error(
            f"{folder} holds no batch results (run 'readwise-desktop batch' into it first).",
            "Not a results folder",
        )
        return None
    try:
        page = render_report(folder, svg_as_images=True)
    except (ReportError, OSError) as err:
        window.show_error(str(err), "Cannot show this report")
        return None
    dialog = ResultsReport(window, folder, page)
    dialog.open()
    return dialog
