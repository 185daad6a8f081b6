"""The reading window: article view, sidebar with summary and claim ledger, legend and toggles.

Built in two steps: the shell (``window_shell``) needs Qt only, so the window paints at once;
``attach`` adds the working parts (``window_parts``) with the session behind them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject, QSettings, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMenu, QMessageBox

from readwise_desktop.ui import appearance
from readwise_desktop.ui.window_shell import build_shell
from readwise_desktop.ui.window_state import (
    restore_geometry,
    restore_ledger_split,
    restore_splitter,
    restore_state,
    save_state,
)

if TYPE_CHECKING:
    from PySide6 import QtWidgets as W

    from readwise_desktop.app.library import Entry, Library
    from readwise_desktop.app.session import Session
    from readwise_desktop.app.settings import Problem, Settings
    from readwise_desktop.engine.results import Analysis
    from readwise_desktop.ui.article_view import ArticleView
    from readwise_desktop.ui.corrections import Corrections
    from readwise_desktop.ui.file_actions import FileActions
    from readwise_desktop.ui.find_bar import FindBar
    from readwise_desktop.ui.glossary import HelpDialog
    from readwise_desktop.ui.legend import Legend
    from readwise_desktop.ui.library_panel import LibraryPanel
    from readwise_desktop.ui.navigation import Navigator
    from readwise_desktop.ui.practice import Practice
    from readwise_desktop.ui.preferences import Preferences
    from readwise_desktop.ui.results import Results
    from readwise_desktop.ui.sidebar import Sidebar
    from readwise_desktop.ui.worker import AnalysisService


class MainWindow(QMainWindow):
    analysisShown = Signal(object)
    ready = Signal()  # the working parts are in: the window takes articles

    # the shell (window_shell)
    empty: W.QLabel
    stack: W.QStackedWidget
    reading_layout: W.QVBoxLayout
    side: W.QWidget
    side_layout: W.QVBoxLayout
    splitter: W.QSplitter
    menus: dict[str, QMenu]
    model_label: W.QLabel
    # the working parts (window_parts, menus)
    service: AnalysisService
    session: Session
    reader_settings: Settings
    reader_settings_problems: list[Problem]
    view: ArticleView
    meta_label: W.QLabel
    find_bar: FindBar
    sidebar: Sidebar
    legend: Legend
    legend_button: W.QToolButton
    library: Library
    library_panel: LibraryPanel
    library_dock: W.QDockWidget
    progress: W.QProgressBar
    cancel_button: W.QPushButton
    position_label: W.QLabel
    results: Results
    files: FileActions
    corrections: Corrections
    preferences: Preferences
    practice: Practice
    navigator: Navigator
    recent_menu: QMenu
    dark_action: QAction
    reading_size: float
    glossary_view: HelpDialog
    shortcuts_view: HelpDialog
    first_paint_hook: QObject  # ui.app.launch: builds the rest after the first paint

    def __init__(self, service: AnalysisService | None, settings: QSettings) -> None:
        """The shell at once; the working parts too when ``service`` is given."""
        super().__init__()
        self.saved_state = settings  # window.ini: geometry, recent files (QSettings)
        self.complete = False
        self._shown_once = False  # the splitters are restored at the first show
        self.analysis: Analysis | None = None
        self.current_path: str | None = None
        self._pending_path: str | None = None
        self.last_error = ""
        self.request = 0
        self.dark = settings.value("theme", "light") == "dark"
        self.setWindowTitle("readwise-desktop")
        build_shell(self)
        restore_geometry(self)
        if service is not None:
            self.attach(service)

    def attach(self, service: AnalysisService) -> None:
        """Build the working parts around the session of ``service``; then ``ready``."""
        from readwise_desktop.ui.window_parts import build_parts  # the heavier imports

        self.service = service
        self.session = service.session
        # settings.toml, the reader's own (theme, size limit, rules switched off)
        self.reader_settings = self.session.settings
        self.reader_settings_problems = self.session.settings_problems
        if self.session.paths.settings.is_file():
            self.dark = self.reader_settings.theme == "dark"
        build_parts(self)
        self.setAcceptDrops(True)
        self.complete = True
        restore_state(self)
        if self.isVisible():
            restore_ledger_split(self)
            appearance.fold_legend_for_screen(self)
        self.ready.emit()

    # --- getting text in ---------------------------------------------------------------------

    def open_path(self, path: str | Path) -> None:
        self.request = self.service.submit_file(path)
        self._pending_path = str(path)
        self._busy(True, f"Reading {Path(path).name}…")

    def open_text(self, text: str, name: str = "") -> None:
        if not text.strip():
            self._error("There is no text to analyse.")
            return
        self.request = self.service.submit_text(text, name)
        self._pending_path = None
        self._busy(True, "Analysing the pasted text…")

    def reopen(self, entry: Entry) -> None:
        """Open a library article: from its file when it is still there, else the stored text."""
        if entry.file and Path(entry.file).is_file():
            self.open_path(entry.file)
            return
        text = self.library_panel.stored_text(entry)
        if text is not None:
            self.open_text(text, entry.title)

    def open_dialog(self) -> None:
        from readwise_desktop.app.inputs import open_dialog_filter

        start = str(Path(self.current_path).parent) if self.current_path else ""
        path, _ = QFileDialog.getOpenFileName(self, "Open article", start, open_dialog_filter())
        if path:
            self.open_path(path)

    def open_sample(self) -> None:
        from readwise_desktop.packaged import sample_path

        self.open_path(sample_path())

    def paste_article(self) -> None:
        from readwise_desktop.ui.text_input import text_from_mime

        mime = QApplication.clipboard().mimeData()
        self.open_text(text_from_mime(mime) if mime is not None else "", "")

    def reanalyse(self) -> None:
        if self.current_path:
            self.open_path(self.current_path)
        elif self.analysis is not None:
            self.open_text(self.analysis.text, "")

    def cancel(self) -> None:
        self.service.cancel()
        self._busy(False)
        self.statusBar().showMessage("Analysis cancelled; the article shown is unchanged.", 5000)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasText() or mime.hasHtml():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.drop_mime(event.mimeData())
        event.acceptProposedAction()

    def drop_mime(self, mime: QMimeData) -> None:
        from readwise_desktop.ui.text_input import text_from_mime

        files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        if files:
            self.open_path(files[0])
        else:
            self.open_text(text_from_mime(mime), "")

    def show_corrected(self, raw: Analysis) -> None:
        """Show the analysis again with the reader's corrections applied (after one changed)."""
        self.results.show_corrected(raw)

    def show_error(self, message: str, title: str) -> None:
        """One sentence in a dialog; the open article stays."""
        self._error(message, title)

    def _error(
        self,
        message: str,
        title: str = "Cannot open this",
        informative: str = "The article already open stays as it was.",
    ) -> None:
        self.statusBar().showMessage(message, 8000)
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self
        )
        box.setInformativeText(informative)
        box.setObjectName("errorDialog")
        box.open()
        self.last_error = message

    def _busy(self, busy: bool, message: str = "") -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
            if not self.service.ready:
                message += " (waiting for the language model)"
            self.statusBar().showMessage(message)

    # --- view settings (ui/appearance.py) ----------------------------------------------------

    def _toggles_changed(self, visible: set[str]) -> None:
        self.view.restyle(visible, self.dark)
        self.saved_state.setValue("visible", sorted(visible))

    def toggle_theme(self) -> None:
        self.set_dark(not self.dark)

    def set_dark(self, dark: bool) -> None:
        appearance.set_dark(self, dark)

    def show_legend(self, shown: bool) -> None:
        """Fold the legend away (small screens) or show it; remembered."""
        appearance.show_legend(self, shown)

    def zoom(self, step: int) -> None:
        """Zoom the article, the sidebar and the ledger together."""
        appearance.zoom(self, step)

    def reset_zoom(self) -> None:
        self.zoom(0)

    def find_in_article(self) -> None:
        self.find_bar.open_bar()

    def glossary(self) -> None:
        from readwise_desktop.ui.glossary import HelpDialog, glossary_html

        self.glossary_view = HelpDialog("Glossary", glossary_html(), self, "glossary")
        self.glossary_view.open()

    def shortcuts(self) -> None:
        from readwise_desktop.ui.glossary import HelpDialog, shortcuts_html

        html = shortcuts_html(self)
        self.shortcuts_view = HelpDialog("Keyboard shortcuts", html, self, "shortcuts")
        self.shortcuts_view.open()

    def stop_practice(self) -> None:
        self.practice.stop()

    def settings_dialog(self) -> None:
        self.preferences.settings_dialog()

    def rules_dialog(self) -> None:
        self.preferences.rules_dialog()

    def apply_settings(self, chosen: Settings) -> None:
        self.preferences.apply(chosen)

    # --- the window's life ---------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            restore_splitter(self)
            if self.complete:
                restore_ledger_split(self)
        if self.complete:
            appearance.fold_legend_for_screen(self)

    def last_file(self) -> str | None:
        value = self.saved_state.value("last_file")
        return str(value) if value and Path(str(value)).is_file() else None

    def closeEvent(self, event: QCloseEvent) -> None:
        save_state(self)
        if self.complete:
            self.library_panel.save_note_on_close()
        super().closeEvent(event)
