"""Practice › Start on this article: the highlights and the ledger are hidden; the student marks
hedges (with a category), sources (with a type) and unsourced claims, by keyboard or buttons,
then checks the reading against the answer key. Every mark is also listed as text."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from readwise_desktop.app.exercises import GoldArticle
from readwise_desktop.app.practice import (
    HEDGE,
    HEDGE_CATEGORIES,
    SOURCE,
    SOURCING,
    UNSOURCED_MARK,
    PracticeResult,
    StudentMark,
    check,
    claim_words,
    hedge_words,
    kind_words,
    snap_to_words,
)
from readwise_desktop.engine.results import SourceType
from readwise_desktop.ui.article_view import STUDENT_COLOUR, Overlay
from readwise_desktop.ui.glossary import HEDGE_TERMS, SOURCE_TERMS, hedge_name, source_name
from readwise_desktop.ui.palette import OKABE_ITO, STYLES

if TYPE_CHECKING:
    from readwise_desktop.ui.main_window import MainWindow

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
OUTCOME_STYLE = {  # colour and an underline, so the outcomes read without colour too
    "hit": (OKABE_ITO["bluish_green"], "solid"),
    "miss": (OKABE_ITO["vermillion"], "wavy"),
    "extra": (OKABE_ITO["orange"], "dashed"),
    "wrong label": (OKABE_ITO["orange"], "dash-dot"),
}
OUTCOME_WORDS = {
    "hit": "You found it",
    "miss": "You missed it",
    "extra": "Not in the key",
    "wrong label": "Another kind",
}


def mark_name(mark: StudentMark) -> str:
    if mark.kind == HEDGE:
        return hedge_name(mark.label).lower()
    return source_name(mark.label).lower()


class ChoiceDialog(QDialog):
    """One of several kinds, each with its one-line definition; nothing chosen at first."""

    def __init__(
        self, parent: QWidget, title: str, question: str, choices: list[tuple[str, str, str]]
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kindChoice")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{escape(question)}</b>"))
        self.group = QButtonGroup(self)
        self.keys: list[str] = []
        for key, name, definition in choices:
            button = QRadioButton(name)
            button.setAccessibleDescription(definition)
            note = QLabel(definition)
            note.setWordWrap(True)
            note.setContentsMargins(24, 0, 0, 6)
            note.setStyleSheet("font-size: small;")
            self.group.addButton(button, len(self.keys))
            self.keys.append(key)
            layout.addWidget(button)
            layout.addWidget(note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)  # no default: the student chooses
        self.group.idClicked.connect(lambda _: self.ok.setEnabled(True))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def choice(self) -> str:
        chosen = self.group.checkedId()
        return self.keys[chosen] if chosen >= 0 else ""


def hedge_choices() -> list[tuple[str, str, str]]:
    return [(c, hedge_name(c), HEDGE_TERMS[c][0]) for c in HEDGE_CATEGORIES]


def source_choices() -> list[tuple[str, str, str]]:
    return [(t.value, source_name(t.value), SOURCE_TERMS[t.value][0]) for t in SourceType]


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
        """The student's marks in the text, or, once checked, theirs against the key."""
        if self.checked is not None:
            overlays = [
                Overlay(
                    f.start,
                    f.end,
                    OUTCOME_STYLE[f.outcome][0],
                    OUTCOME_STYLE[f.outcome][1],
                    False,
                    f"{OUTCOME_WORDS[f.outcome]}: {_category_name(f.category)} “{f.text[:60]}”"
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
                    STYLES[m.label].underline
                    if m.kind == HEDGE
                    else ("dotted" if m.kind == UNSOURCED_MARK else None),
                    m.kind == SOURCE,
                    f"Your mark: {mark_name(m)}\nRemove it in the practice panel if you change "
                    "your mind.",
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
        if self.exercise_id:
            missed = dict(result.missed_most())
            self.main.library.record_practice(self.exercise_id, result.overall.f1, missed)
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
        return result


def _student_underline(mark: StudentMark) -> str | None:
    """The student's marks look like the highlights: a hedge kind's underline, a bold source,
    a dotted unsourced claim."""
    if mark.kind == HEDGE:
        return STYLES[mark.label].underline
    return "dotted" if mark.kind == UNSOURCED_MARK else None


def _category_name(category: str) -> str:
    return "claim" if category == SOURCING else hedge_name(category).lower()


def result_html(result: PracticeResult) -> str:
    """The result in words: what was found, what was missed, what was not there."""
    rows = "".join(
        f"<tr><td>{escape(hedge_name(c))}</td><td>{escape(kind_words(result, c))}</td></tr>"
        for c in HEDGE_CATEGORIES
    )
    rows += (
        f"<tr><td>Claims and their sources</td><td>{escape(kind_words(result, SOURCING))}</td></tr>"
    )
    findings = "".join(
        f"<li><b>{escape(OUTCOME_WORDS[f.outcome])}</b> ({escape(_category_name(f.category))}): "
        f"“{escape(f.text)}” — {escape(f.reason)}</li>"
        for f in result.findings
    )
    return (
        f"<h3>{escape(hedge_words(result))}</h3>"
        f"<p>{escape(claim_words(result))}</p>"
        "<table border='1' cellpadding='4'><tr><th>kind</th><th>how you did</th></tr>"
        f"{rows}</table><h4>Each mark and each miss</h4><ul>{findings}</ul>"
    )


class ResultDialog(QDialog):
    def __init__(self, result: PracticeResult, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("practiceResult")
        self.setWindowTitle("Your reading and the key")
        self.resize(760, 620)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Your score and each mark explained")
        self.browser.setHtml(result_html(result))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
