"""What the window remembers between runs: geometry, the splitters and docks, the highlights
shown, recent files; and applying settings.toml when the window opens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QTimer

from readwise_desktop.app.paths import app_paths

if TYPE_CHECKING:
    from readwise_desktop.ui.main_window import MainWindow

MAX_RECENT = 8


def remember_recent(window: MainWindow, path: str) -> None:
    recent = [p for p in _recent(window) if p != path]
    window.saved_state.setValue("recent", [path, *recent][:MAX_RECENT])
    fill_recent(window)


def _recent(window: MainWindow) -> list[str]:
    value = window.saved_state.value("recent", [])
    return [str(v) for v in value] if isinstance(value, list) else [str(value)] if value else []


def fill_recent(window: MainWindow) -> None:
    window.recent_menu.clear()
    for path in _recent(window):
        action = window.recent_menu.addAction(path)
        action.triggered.connect(lambda _=False, p=path: window.open_path(p))
    window.recent_menu.setEnabled(bool(_recent(window)))


def restore_geometry(window: MainWindow) -> None:
    """The window's size and place: all the first paint needs besides the splitter."""
    geometry = window.saved_state.value("geometry")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    else:
        window.resize(1280, 800)


def restore_splitter(window: MainWindow) -> None:
    """The main splitter as the reader left it, once the window has its final size (its first
    show): restored earlier, the sizes would be scaled to a provisional width."""
    state = window.saved_state.value("splitter")
    if isinstance(state, QByteArray):
        window.splitter.restoreState(state)
    else:  # the first run: three fifths for the article, two for the sidebar and its ledger
        width = window.splitter.width() or window.width()
        window.splitter.setSizes([width * 3 // 5, width * 2 // 5])


def restore_ledger_split(window: MainWindow) -> None:
    """The ledger and the details pane as the reader left them."""
    split = window.saved_state.value("ledger_split")
    if isinstance(split, QByteArray):
        window.sidebar.split.restoreState(split)


def restore_state(window: MainWindow) -> None:
    """Everything else, once the window is complete: docks, the highlights shown, recent
    files, settings.toml and its problems, the theme."""
    docks = window.saved_state.value("window_state")
    if isinstance(docks, QByteArray):
        window.restoreState(docks)
    visible = window.saved_state.value("visible")
    if isinstance(visible, list):
        window.legend.set_visible({str(v) for v in visible})
    fill_recent(window)
    if app_paths().settings.is_file():
        window.apply_settings(window.reader_settings)
    if window.reader_settings_problems:
        problems = "\n".join(str(p) for p in window.reader_settings_problems)
        QTimer.singleShot(0, lambda: window._error(problems, "Settings"))
    if window.dark:
        QTimer.singleShot(0, lambda: window.set_dark(True))


def save_state(window: MainWindow) -> None:
    """Geometry, splitters and docks, written at once (the window is closing)."""
    state = window.saved_state
    state.setValue("geometry", window.saveGeometry())
    state.setValue("splitter", window.splitter.saveState())
    state.setValue("window_state", window.saveState())
    if window.complete:
        state.setValue("ledger_split", window.sidebar.split.saveState())
    state.sync()
