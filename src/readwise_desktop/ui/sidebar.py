"""The sidebar: a sourcing summary on top, then the ledger of every claim, filterable by label."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from readwise_desktop.engine.results import GROUPS, SOURCING_LABELS, Analysis
from readwise_desktop.export.text_report import readable_label
from readwise_desktop.ui.palette import OKABE_ITO, STYLES

GROUP_STYLE = {  # colour and a hatch pattern, so the bar reads without colour too
    "named": (OKABE_ITO["blue"], Qt.BrushStyle.SolidPattern),
    "unnamed": (OKABE_ITO["orange"], Qt.BrushStyle.BDiagPattern),
    "unsourced": ("#6B6B6B", Qt.BrushStyle.Dense5Pattern),
}
MARKER = {"UNSOURCED": "◆ "}
AnyIndex = QModelIndex | QPersistentModelIndex


class SourcingBar(QWidget):
    """Claims by sourcing group as one stacked bar, drawn with QPainter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: dict[str, int] = {}
        self.setMinimumHeight(22)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Claims by sourcing group")

    def set_counts(self, counts: dict[str, int]) -> None:
        self.counts = dict(counts)
        total = sum(counts.values())
        self.setAccessibleDescription(
            ", ".join(f"{g} {counts.get(g, 0)} of {total}" for g in GROUPS)
        )
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        total = sum(self.counts.values())
        painter.setPen(QPen(self.palette().mid().color()))
        painter.drawRect(rect)
        if total == 0:
            return
        x = rect.left()
        for group in GROUPS:
            n = self.counts.get(group, 0)
            if not n:
                continue
            width = rect.width() * n / total
            colour, pattern = GROUP_STYLE[group]
            part = QRectF(x, rect.top(), width, rect.height())
            painter.fillRect(part, QColor(colour).lighter(125))
            painter.fillRect(part, QBrush(QColor(colour).darker(140), pattern))
            painter.drawRect(part)
            x += width
        painter.end()


class ClaimModel(QAbstractTableModel):
    """One row per claim: label, source, cue, text."""

    HEADERS = ("Sourcing", "Source", "Cue", "Claim")

    def __init__(self) -> None:
        super().__init__()
        self.analysis: Analysis | None = None
        self.rows: list[int] = []  # sentence indexes of claims

    def set_analysis(self, analysis: Analysis | None) -> None:
        self.beginResetModel()
        self.analysis = analysis
        self.rows = [i for i, _ in analysis.claims()] if analysis else []
        self.endResetModel()

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
        if role == Qt.ItemDataRole.UserRole:
            return sentence_index
        if role == Qt.ItemDataRole.UserRole + 1:
            return label
        attribution = (
            self.analysis.attributions[sentence.attribution]
            if sentence.attribution is not None
            else None
        )
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                reviewed = " ✎" if sentence.reviewed else ""
                return MARKER.get(label, "") + readable_label(label) + reviewed
            if column == 1:
                return attribution.display_source if attribution else "—"
            if column == 2:
                return attribution.cue.text if attribution else ""
            return " ".join(self.analysis.text[sentence.start : sentence.end].split())
        if role == Qt.ItemDataRole.ToolTipRole:
            text = " ".join(self.analysis.text[sentence.start : sentence.end].split())
            return f"Reviewed by you: {sentence.reviewed}\n{text}" if sentence.reviewed else text
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0:
            return QColor(STYLES["UNSOURCED"].colour) if label == "UNSOURCED" else None
        return None


class LabelFilter(QSortFilterProxyModel):
    def __init__(self) -> None:
        super().__init__()
        self.label: str | None = None

    def set_label(self, label: str | None) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+
            self.beginFilterChange()
            self.label = label
            self.endFilterChange()
        else:
            self.label = label
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if self.label is None:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return bool(index.data(Qt.ItemDataRole.UserRole + 1) == self.label)


class Sidebar(QWidget):
    claimSelected = Signal(int)  # sentence index

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Sourcing sidebar")
        layout = QVBoxLayout(self)
        self.heading = QLabel("<b>Sourcing</b>")
        self.bar = SourcingBar()
        self.groups = QLabel()
        self.hedges = QLabel()
        self.sources = QLabel()
        for text_label in (self.groups, self.hedges, self.sources):
            text_label.setWordWrap(True)
            text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.filter = QComboBox()
        self.filter.setAccessibleName("Show claims with sourcing")
        self.filter.addItem("All claims", None)
        for label in SOURCING_LABELS:
            self.filter.addItem(readable_label(label).capitalize(), label)
        self.model = ClaimModel()
        self.proxy = LabelFilter()
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Claim ledger")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row size hints
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # not ResizeToContents:
        header.setStretchLastSection(True)  # measuring every row stalls on long articles
        for column, width in enumerate((130, 170, 90)):
            header.resizeSection(column, width)
        row = QHBoxLayout()
        row.addWidget(QLabel("Ledger:"))
        row.addWidget(self.filter, 1)
        for widget in (self.heading, self.bar, self.groups, self.hedges, self.sources):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.set_analysis(None)

    def set_analysis(self, analysis: Analysis | None) -> None:
        self.model.set_analysis(analysis)
        if analysis is None:
            self.bar.set_counts({})
            self.groups.setText("No article yet.")
            self.hedges.setText("")
            self.sources.setText("")
            return
        summary = analysis.summary
        self.bar.set_counts(summary.by_group)
        self.groups.setText(
            f"{summary.claims} claims: "
            + " · ".join(f"{_GROUP_MARK[g]} {g} {summary.by_group[g]}" for g in GROUPS)
        )
        hedges = [
            f"{STYLES[k].label.lower()} {n}" for k, n in summary.hedges_by_category.items() if n
        ]
        self.hedges.setText("<b>Hedges</b>: " + (", ".join(hedges) if hedges else "none"))
        top = [
            f"{s.name} ({readable_label(s.type.value)}): {s.claims}" for s in summary.sources[:8]
        ]
        more = len(summary.sources) - len(top)
        self.sources.setText(
            "<b>Sources</b>: "
            + ("; ".join(top) if top else "none")
            + (f"; and {more} more" if more > 0 else "")
        )

    def set_filter(self, label: str | None) -> None:
        self.filter.setCurrentIndex(max(0, self.filter.findData(label)))

    def _filter_changed(self, _: int) -> None:
        self.proxy.set_label(self.filter.currentData())

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.claimSelected.emit(int(current.data(Qt.ItemDataRole.UserRole)))

    def select_claim(self, sentence_index: int) -> bool:
        """Select the ledger row of a claim (clearing the filter if it hides it)."""
        if sentence_index not in self.model.rows:
            return False
        source = self.model.index(self.model.rows.index(sentence_index), 0)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            self.set_filter(None)
            index = self.proxy.mapFromSource(source)
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def current_claim(self) -> int | None:
        index = self.table.currentIndex()
        return int(index.data(Qt.ItemDataRole.UserRole)) if index.isValid() else None

    def visible_claims(self) -> list[int]:
        return [
            int(self.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole))
            for r in range(self.proxy.rowCount())
        ]


_GROUP_MARK = {"named": "■", "unnamed": "▨", "unsourced": "◆"}
