"""The window's working parts, built right after its first paint: the article view and the find
bar, the sidebar and the legend, the library dock, the status bar's progress; and their wiring.

This is where the window's heavier imports live (the session's library, the highlight
vocabulary, the ledger), so that ``main_window`` itself stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QLabel, QProgressBar, QPushButton, QToolButton

from readwise_desktop.ui.article_view import ArticleView
from readwise_desktop.ui.corrections import Corrections
from readwise_desktop.ui.file_actions import FileActions
from readwise_desktop.ui.find_bar import FindBar
from readwise_desktop.ui.legend import Legend
from readwise_desktop.ui.library_panel import LibraryPanel
from readwise_desktop.ui.menus import build_menus
from readwise_desktop.ui.navigation import Navigator
from readwise_desktop.ui.practice import Practice
from readwise_desktop.ui.preferences import Preferences
from readwise_desktop.ui.results import Results
from readwise_desktop.ui.sidebar import Sidebar

if TYPE_CHECKING:
    from readwise_desktop.ui.main_window import MainWindow

LEGEND_TEXT = "Legend (switch each highlight on or off)"


def build_parts(window: MainWindow) -> None:
    """Every part of the window, then the helpers that act on them, then the menus."""
    _reading(window)
    _side(window)
    _library(window)
    _status(window)
    window.results = Results(window)
    window.files = FileActions(window)
    window.corrections = Corrections(window)
    window.preferences = Preferences(window)
    window.practice = Practice(window)
    build_menus(window)
    window.navigator = Navigator(window.view, window.sidebar, window.results.position)
    _connect(window)


def _reading(window: MainWindow) -> None:
    """The article view (in the reading font), the format line and the find bar."""
    window.view = view = ArticleView()
    view.setAcceptDrops(False)
    font = view.font()
    font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.15)
    view.setFont(font)
    window.reading_size = font.pointSizeF()
    window.stack.addWidget(view)
    window.meta_label = QLabel()
    window.meta_label.setObjectName("articleMetadata")
    window.meta_label.setAccessibleName("Article metadata")
    window.meta_label.setWordWrap(True)
    window.meta_label.setContentsMargins(8, 4, 8, 4)
    window.meta_label.setVisible(False)
    window.find_bar = FindBar(view)
    window.reading_layout.insertWidget(0, window.meta_label)
    window.reading_layout.insertWidget(1, window.find_bar)


def _side(window: MainWindow) -> None:
    """The sidebar, then the legend under a button that folds it away."""
    window.sidebar = Sidebar()
    window.legend = Legend()
    button = window.legend_button = QToolButton()
    button.setText(LEGEND_TEXT)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setCheckable(True)
    button.setChecked(True)
    button.setAutoRaise(True)
    button.setAccessibleName("Show or fold the legend")
    button.setArrowType(Qt.ArrowType.DownArrow)
    button.toggled.connect(window.show_legend)
    window.side_layout.addWidget(window.sidebar, 1)
    window.side_layout.addWidget(button)
    window.side_layout.addWidget(window.legend)


def _library(window: MainWindow) -> None:
    window.library = window.session.library
    window.library_panel = LibraryPanel(window.library)
    window.library_panel.failed.connect(lambda message: window._error(message, "Library"))
    dock = window.library_dock = QDockWidget("Library", window)
    dock.setObjectName("libraryDock")
    dock.setWidget(window.library_panel)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    dock.hide()
    if window.library.message:
        message = window.library.message
        QTimer.singleShot(0, lambda: window._error(message, "Library"))


def _status(window: MainWindow) -> None:
    """Progress, Cancel and the position counter, left of the model line."""
    window.progress = QProgressBar()
    window.progress.setMaximumWidth(180)
    window.progress.setAccessibleName("Analysis progress")
    window.cancel_button = QPushButton("Cancel")
    window.cancel_button.setAccessibleName("Cancel the analysis")
    window.position_label = QLabel("")
    window.position_label.setAccessibleName("Position among the findings")
    bar = window.statusBar()
    for at, widget in enumerate((window.position_label, window.progress, window.cancel_button)):
        bar.insertPermanentWidget(at, widget)
    window._busy(False)


def _connect(window: MainWindow) -> None:
    service, results = window.service, window.results
    service.modelReady.connect(results.model_ready)
    service.progress.connect(results.progress)
    service.finished.connect(results.finished)
    service.failed.connect(results.failed)
    service.cancelled.connect(lambda _: window._busy(False))
    service.otherFinished.connect(window.files.other_finished)
    service.otherFailed.connect(lambda _, message: window._error(message))
    window.cancel_button.clicked.connect(window.cancel)
    window.legend.changed.connect(window._toggles_changed)
    window.sidebar.claimSelected.connect(window.view.select_sentence)
    window.sidebar.filterChanged.connect(results.ledger_filtered)
    window.view.claimClicked.connect(window.sidebar.select_claim)
    window.library_panel.openRequested.connect(window.reopen)
    window.view.contextRequested.connect(window.corrections.context_menu)
    table = window.sidebar.table
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    table.customContextMenuRequested.connect(window.corrections.ledger_menu)
