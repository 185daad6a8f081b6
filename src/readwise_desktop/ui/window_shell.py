"""The window's shell: what its first paint shows (the empty state, the panes, the menu titles,
the status line). It needs Qt and nothing else, so the window appears before the session, the
library and the highlight vocabulary are loaded; ``window_parts`` fills it in right after."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QSplitter, QStackedWidget, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from readwise_desktop.ui.main_window import MainWindow

EMPTY_STATE = (
    "<h2>No article open</h2>"
    "<p>Open a plain-text article with <b>File › Open</b> (Ctrl+O), paste one with "
    "<b>Ctrl+Shift+V</b>, or drop a file or text here.</p>"
    "<p>Try the sample: <b>Help › Open sample article</b>.</p>"
)
MENU_TITLES = ("&File", "&Edit", "&View", "&Go", "&Ledger", "&Practice", "&Help")


def build_shell(window: MainWindow) -> None:
    """The splitter (the reading pane with its empty state, the side panel), the menu titles
    and the status line."""
    window.empty = QLabel(EMPTY_STATE)
    # by name, not Qt.AlignmentFlag: the Qt namespace costs ~30 ms to import, more than the
    # whole shell, and nothing else before the first paint needs it
    window.empty.setStyleSheet("qproperty-alignment: AlignCenter;")
    window.empty.setWordWrap(True)
    window.empty.setAccessibleName("No article open")
    window.stack = QStackedWidget()
    window.stack.addWidget(window.empty)
    reading = QWidget()
    window.reading_layout = QVBoxLayout(reading)
    window.reading_layout.setContentsMargins(0, 0, 0, 0)
    window.reading_layout.addWidget(window.stack, 1)
    window.side = side = QWidget()
    side.setObjectName("sidePanel")
    window.side_layout = QVBoxLayout(side)
    window.side_layout.setContentsMargins(0, 0, 0, 0)
    window.splitter = QSplitter()
    window.splitter.setObjectName("mainSplitter")
    window.splitter.addWidget(reading)
    window.splitter.addWidget(side)
    window.splitter.setStretchFactor(0, 3)
    window.splitter.setStretchFactor(1, 2)
    window.splitter.setChildrenCollapsible(False)
    window.setCentralWidget(window.splitter)
    bar = window.menuBar()
    window.menus = {name: bar.addMenu(name) for name in MENU_TITLES}
    window.model_label = QLabel("Loading the language model…")
    window.model_label.setAccessibleName("Language model in use")
    window.statusBar().addPermanentWidget(window.model_label)
