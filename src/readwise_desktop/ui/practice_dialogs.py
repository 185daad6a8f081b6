"""Practice's dialogs and words: which kind of hedge or source a mark is (each kind with its
one-line definition, nothing chosen at first), and the result of a check, in words."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from readwise_desktop.app.practice import (
    HEDGE,
    HEDGE_CATEGORIES,
    SOURCING,
    UNSOURCED_MARK,
    PracticeResult,
    StudentMark,
    claim_words,
    hedge_words,
    kind_words,
)
from readwise_desktop.engine.results import SourceType
from readwise_desktop.ui.glossary import HEDGE_TERMS, SOURCE_TERMS, hedge_name, source_name
from readwise_desktop.ui.html_dialog import HtmlDialog
from readwise_desktop.ui.palette import OKABE_ITO, STYLES

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


def student_underline(mark: StudentMark) -> str | None:
    """The student's marks look like the highlights: a hedge kind's underline, a bold source,
    a dotted unsourced claim."""
    if mark.kind == HEDGE:
        return STYLES[mark.label].underline
    return "dotted" if mark.kind == UNSOURCED_MARK else None


def category_name(category: str) -> str:
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
        f"<li><b>{escape(OUTCOME_WORDS[f.outcome])}</b> ({escape(category_name(f.category))}): "
        f"“{escape(f.text)}” — {escape(f.reason)}</li>"
        for f in result.findings
    )
    return (
        f"<h3>{escape(hedge_words(result))}</h3>"
        f"<p>{escape(claim_words(result))}</p>"
        "<table border='1' cellpadding='4'><tr><th>kind</th><th>how you did</th></tr>"
        f"{rows}</table><h4>Each mark and each miss</h4><ul>{findings}</ul>"
    )


class ResultDialog(HtmlDialog):
    def __init__(self, result: PracticeResult, parent: QWidget) -> None:
        super().__init__(
            parent,
            "practiceResult",
            "Your reading and the key",
            result_html(result),
            (760, 620),
            "Your score and each mark explained",
        )
