"""Practice › Start on this article: the highlights and the ledger are hidden; the student marks
hedges (with a category), sources (with a type) and unsourced claims, by keyboard or buttons,
then checks the reading against the answer key. Every mark is also listed as text."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from readwise_desktop.app.exercises import GoldArticle
from readwise_desktop.app.library import LibraryError
from readwise_desktop.app.practice import (
    HEDGE,
    SOURCE,
    UNSOURCED_MARK,
    PracticeResult,
    StudentMark,
    check,
    claim_words,
    hedge_words,
    snap_to_words,
)
from readwise_desktop.ui.article_view import STUDENT_COLOUR, Overlay
from readwise_desktop.ui.practice_dialogs import (
    OUTCOME_STYLE,
    OUTCOME_WORDS,
    ChoiceDialog,
    ResultDialog,
    category_name,
    hedge_choices,
    mark_name,
    result_html,
    source_choices,
    student_underline,
)

if TYPE_CHECKING:
    from readwise_desktop.ui.main_window import MainWindow

__all__ = [
    "ChoiceDialog",
    "PracticePanel",
    "ResultDialog",
    "hedge_choices",
    "result_html",
    "source_choices",
]

HELP = (
    "Select words in the article, then mark them: Ctrl+Alt+H a hedge, Ctrl+Alt+S a source, "
    "Ctrl+Alt+U the claim as unsourced. Your marks are drawn in blue. Ctrl+Alt+C checks your "
    "reading."
)
CHECKED_HELP = (
    "In the text: <b>solid green</b> you found it · <b>wavy red</b> you missed it · "
    "<b>dashed orange</b> not in the key · <b>dash-dot orange</b> another kind. "
    "Point at one for the reason."
)


class PracticePanel(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.main = window
        self.marks: list[StudentMark] = []
        self.key: GoldArticle | None = None
        self.exercise_id: str | None = None
        self.result_view: ResultDialog | None = None
        self.checked: PracticeResult | None = None
        self.dialog: ChoiceDialog | None = None
        self.intro = QLabel(HELP)
        self.intro.setWordWrap(True)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Your result in words")
        self.list = QListWidget()
        self.list.setAccessibleName("Your marks")
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.buttons: list[QPushButton] = []
        for text, slot in (
            ("Mark as &hedge…", self.mark_hedge),
            ("Mark as &source…", self.mark_source),
            ("Mark claim &unsourced", self.mark_unsourced),
            ("&Remove the selected mark", self.remove_mark),
            ("&Check my reading", self.check_reading),
            ("Stop and show the &answers", window.stop_practice),
        ):
            button = QPushButton(text)
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
            button.clicked.connect(slot)
            layout.addWidget(button)
            self.buttons.append(button)

    def start(self, key: GoldArticle, exercise_id: str | None) -> None:
        self.marks, self.key, self.exercise_id = [], key, exercise_id
        self.checked = None
        self.list.clear()
        self.intro.setText(HELP)
        self.summary.setText("")
        for button in self.buttons[:5]:
            button.setEnabled(True)
        self.draw()

    def draw(self) -> None:
        """The student's marks in the text (blue, with the highlights' underlines, lightly
        tinted), or, once checked, theirs against the key: an underline per outcome and no
        tint, so a missed hedge is a wavy red line under words the student left alone."""
        if self.checked is not None:
            overlays = [
                Overlay(
                    f.start,
                    f.end,
                    OUTCOME_STYLE[f.outcome][0],
                    OUTCOME_STYLE[f.outcome][1],
                    False,
                    f"{OUTCOME_WORDS[f.outcome]}: {category_name(f.category)} “{f.text[:60]}”"
                    f"\n{f.reason}",
                )
                for f in self.checked.findings
                if 0 <= f.start < f.end
            ]
        else:
            overlays = [
                Overlay(
                    m.start,
                    m.end,
                    STUDENT_COLOUR,
                    student_underline(m),
                    m.kind == SOURCE,
                    f"Your mark: {mark_name(m)}\nRemove it in the practice panel if you change "
                    "your mind.",
                    tinted=True,
                )
                for m in self.marks
            ]
        self.main.view.set_overlays(overlays)

    def _selection(self) -> tuple[int, int] | None:
        cursor = self.main.view.textCursor()
        if not cursor.hasSelection():
            self.main.statusBar().showMessage("Select the words in the article first.", 5000)
            return None
        view = self.main.view
        start, end = (
            view.text_index(cursor.selectionStart()),
            view.text_index(cursor.selectionEnd()),
        )
        if self.key is not None:
            start, end = snap_to_words(self.key.text, start, end)  # whole words, always
        return (start, end) if start < end else None

    def add(self, mark: StudentMark) -> None:
        self.marks.append(mark)
        words = self.key.text[mark.start : mark.end] if self.key else ""
        self.list.addItem(f"{mark.kind}: “{' '.join(words.split())}” ({mark_name(mark)})")
        self.draw()

    def _choose(self, title: str, question: str, choices: list[tuple[str, str, str]]) -> str:
        self.dialog = ChoiceDialog(self.main, title, question, choices)
        ok = self.dialog.exec() == QDialog.DialogCode.Accepted
        return self.dialog.choice() if ok else ""

    def mark_hedge(self, category: str = "") -> None:
        if self.checked is not None:
            return
        span = self._selection()
        if span is None:
            return
        category = category or self._choose("Hedge", "Which kind of hedge?", hedge_choices())
        if category:
            self.add(StudentMark(HEDGE, *span, category))

    def mark_source(self, source_type: str = "") -> None:
        if self.checked is not None:
            return
        span = self._selection()
        if span is None:
            return
        source_type = source_type or self._choose(
            "Source", "What kind of source?", source_choices()
        )
        if source_type:
            self.add(StudentMark(SOURCE, *span, source_type))

    def mark_unsourced(self) -> None:
        if self.checked is not None:
            return
        span = self._selection()
        if span is not None:
            self.add(StudentMark(UNSOURCED_MARK, *span, "UNSOURCED"))

    def remove_mark(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            del self.marks[row]
            self.draw()

    def check_reading(self) -> PracticeResult | None:
        if self.key is None:
            return None
        result = check(self.marks, self.key)
        self.checked = result
        for button in self.buttons[:5]:
            button.setEnabled(False)
        self.intro.setText(CHECKED_HELP)
        self.summary.setText(
            f"<b>{escape(hedge_words(result))}</b><br>{escape(claim_words(result))}"
        )
        self.draw()
        self.result_view = ResultDialog(result, self.main)
        self.result_view.open()
        self._record(result)
        return result

    def _record(self, result: PracticeResult) -> None:
        """The attempt in the progress table; when the library cannot keep it, the result
        stays on screen and one sentence says it is not counted."""
        if not self.exercise_id:
            return
        try:
            self.main.library.record_practice(
                self.exercise_id, result.overall.f1, dict(result.missed_most())
            )
        except LibraryError as err:
            self.main._error(
                str(err),
                "Practice result not kept",
                "Your result is shown, but it is not counted in Practice › Progress.",
            )
