"""The sidebar: a sourcing summary on top, then the ledger of every claim, filterable by label."""

from __future__ import annotations

from html import escape

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
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from readwise_desktop.engine.results import GROUPS, SOURCING_LABELS, Analysis, group_of
from readwise_desktop.export.text_report import readable_label
from readwise_desktop.ui.details import claim_details
from readwise_desktop.ui.palette import HEDGE_KEYS, OKABE_ITO, STYLES

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


def _link(key: str, text: str) -> str:
    return f"<a href='{escape(key, quote=True)}'>{escape(text)}</a>"


class Sidebar(QWidget):
    claimSelected = Signal(int)  # sentence index
    filterChanged = Signal(object)  # the sentence indexes the ledger shows, or None for all

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Sourcing sidebar")
        self.analysis: Analysis | None = None
        self.all_sources = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.heading = QLabel("<b>Sourcing</b> (click a count to see those claims)")
        self.bar = SourcingBar()
        self.groups = QLabel()
        self.hedges = QLabel()
        self.sources = QLabel()
        for text_label in (self.groups, self.hedges, self.sources):
            text_label.setWordWrap(True)
            text_label.setTextFormat(Qt.TextFormat.RichText)
            text_label.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextBrowserInteraction
            )  # links clickable and reachable with Tab
            text_label.setOpenExternalLinks(False)
            text_label.linkActivated.connect(self._link_activated)
        self.groups.setAccessibleName("Claims by sourcing group")
        self.hedges.setAccessibleName("Hedges by kind")
        self.sources.setAccessibleName("Claims by source")
        self.filter = QComboBox()
        self.filter.setAccessibleName("Show claims with sourcing")
        self.filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.filter.setMinimumContentsLength(12)
        self.showing = QLabel()
        self.showing.setTextFormat(Qt.TextFormat.RichText)
        self.showing.setWordWrap(True)
        self.showing.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.showing.linkActivated.connect(lambda _: self.set_filter_key(None))
        self.showing.setAccessibleName("Ledger filter")
        self.model = ClaimModel()
        self.proxy = ClaimFilter()
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
        for column, width in enumerate((118, 130, 80)):
            header.resizeSection(column, width)
        self.details = QTextBrowser()
        self.details.setAccessibleName("Details of the selected claim")
        self.details.setOpenLinks(False)
        self.details.setPlaceholderText(
            "Select a claim (in the ledger or the text) to see its source, cue, stance, "
            "hedges, how to verify them and the rules that found them."
        )
        row = QHBoxLayout()
        row.addWidget(QLabel("Ledger:"))
        row.addWidget(self.filter, 1)
        for widget in (self.heading, self.bar, self.groups, self.hedges, self.sources):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.showing)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setObjectName("ledgerSplit")
        self.split.addWidget(self.table)
        self.split.addWidget(self.details)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 1)
        self.split.setChildrenCollapsible(False)
        layout.addWidget(self.split, 1)
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.set_analysis(None)

    def set_analysis(self, analysis: Analysis | None) -> None:
        """Show an analysis; a filter stays when it is the same text (after a correction)."""
        same_text = (
            analysis is not None
            and self.analysis is not None
            and analysis.text == self.analysis.text
        )
        key = self.proxy.key if same_text else None
        self.analysis = analysis
        if not same_text:
            self.all_sources = False
            self.details.clear()
        self.model.set_analysis(analysis)
        self._fill_filter(key)
        if analysis is None:
            self.bar.set_counts({})
            self.groups.setText("No article yet.")
            self.hedges.setText("")
            self.sources.setText("")
            self._filter_changed(0)
            return
        self.fill_counts()
        self._filter_changed(0)

    def fill_counts(self) -> None:
        """The bar and the clickable counts (again after a theme switch, for the link colour)."""
        analysis = self.analysis
        if analysis is None:
            return
        for text_label in (self.groups, self.hedges, self.sources):
            text_label.clear()  # the same text again is not laid out again: clear it first
        summary = analysis.summary
        self.bar.set_counts(summary.by_group)
        self.groups.setText(
            f"{summary.claims} claims: "
            + " · ".join(
                f"{_GROUP_MARK[g]} " + _link(f"group:{g}", f"{g} {summary.by_group[g]}")
                for g in GROUPS
            )
        )
        hedges = [
            _link(f"hedge:{k}", f"{STYLES[k].label.lower()} {n}")
            for k, n in summary.hedges_by_category.items()
            if n
        ]
        self.hedges.setText("<b>Hedges</b>: " + (", ".join(hedges) if hedges else "none"))
        self._fill_sources()

    def _fill_sources(self) -> None:
        if self.analysis is None:
            return
        sources = self.analysis.summary.sources
        shown = sources if self.all_sources else sources[:6]
        parts = [
            _link(f"source:{s.name}", f"{s.name} {s.claims}")
            + f" <small>({escape(readable_label(s.type.value))})</small>"
            for s in shown
        ]
        more = len(sources) - len(shown)
        tail = (
            f" · <a href='more:'>{more} more…</a>"
            if more > 0
            else (" · <a href='fewer:'>fewer</a>" if self.all_sources and len(sources) > 6 else "")
        )
        self.sources.setText("<b>Sources</b>: " + (" · ".join(parts) or "none") + tail)

    def _fill_filter(self, keep: str | None) -> None:
        """The filter menu with the number of claims under each choice."""
        analysis = self.analysis
        self.filter.blockSignals(True)
        self.filter.clear()
        claims = [i for i, _ in analysis.claims()] if analysis else []

        def add(text: str, key: str | None) -> None:
            n = (
                len(claims)
                if key is None or analysis is None
                else sum(claim_matches(analysis, i, key) for i in claims)
            )
            if key is None or n or key.startswith("label:"):
                self.filter.addItem(f"{text} ({n})", key)

        add("All claims", None)
        for group in GROUPS:
            add(f"{_GROUP_MARK[group]} {group.capitalize()}", f"group:{group}")
        for label in SOURCING_LABELS:
            add(f"    {readable_label(label).capitalize()}", f"label:{label}")
        for hedge in HEDGE_KEYS:
            add(f"With a {STYLES[hedge].label.lower()}", f"hedge:{hedge}")
        if keep is not None and self.filter.findData(keep) < 0:
            add(filter_name(keep).capitalize(), keep)
        self.filter.setCurrentIndex(max(0, self.filter.findData(keep)))
        self.filter.blockSignals(False)

    def _link_activated(self, key: str) -> None:
        if key in ("more:", "fewer:"):
            self.all_sources = key == "more:"
            self._fill_sources()
            return
        self.set_filter_key(key)

    def set_filter(self, label: str | None) -> None:
        """Only the claims with this sourcing label (None: all claims)."""
        self.set_filter_key(None if label is None else f"label:{label}")

    def set_filter_key(self, key: str | None) -> None:
        index = self.filter.findData(key)
        if index < 0 and key is not None:
            self.filter.blockSignals(True)
            self.filter.addItem(f"{filter_name(key).capitalize()} (…)", key)
            self.filter.blockSignals(False)
            index = self.filter.count() - 1
        if index == self.filter.currentIndex():
            self._filter_changed(index)
        else:
            self.filter.setCurrentIndex(max(0, index))

    def _filter_changed(self, _: int) -> None:
        key = self.filter.currentData()
        self.proxy.set_key(key)
        shown = self.visible_claims()
        if key is None:
            self.showing.setText("")
            self.showing.setVisible(False)
        else:
            self.showing.setText(
                f"Showing {len(shown)} of {len(self.model.rows)} claims: "
                f"{escape(filter_name(key))} · <a href='all:'>show all</a>"
            )
            self.showing.setVisible(True)
        self.filterChanged.emit(None if key is None else shown)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            index = int(current.data(Qt.ItemDataRole.UserRole))
            self.show_details(index)
            self.claimSelected.emit(index)

    def show_details(self, sentence_index: int) -> None:
        if self.analysis is not None:
            self.details.setHtml(claim_details(self.analysis, sentence_index))

    def select_claim(self, sentence_index: int) -> bool:
        """Select the ledger row of a claim (clearing the filter if it hides it)."""
        if sentence_index not in self.model.rows:
            return False
        source = self.model.index(self.model.rows.index(sentence_index), 0)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            self.set_filter(None)
            index = self.proxy.mapFromSource(source)
        if self.table.currentIndex().row() == index.row():
            self.show_details(sentence_index)
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
