"""The Practice menu: start practising on the open article or on a graded exercise, and see the
progress per exercise (attempts, best score, the categories missed most)."""

from __future__ import annotations

import time
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDockWidget, QInputDialog, QTextBrowser, QVBoxLayout

from readwise_desktop.core.exercises import Exercise, own_exercises, shipped_exercises
from readwise_desktop.core.practice import key_from_analysis
from readwise_desktop.ui.practice_panel import PracticePanel

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
        self.window.open_text(self.exercise.text, f"exercise {self.exercise.id}")

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
        window.view.restyle(set(), window.dark)
        window.sidebar.setVisible(False)
        self.dock.show()
        self.panel.list.setFocus()
        window.statusBar().showMessage("Practice: the highlights and the ledger are hidden.")

    def stop(self) -> None:
        window = self.window
        self.active = False
        self.dock.hide()
        window.sidebar.setVisible(True)
        window.view.restyle(window.legend.visible(), window.dark)

    def progress_dialog(self) -> None:
        rows = self.window.library.practice()
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


class ProgressDialog(QDialog):
    def __init__(self, html: str, parent: MainWindow) -> None:
        super().__init__(parent)
        self.setObjectName("practiceProgress")
        self.setWindowTitle("Practice progress")
        self.resize(640, 480)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Practice progress per exercise")
        self.browser.setHtml(html)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
