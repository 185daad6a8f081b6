"""settings.toml shapes the window; the Settings dialog saves it; problems are shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from readwise_desktop.app.paths import app_paths
from readwise_desktop.app.settings import load_settings
from readwise_desktop.ui.main_window import MainWindow
from readwise_desktop.ui.settings_dialog import SettingsDialog
from readwise_desktop.ui.worker import AnalysisService


def make_window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(AnalysisService(), settings)
    qtbot.addWidget(window)
    return window


def test_settings_file_shapes_the_window(qtbot: QtBot, tmp_path: Path) -> None:
    path = app_paths().ensure().settings
    path.write_text(
        'version = 1\n[view]\ntheme = "dark"\nmark_unsourced = false\n'
        "[view.categories]\nMODAL = false\n",
        encoding="utf-8",
    )
    window = make_window(qtbot, tmp_path)
    qtbot.waitUntil(lambda: window.dark, timeout=2000)
    visible = window.legend.visible()
    assert "MODAL" not in visible and "UNSOURCED" not in visible and "REPORTATIVE" in visible


def test_bad_settings_show_a_dialog_with_the_line(qtbot: QtBot, tmp_path: Path) -> None:
    app_paths().ensure().settings.write_text('version = 1\n[view]\ntheme = "pink"\n', "utf-8")
    window = make_window(qtbot, tmp_path)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorDialog") is not None, timeout=2000)
    assert ":3:" in window.last_error and "'light' or 'dark'" in window.last_error


def test_the_dialog_saves_what_was_chosen(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    dialog = SettingsDialog(window.reader_settings, window)
    dialog.theme.setCurrentText("dark")
    dialog.categories["SPECULATIVE"].setChecked(False)
    dialog.max_size.setValue(12)
    chosen = dialog.chosen()
    assert chosen.theme == "dark" and not chosen.categories["SPECULATIVE"]
    from readwise_desktop.app.settings import save_settings

    save_settings(app_paths().settings, chosen)
    window.apply_settings(chosen)
    saved, problems = load_settings(app_paths().settings)
    assert problems == [] and saved.max_size_mb == 12 and not saved.categories["SPECULATIVE"]
    assert window.dark and "SPECULATIVE" not in window.legend.visible()
