"""Edit › Settings: categories, theme, text size, model path, size limit, unsourced marking.

Saved to settings.toml (comments kept); problems in the file are shown when the window opens.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from readwise_desktop.app.settings import THEMES, Settings
from readwise_desktop.export.styles import STYLE_SPECS, TOGGLES


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("Settings")
        self.original = settings
        self.theme = QComboBox()
        self.theme.addItems(list(THEMES))
        self.theme.setCurrentText(settings.theme)
        self.text_size = QDoubleSpinBox(minimum=0, maximum=48, decimals=1)
        self.text_size.setSpecialValueText("system size")
        self.text_size.setValue(settings.text_size)
        self.mark_unsourced = QCheckBox("Mark claims with no source (dotted underline)")
        self.mark_unsourced.setChecked(settings.mark_unsourced)
        self.categories = {}
        for key in TOGGLES:
            if key == "UNSOURCED":
                continue
            box = QCheckBox(STYLE_SPECS[key].label)
            box.setChecked(settings.categories.get(key, True))
            self.categories[key] = box
        self.model_path = QLineEdit(settings.model_path)
        self.model_path.setPlaceholderText("the bundled English model")
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        model_row = QHBoxLayout()
        model_row.addWidget(self.model_path, 1)
        model_row.addWidget(browse)
        self.max_size = QDoubleSpinBox(minimum=0.1, maximum=2000, decimals=1, suffix=" MB")
        self.max_size.setValue(settings.max_size_mb)
        form = QFormLayout()
        form.addRow("&Theme", self.theme)
        form.addRow("Text si&ze", self.text_size)
        form.addRow("", self.mark_unsourced)
        for box in self.categories.values():
            form.addRow("", box)
        form.addRow("spaCy &model (next start)", model_row)
        form.addRow("Largest &file", self.max_size)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "A spaCy model folder")
        if folder:
            self.model_path.setText(folder)

    def chosen(self) -> Settings:
        categories = {k: box.isChecked() for k, box in self.categories.items()}
        categories["UNSOURCED"] = self.mark_unsourced.isChecked()
        return replace(
            self.original,
            theme=self.theme.currentText(),
            text_size=self.text_size.value(),
            mark_unsourced=self.mark_unsourced.isChecked(),
            categories=categories,
            model_path=self.model_path.text().strip(),
            max_size_mb=self.max_size.value(),
        )
