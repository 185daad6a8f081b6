"""Practice › Start on this article: the highlights and the ledger are hidden; the student marks
hedges (with a category), sources (with a type) and unsourced claims, by keyboard or buttons,
then checks the reading against the answer key. Every mark is also listed as text."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from readwise_desktop.app.exercises import GoldArticle
from readwise_desktop.app.practice import (
    HEDGE,
    HEDGE_CATEGORIES,
    SOURCE,
    UNSOURCED_MARK,
    PracticeResult,
    StudentMark,
    check,
)
from readwise_desktop.export.text_report import readable_label
from readwise_desktop.ui.source_type_question import ask_source_type

if TYPE_CHECKING:
    from readwise_desktop.ui.main_window import MainWindow

HELP = (
    "Select words in the article, then mark them: Ctrl+Alt+H a hedge, Ctrl+Alt+S a source, "
    "Ctrl+Alt+U the claim as unsourced. Ctrl+Alt+C checks your reading."
)


class PracticePanel(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.main = window
        self.marks: list[StudentMark] = []
        self.key: GoldArticle | None = None
        self.exercise_id: str | None = None
        self.result_view: ResultDialog | None = None
        intro = QLabel(HELP)
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Your marks")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        for text, slot in (
            ("Mark as &hedge…", self.mark_hedge),
            ("Mark as &source…", self.mark_source),
            ("Mark claim &unsourced", self.mark_unsourced),
            ("&Remove the selected mark", self.remove_mark),
            ("&Check my reading", self.check_reading),
        ):
            button = QPushButton(text)
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
            button.clicked.connect(slot)
            layout.addWidget(button)

    def start(self, key: GoldArticle, exercise_id: str | None) -> None:
        self.marks, self.key, self.exercise_id = [], key, exercise_id
        self.list.clear()

    def _selection(self) -> tuple[int, int] | None:
        cursor = self.main.view.textCursor()
        if not cursor.hasSelection():
            self.main.statusBar().showMessage("Select the words in the article first.", 5000)
            return None
        view = self.main.view
        return view.text_index(cursor.selectionStart()), view.text_index(cursor.selectionEnd())

    def add(self, mark: StudentMark) -> None:
        self.marks.append(mark)
        words = self.key.text[mark.start : mark.end] if self.key else ""
        label = readable_label(mark.label) if mark.kind != HEDGE else mark.label.lower()
        self.list.addItem(f"{mark.kind}: “{' '.join(words.split())}” ({label})")

    def mark_hedge(self, category: str = "") -> None:
        span = self._selection()
        if span is None:
            return
        if not category:
            category, ok = QInputDialog.getItem(
                self.main, "Hedge", "Which kind of hedge?", list(HEDGE_CATEGORIES), 0, False
            )
            if not ok:
                return
        self.add(StudentMark(HEDGE, *span, category))

    def mark_source(self, source_type: str = "") -> None:
        span = self._selection()
        if span is None:
            return
        source_type = source_type or ask_source_type(self.main, "Source") or ""
        if not source_type:
            return
        self.add(StudentMark(SOURCE, *span, source_type))

    def mark_unsourced(self) -> None:
        span = self._selection()
        if span is not None:
            self.add(StudentMark(UNSOURCED_MARK, *span, "UNSOURCED"))

    def remove_mark(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            del self.marks[row]

    def check_reading(self) -> PracticeResult | None:
        if self.key is None:
            return None
        result = check(self.marks, self.key)
        if self.exercise_id:
            missed = dict(result.missed_most())
            self.main.library.record_practice(self.exercise_id, result.overall.f1, missed)
        self.main.stop_practice()
        self.result_view = ResultDialog(result, self.main)
        self.result_view.open()
        return result


def result_html(result: PracticeResult) -> str:
    rows = "".join(
        f"<tr><td>{escape(c.lower())}</td><td>{n.tp}</td><td>{n.fn}</td><td>{n.fp}</td>"
        f"<td>{100 * n.precision:.0f}%</td><td>{100 * n.recall:.0f}%</td>"
        f"<td>{100 * n.f1:.0f}%</td></tr>"
        for c, n in sorted(result.counts.items())
    )
    overall = result.overall
    findings = "".join(
        f"<li><b>{escape(f.outcome)}</b> ({escape(f.category.lower())}): “{escape(f.text)}” — "
        f"{escape(f.reason)}</li>"
        for f in result.findings
    )
    return (
        f"<h3>Your score: {100 * overall.f1:.0f}%</h3>"
        f"<p>You found {overall.tp} of {overall.tp + overall.fn}; "
        f"{overall.fp} of your marks were not in the expert reading.</p>"
        "<table border='1' cellpadding='4'><tr><th>category</th><th>found</th><th>missed</th>"
        "<th>extra</th><th>precision</th><th>recall</th><th>F1</th></tr>"
        f"{rows}</table><h4>Each mark and each miss</h4><ul>{findings}</ul>"
    )


class ResultDialog(QDialog):
    def __init__(self, result: PracticeResult, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("practiceResult")
        self.setWindowTitle("Your reading and the expert reading")
        self.resize(760, 620)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Your score and each mark explained")
        self.browser.setHtml(result_html(result))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
