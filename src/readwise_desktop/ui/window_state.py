"""What the window remembers between runs: geometry, splitter and docks, the highlights shown,
recent files; and applying settings.toml when the window opens."""

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


def restore_state(window: MainWindow) -> None:
    geometry = window.saved_state.value("geometry")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    else:
        window.resize(1280, 800)
    state = window.saved_state.value("splitter")
    if isinstance(state, QByteArray):
        window.splitter.restoreState(state)
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
