"""Edit › Rules: every rule (shipped and the reader's own) with id, kind, category, pattern and
explanation; switch a shipped rule off; write your own rules, check them (every problem at
once, with the line) and try them on the open article before saving."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readwise_desktop.app.paths import app_paths
from readwise_desktop.app.rules import check_rule_files, rows_with
from readwise_desktop.app.settings import Settings
from readwise_desktop.export.atomic import write_atomic

if TYPE_CHECKING:
    from readwise_desktop.app.rules import RuleRow

OWN_FILE = "my_rules.toml"
STARTER = """schema = "readwise-desktop/rules/1"
kind = "hedges"
version = "1.0"
description = "My own hedge rules."

# [[rules]]
# id = "hedge.probability.odds_are"
# category = "PROBABILITY"
# patterns = ["odds are"]
# explanation = "'Odds are' guesses at what will happen."
# examples = ["Odds are the talks will fail."]
"""
COLUMNS = ("on", "id", "kind", "category", "pattern", "explanation", "from")


class RulesDialog(QDialog):
    testRequested = Signal(str, str)  # article text, rule file path

    def __init__(self, settings: Settings, article_text: str | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("rulesDialog")
        self.setWindowTitle("Rules")
        self.resize(1100, 700)
        self.settings = settings
        self.article_text = article_text
        self.own_path = app_paths().rules / OWN_FILE
        self.filter = QLineEdit(placeholderText="Filter rules by id, pattern or explanation")
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setAccessibleName("Every rule in force")
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(f"Your rule file ({OWN_FILE})")
        self.editor.setPlainText(
            self.own_path.read_text(encoding="utf-8") if self.own_path.is_file() else STARTER
        )
        self.report = QPlainTextEdit(readOnly=True)
        self.report.setAccessibleName("Problems and test results")
        self.report.setMaximumHeight(140)
        check, test = QPushButton("&Check"), QPushButton("&Test on the open article")
        test.setEnabled(article_text is not None)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        own = QWidget()
        own_layout = QVBoxLayout(own)
        own_layout.addWidget(QLabel(f"<b>Your rules</b> ({self.own_path})"))
        own_layout.addWidget(self.editor, 1)
        row = QHBoxLayout()
        row.addWidget(check)
        row.addWidget(test)
        own_layout.addLayout(row)
        own_layout.addWidget(self.report)
        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.addWidget(self.filter)
        top_layout.addWidget(self.table)
        split.addWidget(top)
        split.addWidget(own)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self._apply_filter)
        check.clicked.connect(self.check)
        test.clicked.connect(self.test)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        self.rows: list[RuleRow] = []
        self.fill()

    def fill(self) -> None:
        self.rows = rows_with([self.own_path] if self.own_path.is_file() else [])
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            switch = QTableWidgetItem()
            switch.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            off = row.id in self.settings.disabled_rules or (
                row.opt_in and row.id not in self.settings.enabled_rules
            )
            switch.setCheckState(Qt.CheckState.Unchecked if off else Qt.CheckState.Checked)
            self.table.setItem(r, 0, switch)
            origin = "shipped" if row.shipped else Path(row.origin).name
            values = (row.id, row.kind, row.category, row.patterns, row.explanation, origin)
            for c, value in enumerate(values, start=1):
                item = QTableWidgetItem(value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(r, c, item)

    def _apply_filter(self, text: str) -> None:
        needle = text.lower()
        for r, row in enumerate(self.rows):
            hay = f"{row.id} {row.patterns} {row.explanation}".lower()
            self.table.setRowHidden(r, bool(needle) and needle not in hay)

    def disabled(self) -> tuple[str, ...]:
        off = []
        for r in range(self.table.rowCount()):
            switch = self.table.item(r, 0)
            if switch is not None and switch.checkState() == Qt.CheckState.Unchecked:
                off.append(self.rows[r].id)
        return tuple(off)

    def _draft(self) -> Path:
        draft = Path(tempfile.mkdtemp(dir=app_paths().ensure().cache)) / OWN_FILE
        draft.write_text(self.editor.toPlainText(), encoding="utf-8")
        return draft

    def check(self) -> bool:
        """Validate the editor's text; every problem is listed with its line."""
        in_force, problems = check_rule_files([self._draft()])
        if problems:
            lines = [str(p).split(OWN_FILE, 1)[-1].lstrip(":") for p in problems]
            self.report.setPlainText(
                f"{len(lines)} problem(s):\n" + "\n".join(f"line {x}" for x in lines)
            )
            return False
        self.report.setPlainText(f"Valid: {in_force} rules in force with yours.")
        return True

    def test(self) -> None:
        if self.article_text is not None and self.check():
            self.report.setPlainText("Testing on the open article…")
            self.testRequested.emit(self.article_text, str(self._draft()))

    def show_test(self, lines: list[str]) -> None:
        self.report.setPlainText("\n".join(lines))

    def _save(self) -> None:
        if not self.check():
            return
        self.own_path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.own_path, self.editor.toPlainText())
        self.accept()

    def chosen_settings(self) -> Settings:
        off = set(self.disabled())
        opt_ins = [row.id for row in self.rows if row.opt_in]
        return replace(
            self.settings,
            disabled_rules=tuple(i for i in self.disabled() if i not in opt_ins),
            enabled_rules=tuple(i for i in opt_ins if i not in off),
        )
