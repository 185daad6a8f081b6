"""The Practice menu: start practising on the open article or on a graded exercise, and see the
progress per exercise (attempts, best score, the categories missed most)."""

from __future__ import annotations

import time
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QInputDialog,
)

from readwise_desktop.app.exercises import (
    Exercise,
    GoldFormatError,
    blank_exercise,
    marks_file,
    own_exercises,
    read_marks,
    shipped_exercises,
)
from readwise_desktop.app.library import LibraryError
from readwise_desktop.app.practice import PracticeResult, check, key_from_analysis
from readwise_desktop.engine.results import Analysis
from readwise_desktop.export.atomic import write_atomic
from readwise_desktop.ui.html_dialog import HtmlDialog
from readwise_desktop.ui.practice_panel import PracticePanel, ResultDialog

if TYPE_CHECKING:
    from readwise_desktop.ui.main_window import MainWindow

LEVELS = {1: "easy", 2: "medium", 3: "hard"}


class Practice:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.panel = PracticePanel(window)
        self.dock = QDockWidget("Practice", window)
        self.dock.setObjectName("practiceDock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.exercise: Exercise | None = None
        self.active = False
        self._opening = False  # an exercise is being opened: it opens in practice

    def exercises(self) -> list[Exercise]:
        return shipped_exercises() + own_exercises()

    def open_exercise(self, exercise_id: str = "") -> None:
        exercises = self.exercises()
        if not exercise_id:
            names = [f"{e.id} · {LEVELS[e.level]} · {e.title}" for e in exercises]
            chosen, ok = QInputDialog.getItem(
                self.window, "Exercises", "Choose an exercise", names, 0, False
            )
            if not ok:
                return
            exercise_id = chosen.split(" · ")[0]
        self.exercise = next(e for e in exercises if e.id == exercise_id)
        self._opening = True
        self.window.open_text(self.exercise.text, f"exercise {self.exercise.id}")

    def takes(self, analysis: Analysis) -> bool:
        """Does this fresh analysis open in practice (the exercise just opened)?"""
        opening, self._opening = self._opening, False
        return opening and self.exercise is not None and self.exercise.text == analysis.text

    def start(self) -> None:
        window = self.window
        raw = window.corrections.raw
        if raw is None:
            window.statusBar().showMessage("Open an article or an exercise first.", 5000)
            return
        exercise = self.exercise if self.exercise and self.exercise.text == raw.text else None
        key = exercise.key if exercise else key_from_analysis(raw)
        self.panel.start(key, exercise.id if exercise else None)
        self.active = True
        window.view.selected = None  # no band: it would point at a claim
        window.view.set_focus(None)
        window.view.restyle(set(), window.dark)
        window.side.setVisible(False)  # the legend and the ledger give way to the panel
        self.dock.show()
        self.panel.list.setFocus()
        window.statusBar().showMessage("Practice: the highlights and the ledger are hidden.")

    def stop(self) -> None:
        window = self.window
        self.active = False
        self.dock.hide()
        self.panel.checked = None
        window.view.set_overlays([])
        window.side.setVisible(True)
        window.view.restyle(window.legend.visible(), window.dark)
        if window.analysis is not None:
            window.results.show_counts(window.analysis)

    def redraw(self) -> None:
        if self.active:
            self.panel.draw()

    def export_blank(self, path: str = "") -> None:
        """Hand out the open exercise without its answer key."""
        if self.exercise is None:
            self.window.statusBar().showMessage("Open an exercise first.", 5000)
            return
        path = path or self._save_path(f"{self.exercise.id}-blank.json")
        if path:
            self._write(path, blank_exercise(self.exercise), "Exercise not saved")

    def hand_in(self, path: str = "") -> None:
        """Save the student's marks on the open exercise, to hand in."""
        panel = self.panel
        if panel.key is None or not panel.marks:
            self.window.statusBar().showMessage("Mark something in practice mode first.", 5000)
            return
        name = panel.exercise_id or "article"
        path = path or self._save_path(f"{name}-marks.json")
        if path:
            self._write(path, marks_file(name, panel.key.text, panel.marks), "Marks not saved")

    def _write(self, path: str, content: str, title: str) -> None:
        """Write a file for the student or the teacher; a full disk is one sentence."""
        try:
            write_atomic(Path(path), content)
        except OSError as err:
            reason = err.strerror or str(err)
            self.window._error(
                f"{path} could not be written ({reason}).", title, "Your marks stay as they are."
            )

    def check_handed_in(self, path: str = "") -> PracticeResult | None:
        """A teacher checks a student's marks file against the exercise's answer key."""
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self.window, "A student's marks", "", "Marks (*.json)"
            )
        if not path:
            return None
        try:
            exercise_id, text, marks = read_marks(Path(path).read_text(encoding="utf-8"), path)
            exercise = next((e for e in self.exercises() if e.id == exercise_id), None)
            if exercise is None or exercise.text != text:
                raise GoldFormatError(f"{path}: no exercise '{exercise_id}' with this text here")
        except (OSError, UnicodeDecodeError, GoldFormatError) as err:
            self.window._error(str(err), "Cannot check these marks")
            return None
        result = check(marks, exercise.key)
        self.panel.result_view = ResultDialog(result, self.window)
        self.panel.result_view.open()
        return result

    def _save_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self.window, "Save", str(Path.home() / suggested), "JSON (*.json)"
        )
        return path

    def progress_dialog(self) -> None:
        try:
            rows = self.window.library.practice()
        except LibraryError as err:
            self.window._error(str(err), "Practice progress", "Nothing you did is changed.")
            return
        titles = {e.id: e.title for e in self.exercises()}
        missed: dict[str, int] = {}
        lines = []
        for exercise, attempts, best, last, misses in rows:
            for category, n in misses.items():
                missed[category] = missed.get(category, 0) + n
            when = time.strftime("%Y-%m-%d", time.localtime(last))
            lines.append(
                f"<tr><td>{escape(titles.get(exercise, exercise))}</td><td>{attempts}</td>"
                f"<td>{100 * best:.0f}%</td><td>{when}</td></tr>"
            )
        worst = ", ".join(
            f"{c.lower()} ({n})" for c, n in sorted(missed.items(), key=lambda kv: -kv[1])
        )
        html = "<h3>Your practice</h3>" + (
            "<table border='1' cellpadding='4'><tr><th>exercise</th><th>attempts</th>"
            f"<th>best score</th><th>last</th></tr>{''.join(lines)}</table>"
            f"<p>Missed most: {escape(worst or 'nothing yet')}</p>"
            if lines
            else "<p>No exercise done yet: Practice › Open an exercise.</p>"
        )
        self.progress_view = ProgressDialog(html, self.window)
        self.progress_view.open()


class ProgressDialog(HtmlDialog):
    def __init__(self, html: str, parent: MainWindow) -> None:
        super().__init__(
            parent,
            "practiceProgress",
            "Practice progress",
            html,
            (640, 480),
            "Practice progress per exercise",
        )
