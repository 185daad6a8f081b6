"""Edit › Rules: every rule listed, shipped ones switched off, own rules checked and tested."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from readwise_desktop.app.paths import app_paths
from readwise_desktop.app.settings import load_settings, save_settings
from readwise_desktop.engine.rules.loader import load_rules
from readwise_desktop.packaged import sample_path
from readwise_desktop.ui.main_window import MainWindow
from readwise_desktop.ui.rules_dialog import RulesDialog
from tests.ui.conftest import WAIT_MS, open_and_wait

OPT_IN = "hedge.approximator.vague_quantity"

OWN = """schema = "readwise-desktop/rules/1"
kind = "hedges"
version = "1.0"
[[rules]]
id = "hedge.approximator.the_best_part_of"
category = "APPROXIMATOR"
patterns = ["the best part of"]
explanation = "'The best part of' gives no exact figure."
examples = ["It took the best part of a year."]
"""
BROKEN = """schema = "readwise-desktop/rules/1"
kind = "hedges"
version = "1.0"
[[rules]]
id = "Not An Id"
category = "GUESSWORK"
patterns = []
"""


def test_every_rule_is_listed_and_can_be_switched_off(qtbot: QtBot, window: MainWindow) -> None:
    dialog = RulesDialog(window.reader_settings, None, window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(load_rules(enabled=None).all_ids())  # opt-ins too
    ids = [row.id for row in dialog.rows]
    would, weasel = ids.index("hedge.modal.would"), ids.index(OPT_IN)
    opt_ins = tuple(row.id for row in dialog.rows if row.opt_in)
    assert OPT_IN in opt_ins and dialog.disabled() == opt_ins  # opt-in rules start switched off
    dialog.table.item(would, 0).setCheckState(Qt.CheckState.Unchecked)
    dialog.table.item(weasel, 0).setCheckState(Qt.CheckState.Checked)
    save_settings(app_paths().settings, dialog.chosen_settings())
    saved = load_settings(app_paths().settings)[0]
    assert saved.disabled_rules == ("hedge.modal.would",)
    assert saved.enabled_rules == (OPT_IN,)
    dialog.filter.setText("reportedly")
    shown = [r for r in range(dialog.table.rowCount()) if not dialog.table.isRowHidden(r)]
    assert shown and all("reportedly" in dialog.rows[r].patterns + dialog.rows[r].id for r in shown)


def test_own_rules_are_checked_with_every_problem(qtbot: QtBot, window: MainWindow) -> None:
    dialog = RulesDialog(window.reader_settings, None, window)
    qtbot.addWidget(dialog)
    dialog.editor.setPlainText(BROKEN)
    assert not dialog.check()
    report = dialog.report.toPlainText()
    assert report.startswith("3 problem(s)") or int(report.split()[0]) >= 3
    assert "line" in report and "GUESSWORK" in report


def test_own_rule_is_tried_on_the_open_article(qtbot: QtBot, window: MainWindow) -> None:
    path = sample_path()
    text = path.read_text(encoding="utf-8").replace("last week", "the best part of a week")
    article = app_paths().ensure().data / "article.txt"
    article.write_text(text, encoding="utf-8")
    open_and_wait(qtbot, window, article)
    dialog = RulesDialog(
        window.reader_settings, window.analysis.text if window.analysis else None, window
    )
    qtbot.addWidget(dialog)
    dialog.testRequested.connect(window.service.requestRuleTest)
    window.service.rulesTested.connect(dialog.show_test)
    dialog.editor.setPlainText(OWN)
    with qtbot.waitSignal(window.service.rulesTested, timeout=WAIT_MS):
        dialog.test()
    assert "hedge.approximator.the_best_part_of: “the best part of”" in dialog.report.toPlainText()
    assert not dialog.own_path.exists()  # nothing saved until Save
