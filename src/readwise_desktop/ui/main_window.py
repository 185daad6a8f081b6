"""The reading window: article view, sidebar with summary and claim ledger, legend and toggles."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QMimeData, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from readwise_desktop.app.inputs import open_dialog_filter
from readwise_desktop.app.library import Entry, LibraryError, text_hash
from readwise_desktop.app.settings import (
    Settings,
)
from readwise_desktop.engine.results import Analysis
from readwise_desktop.ui.article_view import ArticleView
from readwise_desktop.ui.corrections import Corrections
from readwise_desktop.ui.file_actions import FileActions
from readwise_desktop.ui.find_bar import FindBar
from readwise_desktop.ui.glossary import HelpDialog, glossary_html, shortcuts_html
from readwise_desktop.ui.legend import Legend
from readwise_desktop.ui.library_panel import LibraryPanel
from readwise_desktop.ui.menus import build_menus
from readwise_desktop.ui.navigation import Navigator
from readwise_desktop.ui.palette import apply_theme
from readwise_desktop.ui.practice import Practice
from readwise_desktop.ui.preferences import Preferences
from readwise_desktop.ui.sidebar import Sidebar
from readwise_desktop.ui.text_input import text_from_mime
from readwise_desktop.ui.window_state import remember_recent, restore_state
from readwise_desktop.ui.worker import AnalysisService

EMPTY_STATE = (
    "<h2>No article open</h2>"
    "<p>Open a plain-text article with <b>File › Open</b> (Ctrl+O), paste one with "
    "<b>Ctrl+Shift+V</b>, or drop a file or text here.</p>"
    "<p>Try the sample: <b>Help › Open sample article</b>.</p>"
)


class MainWindow(QMainWindow):
    analysisShown = Signal(object)

    menus: dict[str, QMenu]
    recent_menu: QMenu
    dark_action: QAction

    def __init__(self, service: AnalysisService, settings: QSettings) -> None:
        super().__init__()
        self.service = service
        self.saved_state = settings  # window.ini: geometry, recent files (QSettings)
        self.analysis: Analysis | None = None
        self.current_path: str | None = None
        self._pending_path: str | None = None
        self.last_error = ""
        self.request = 0
        self.session = service.session
        # settings.toml, the reader's own (theme, size limit, rules switched off)
        self.reader_settings = self.session.settings
        self.reader_settings_problems = self.session.settings_problems
        has_file = self.session.paths.settings.is_file()
        theme = self.reader_settings.theme if has_file else settings.value("theme", "light")
        self.dark = theme == "dark"
        self.setWindowTitle("readwise-desktop")
        self.setAcceptDrops(True)
        self._build()
        self.files = FileActions(self)
        self.corrections = Corrections(self)
        self.preferences = Preferences(self)
        self.practice = Practice(self)
        build_menus(self)
        self.navigator = Navigator(self.view, self.sidebar, self._position)
        self._connect()
        restore_state(self)

    # --- construction ---------------------------------------------------------------------

    def _build(self) -> None:
        self.view = ArticleView()
        self.view.setAcceptDrops(False)
        font = self.view.font()
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.15)
        self.view.setFont(font)
        self.reading_size = font.pointSizeF()
        self.empty = QLabel(EMPTY_STATE)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName("No article open")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.view)
        self.sidebar = Sidebar()
        self.legend = Legend()
        self.side = side = QWidget()
        side.setObjectName("sidePanel")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.sidebar, 1)
        self.legend_button = QToolButton()
        self.legend_button.setText("Legend (switch each highlight on or off)")
        self.legend_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.legend_button.setCheckable(True)
        self.legend_button.setChecked(True)
        self.legend_button.setAutoRaise(True)
        self.legend_button.setAccessibleName("Show or fold the legend")
        self.legend_button.toggled.connect(self.show_legend)
        side_layout.addWidget(self.legend_button)
        side_layout.addWidget(self.legend)
        self.legend_button.setArrowType(Qt.ArrowType.DownArrow)
        self.meta_label = QLabel()
        self.meta_label.setObjectName("articleMetadata")
        self.meta_label.setAccessibleName("Article metadata")
        self.meta_label.setWordWrap(True)
        self.meta_label.setContentsMargins(8, 4, 8, 4)
        self._colour_meta_label()
        self.meta_label.setVisible(False)
        self.find_bar = FindBar(self.view)
        reading = QWidget()
        reading_layout = QVBoxLayout(reading)
        reading_layout.setContentsMargins(0, 0, 0, 0)
        reading_layout.addWidget(self.meta_label)
        reading_layout.addWidget(self.find_bar)
        reading_layout.addWidget(self.stack, 1)
        self.splitter = QSplitter()
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(reading)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.splitterMoved.connect(
            lambda *_: self.saved_state.setValue("splitter", self.splitter.saveState())
        )
        self.setCentralWidget(self.splitter)
        self.library = self.session.library
        self.library_panel = LibraryPanel(self.library)
        self.library_dock = QDockWidget("Library", self)
        self.library_dock.setObjectName("libraryDock")
        self.library_dock.setWidget(self.library_panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)
        self.library_dock.hide()
        if self.library.message:
            QTimer.singleShot(0, lambda: self._error(self.library.message or "", "Library"))
        self.model_label = QLabel("Loading the language model…")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.setAccessibleName("Analysis progress")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel the analysis")
        self.position_label = QLabel("")
        self.position_label.setAccessibleName("Position among the findings")
        self.statusBar().addPermanentWidget(self.position_label)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self.statusBar().addPermanentWidget(self.model_label)
        self._busy(False)

    def _connect(self) -> None:
        self.service.modelReady.connect(self._model_ready)
        self.service.progress.connect(self._progress)
        self.service.finished.connect(self._finished)
        self.service.failed.connect(self._failed)
        self.service.cancelled.connect(lambda _: self._busy(False))
        self.service.otherFinished.connect(self.files.other_finished)
        self.service.otherFailed.connect(lambda _, message: self._error(message))
        self.cancel_button.clicked.connect(self.cancel)
        self.legend.changed.connect(self._toggles_changed)
        self.sidebar.claimSelected.connect(self.view.select_sentence)
        self.sidebar.filterChanged.connect(self._ledger_filtered)
        self.view.claimClicked.connect(self.sidebar.select_claim)
        self.library_panel.openRequested.connect(self.reopen)
        self.view.contextRequested.connect(self.corrections.context_menu)
        self.sidebar.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.sidebar.table.customContextMenuRequested.connect(self.corrections.ledger_menu)

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
        else:
            self.open_text(self.library.text(entry.id) or "", entry.title)

    def open_dialog(self) -> None:
        start = str(Path(self.current_path).parent) if self.current_path else ""
        path, _ = QFileDialog.getOpenFileName(self, "Open article", start, open_dialog_filter())
        if path:
            self.open_path(path)

    def open_sample(self) -> None:
        from readwise_desktop.packaged import sample_path

        self.open_path(sample_path())

    def paste_article(self) -> None:
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
        files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        if files:
            self.open_path(files[0])
        else:
            self.open_text(text_from_mime(mime), "")

    # --- results -------------------------------------------------------------------------------

    def _model_ready(self, name: str, reduced: bool) -> None:
        if reduced:
            self.model_label.setText("⚠ Rules only: reduced accuracy (no trained model)")
            self.model_label.setToolTip(
                "No trained English model could be loaded; hedges and "
                "sources are found from word lists alone."
            )
        else:
            self.model_label.setText(f"Model: {name}")

    def _progress(self, request: int, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _finished(self, request: int, analysis: Analysis) -> None:
        if request != self.request:
            return
        self._busy(False)
        self.corrections.raw = analysis
        self.corrections.stack.clear()
        digest = text_hash(analysis.text)
        analysis = self._with_corrections(analysis, digest)
        self.analysis = analysis
        if self._pending_path is not None:
            self.current_path = self._pending_path
            remember_recent(self, self._pending_path)
            self.saved_state.setValue("last_file", self._pending_path)
        else:
            self.current_path = None
        name = Path(self.current_path).name if self.current_path else "pasted text"
        self.setWindowTitle(f"{analysis.title or name} — readwise-desktop")
        self.stack.setCurrentWidget(self.view)
        self.meta_label.setText(metadata_line(analysis.metadata))
        self._keep(analysis, digest)
        self.meta_label.setVisible(bool(analysis.metadata))
        self.position_label.setText("")
        practising = self.practice.takes(analysis)  # an exercise: opens with answers hidden
        if not practising and self.practice.active:
            self.practice.stop()
        self.view.show_analysis(analysis, set() if practising else self.legend.visible(), self.dark)
        self.find_bar.matches = []
        if practising:
            self.practice.start()
        QTimer.singleShot(0, lambda: self._show_ledger(analysis))  # in a tick of its own
        self._show_counts(analysis)

    def _keep(self, analysis: Analysis, digest: str) -> None:
        """Store the article in the library; when that fails it is shown all the same, with a
        message that it could not be kept."""
        try:
            self.library.remember(analysis, self.current_path)
            self.library_panel.refresh()
            self.library_panel.show_note_for(digest)
        except LibraryError as err:
            message, note = str(err), "The article is shown, but it is not in the library."
            QTimer.singleShot(0, lambda: self._error(message, "Not kept in the library", note))

    def _show_counts(self, analysis: Analysis) -> None:
        s = analysis.summary
        self.statusBar().showMessage(
            f"{s.claims} claims: {s.by_group['named']} named, {s.by_group['unnamed']} unnamed, "
            f"{s.by_group['unsourced']} unsourced; {sum(s.hedges_by_category.values())} hedges."
        )

    def _show_ledger(self, analysis: Analysis) -> None:
        """The sidebar's summary and ledger; then the analysis is shown in full."""
        if analysis is not self.analysis:
            return  # a newer analysis came first
        self.sidebar.set_analysis(analysis)
        self.analysisShown.emit(analysis)

    def _ledger_filtered(self, sentences: list[int] | None) -> None:
        """A count or the filter menu chose some claims: the text shows their highlights only."""
        if not self.practice.active:
            self.view.set_focus(sentences)

    def _position(self, text: str) -> None:
        self.position_label.setText(text)
        self.statusBar().showMessage(text, 4000)

    def _with_corrections(self, raw: Analysis, digest: str) -> Analysis:
        """The analysis with the reader's remembered corrections for this text applied."""
        return self.session.corrected(raw, digest)

    def show_corrected(self, raw: Analysis) -> None:
        """Show the analysis again with the reader's corrections applied (after one changed)."""
        analysis = self._with_corrections(raw, text_hash(raw.text))
        self.analysis = analysis
        scroll = self.view.verticalScrollBar().value()
        selected = self.sidebar.current_claim()
        self.view.update_analysis(analysis)  # in place: the reader stays where they were
        self.sidebar.set_analysis(analysis)
        if selected is not None:
            self.sidebar.select_claim(selected)
        self.view.verticalScrollBar().setValue(scroll)
        self._show_counts(analysis)
        self.analysisShown.emit(analysis)

    def _failed(self, request: int, message: str) -> None:
        self._busy(False)
        self._error(message)

    def _error(
        self,
        message: str,
        title: str = "Cannot open this",
        informative: str = "The article already open stays as it was.",
    ) -> None:
        self.statusBar().showMessage(message, 8000)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            title,
            message,
            QMessageBox.StandardButton.Ok,
            self,
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

    # --- view settings -------------------------------------------------------------------------

    def _toggles_changed(self, visible: set[str]) -> None:
        self.view.restyle(visible, self.dark)
        self.saved_state.setValue("visible", sorted(visible))

    def toggle_theme(self) -> None:
        self.set_dark(not self.dark)

    def set_dark(self, dark: bool) -> None:
        self.dark = dark
        self.dark_action.setChecked(dark)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, dark)
        self.legend.set_dark(dark)
        self._colour_meta_label()
        self.sidebar.fill_counts()  # the links take the new theme's link colour
        visible = set() if self.practice.active else self.legend.visible()
        self.view.restyle(visible, dark)  # the band and overlays are redrawn in the new theme
        self.practice.redraw()
        self.saved_state.setValue("theme", "dark" if dark else "light")

    def _colour_meta_label(self) -> None:
        """The format line in a grey that keeps its contrast on either theme."""
        colour = "#B8B8B8" if self.dark else "#505050"
        self.meta_label.setStyleSheet(f"color: {colour}; font-size: small;")

    def show_legend(self, shown: bool) -> None:
        """Fold the legend away (small screens) or show it; remembered."""
        self.legend.setVisible(shown)
        self.legend_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        if hasattr(self, "saved_state"):
            self.saved_state.setValue("legend", shown)

    def zoom(self, step: int) -> None:
        """Zoom the article, the sidebar and the ledger together."""
        if step:
            self.view.zoomIn(step)
        else:
            self.view.zoomIn(round(self.reading_size - self.view.font().pointSizeF()))
        ratio = self.view.font().pointSizeF() / self.reading_size
        base = QApplication.font().pointSizeF()
        font = self.side.font()
        font.setPointSizeF(max(6.0, base * ratio))
        self.side.setFont(font)
        table = self.sidebar.table
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)

    def find_in_article(self) -> None:
        self.find_bar.open_bar()

    def glossary(self) -> None:
        self.glossary_view = HelpDialog("Glossary", glossary_html(), self, "glossary")
        self.glossary_view.open()

    def shortcuts(self) -> None:
        self.shortcuts_view = HelpDialog(
            "Keyboard shortcuts", shortcuts_html(self), self, "shortcuts"
        )
        self.shortcuts_view.open()

    def stop_practice(self) -> None:
        self.practice.stop()

    def settings_dialog(self) -> None:
        self.preferences.settings_dialog()

    def rules_dialog(self) -> None:
        self.preferences.rules_dialog()

    def apply_settings(self, chosen: Settings) -> None:
        self.preferences.apply(chosen)

    def reset_zoom(self) -> None:
        self.zoom(0)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        legend = self.saved_state.value("legend")
        if legend is None:  # first run: a laptop screen folds the legend away
            self.legend_button.setChecked(self.height() >= 820)
        else:
            self.legend_button.setChecked(str(legend).lower() == "true")

    def last_file(self) -> str | None:
        value = self.saved_state.value("last_file")
        return str(value) if value and Path(str(value)).is_file() else None

    def closeEvent(self, event: QCloseEvent) -> None:
        self.saved_state.setValue("geometry", self.saveGeometry())
        self.saved_state.setValue("splitter", self.splitter.saveState())
        self.saved_state.setValue("window_state", self.saveState())
        self.saved_state.sync()
        try:
            self.library_panel.save_note()
        except LibraryError as err:  # closing: no dialog can be shown any more
            print(f"readwise-desktop: {err}", file=sys.stderr)
        super().closeEvent(event)


def metadata_line(metadata: dict[str, object]) -> str:
    """ "NITF · agency: Northwind News · date: 2026-11-26 · image captions left out: 1"."""
    parts = [str(metadata["format"])] if "format" in metadata else []
    parts += [f"{k}: {v}" for k, v in metadata.items() if k not in ("format", "file")]
    return " · ".join(parts)
