"""File › Settings and Edit › Rules for the main window, and applying settings.toml to it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from readwise_desktop.app.settings import NewerSettingsError, Settings
from readwise_desktop.ui.settings_dialog import SettingsDialog

if TYPE_CHECKING:
    from readwise_desktop.ui.main_window import MainWindow
    from readwise_desktop.ui.rules_dialog import RulesDialog


class Preferences:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.rules_view: RulesDialog | None = None

    def settings_dialog(self) -> None:
        w = self.window
        dialog = SettingsDialog(w.reader_settings, w)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        chosen = dialog.chosen()
        try:
            rebuild = w.session.save_settings(chosen)
        except (OSError, NewerSettingsError) as err:
            w._error(str(err), "Settings not saved")
            return
        self.apply(chosen)
        if rebuild:
            w.service.requestReload.emit()

    def rules_dialog(self) -> None:
        from readwise_desktop.ui.rules_dialog import RulesDialog  # loads spaCy

        w = self.window
        dialog = RulesDialog(w.reader_settings, w.analysis.text if w.analysis else None, w)
        dialog.testRequested.connect(w.service.requestRuleTest)
        w.service.rulesTested.connect(dialog.show_test)
        self.rules_view = dialog
        if dialog.exec() != RulesDialog.DialogCode.Accepted:
            return
        try:
            w.session.save_settings(dialog.chosen_settings())
        except (OSError, NewerSettingsError) as err:
            w._error(str(err), "Settings not saved")
            return
        w.reader_settings = dialog.chosen_settings()
        w.service.requestReload.emit()
        w.statusBar().showMessage("Rules saved: they apply from the next analysis (F5).", 8000)

    def apply(self, chosen: Settings) -> None:
        """Theme, highlight categories and text size from the settings file."""
        w = self.window
        w.reader_settings = chosen
        visible = {k for k, shown in chosen.categories.items() if shown}
        visible.discard("UNSOURCED")
        if chosen.mark_unsourced:
            visible.add("UNSOURCED")
        w.legend.set_visible(visible)
        if chosen.text_size:
            font = w.view.font()
            font.setPointSizeF(chosen.text_size)
            w.view.setFont(font)
            w.reading_size = chosen.text_size
        if (chosen.theme == "dark") != w.dark:
            w.set_dark(chosen.theme == "dark")
