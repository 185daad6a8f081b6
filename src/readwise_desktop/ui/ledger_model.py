"""The claim ledger's data: one row per claim (sourcing, source, cue, claim), and the filter that
keeps the claims under a count the reader clicked ("unnamed 7", "modal hedge 3", a source)."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from readwise_desktop.engine.results import Analysis, Attribution, Sentence, group_of
from readwise_desktop.export.text_report import readable_label
from readwise_desktop.ui.palette import STYLES

MARKER = {"UNSOURCED": "◆ "}
# The ◆ unsourced marker's colour per theme: 5.3:1 on the light base (#FFFFFF) and 6.4:1 on the
# dark one (#1E1E1E), both above WCAG AA's 4.5:1 (the light grey would be 3.1:1 on dark).
UNSOURCED_TEXT = {False: STYLES["UNSOURCED"].colour, True: "#A0A0A0"}
AnyIndex = QModelIndex | QPersistentModelIndex
SENTENCE_ROLE = Qt.ItemDataRole.UserRole
LABEL_ROLE = Qt.ItemDataRole.UserRole + 1


class ClaimModel(QAbstractTableModel):
    """One row per claim: label, source, cue, text."""

    HEADERS = ("Sourcing", "Source", "Cue", "Claim")

    def __init__(self) -> None:
        super().__init__()
        self.analysis: Analysis | None = None
        self.rows: list[int] = []  # sentence indexes of claims
        self.dark = False

    def set_analysis(self, analysis: Analysis | None) -> None:
        self.beginResetModel()
        self.analysis = analysis
        self.rows = [i for i, _ in analysis.claims()] if analysis else []
        self.endResetModel()

    def set_dark(self, dark: bool) -> None:
        """The theme changed: the ◆ marker takes its colour for that background."""
        self.dark = dark
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self.analysis is None:
            return None
        sentence_index = self.rows[index.row()]
        sentence = self.analysis.sentences[sentence_index]
        label = sentence.sourcing or ""
        if role == SENTENCE_ROLE:
            return sentence_index
        if role == LABEL_ROLE:
            return label
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(index.column(), sentence, label)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.claim_text(sentence)
            return f"Reviewed by you: {sentence.reviewed}\n{text}" if sentence.reviewed else text
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0:
            return QColor(UNSOURCED_TEXT[self.dark]) if label == "UNSOURCED" else None
        return None

    def _display(self, column: int, sentence: Sentence, label: str) -> str:
        attribution = self._attribution(sentence)
        if column == 0:
            reviewed = " ✎" if sentence.reviewed else ""
            return sourcing_cell(label) + reviewed
        if column == 1:
            return attribution.display_source if attribution else "—"
        if column == 2:
            return attribution.cue.text if attribution else ""
        return self.claim_text(sentence)

    def _attribution(self, sentence: Sentence) -> Attribution | None:
        assert self.analysis is not None
        if sentence.attribution is None:
            return None
        return self.analysis.attributions[sentence.attribution]

    def claim_text(self, sentence: Sentence) -> str:
        assert self.analysis is not None
        return " ".join(self.analysis.text[sentence.start : sentence.end].split())


def sourcing_cell(label: str) -> str:
    """The Sourcing column's text for a label: "◆ unsourced", "named organisation"."""
    return MARKER.get(label, "") + readable_label(label)


def claim_matches(analysis: Analysis, sentence_index: int, key: str | None) -> bool:
    """Does a claim belong under a filter key: ``group:unnamed``, ``label:VAGUE``,
    ``hedge:MODAL`` (a claim holding that kind of hedge) or ``source:<name>``."""
    if key is None:
        return True
    kind, _, value = key.partition(":")
    sentence = analysis.sentences[sentence_index]
    label = sentence.sourcing or ""
    if kind == "group":
        return bool(label) and group_of(label) == value
    if kind == "label":
        return label == value
    if kind == "hedge":
        return any(analysis.hedges[h].category.value == value for h in sentence.hedges)
    if kind == "source":
        return (
            sentence.attribution is not None
            and analysis.attributions[sentence.attribution].display_source == value
        )
    return True


def filter_name(key: str) -> str:
    """What a filter key shows, in words: "unnamed sources", "a modal hedge", "Jonas Berg"."""
    kind, _, value = key.partition(":")
    if kind == "group":
        return {"named": "named sources", "unnamed": "unnamed sources"}.get(value, value)
    if kind == "label":
        return readable_label(value)
    if kind == "hedge":
        return f"with a {STYLES[value].label.lower()}"
    return f"sourced to {value}"


class ClaimFilter(QSortFilterProxyModel):
    def __init__(self) -> None:
        super().__init__()
        self.key: str | None = None

    @property
    def label(self) -> str | None:
        """The sourcing label filtered on, when the filter is one."""
        return self.key[6:] if self.key and self.key.startswith("label:") else None

    def set_key(self, key: str | None) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+
            self.beginFilterChange()
            self.key = key
            self.endFilterChange()
        else:
            self.key = key
            self.invalidateFilter()

    def set_label(self, label: str | None) -> None:
        self.set_key(None if label is None else f"label:{label}")

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if self.key is None or not isinstance(model, ClaimModel) or model.analysis is None:
            return True
        return claim_matches(model.analysis, model.rows[source_row], self.key)


LabelFilter = ClaimFilter
