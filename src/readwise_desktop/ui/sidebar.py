"""The sidebar: a sourcing summary on top (``sidebar_counts``), then the ledger of every claim
(``ledger_model``), filterable by a count or the filter menu, and the selected claim's details."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from readwise_desktop.engine.results import Analysis
from readwise_desktop.ui.details import claim_details
from readwise_desktop.ui.ledger_model import (
    MARKER,
    SENTENCE_ROLE,
    ClaimFilter,
    ClaimModel,
    LabelFilter,
    claim_matches,
    filter_name,
)
from readwise_desktop.ui.ledger_view import LedgerView
from readwise_desktop.ui.sidebar_counts import (
    GROUP_STYLE,
    SourcingBar,
    count_of,
    filter_choices,
    groups_html,
    hedges_html,
    sources_html,
)

__all__ = [
    "GROUP_STYLE",
    "MARKER",
    "ClaimFilter",
    "ClaimModel",
    "LabelFilter",
    "Sidebar",
    "SourcingBar",
    "claim_matches",
    "filter_name",
]


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
        self._build_counts(layout)
        self._build_filter(layout)
        self._build_ledger()
        self._build_details()
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setObjectName("ledgerSplit")
        self.split.addWidget(self.table)
        self.split.addWidget(self.details)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 1)
        self.split.setChildrenCollapsible(False)
        layout.addWidget(self.split, 1)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.set_analysis(None)

    def fit_rows(self) -> None:
        """Rows one line high in the current font (after a zoom); the selected one grown."""
        self.table.fit_rows()

    # --- construction ---------------------------------------------------------------------

    def _build_counts(self, layout: QVBoxLayout) -> None:
        self.heading = QLabel("<b>Sourcing</b> (click a count to see those claims)")
        self.bar = SourcingBar()
        self.groups, self.hedges, self.sources = QLabel(), QLabel(), QLabel()
        names = ("Claims by sourcing group", "Hedges by kind", "Claims by source")
        for text_label, name in zip((self.groups, self.hedges, self.sources), names, strict=True):
            text_label.setWordWrap(True)
            text_label.setTextFormat(Qt.TextFormat.RichText)
            text_label.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextBrowserInteraction
            )  # links clickable and reachable with Tab
            text_label.setOpenExternalLinks(False)
            text_label.linkActivated.connect(self._link_activated)
            text_label.setAccessibleName(name)
        for widget in (self.heading, self.bar, self.groups, self.hedges, self.sources):
            layout.addWidget(widget)

    def _build_filter(self, layout: QVBoxLayout) -> None:
        self.filter = QComboBox()
        self.filter.setAccessibleName("Show claims with sourcing")
        self.filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.filter.setMinimumContentsLength(12)
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.showing = QLabel()
        self.showing.setTextFormat(Qt.TextFormat.RichText)
        self.showing.setWordWrap(True)
        self.showing.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.showing.linkActivated.connect(lambda _: self.set_filter_key(None))
        self.showing.setAccessibleName("Ledger filter")
        row = QHBoxLayout()
        row.addWidget(QLabel("Ledger:"))
        row.addWidget(self.filter, 1)
        layout.addLayout(row)
        layout.addWidget(self.showing)

    def _build_ledger(self) -> None:
        self.model = ClaimModel()
        self.proxy = ClaimFilter()
        self.proxy.setSourceModel(self.model)
        self.table = LedgerView(self.proxy)

    def _build_details(self) -> None:
        self.details = QTextBrowser()
        self.details.setAccessibleName("Details of the selected claim")
        self.details.setOpenLinks(False)
        self.details.setPlaceholderText(
            "Select a claim (in the ledger or the text) to see its source, cue, stance, "
            "hedges, how to verify them and the rules that found them."
        )

    # --- the analysis and its counts ---------------------------------------------------------

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
        else:
            self.fill_counts()
        self._filter_changed(0)

    def set_dark(self, dark: bool) -> None:
        """A theme switch: the links take its link colour, the ◆ marker its grey."""
        self.model.set_dark(dark)
        self.fill_counts()

    def fill_counts(self) -> None:
        """The bar and the clickable counts (again after a theme switch, for the link colour)."""
        analysis = self.analysis
        if analysis is None:
            return
        for text_label in (self.groups, self.hedges, self.sources):
            text_label.clear()  # the same text again is not laid out again: clear it first
        self.bar.set_counts(analysis.summary.by_group)
        self.groups.setText(groups_html(analysis.summary))
        self.hedges.setText(hedges_html(analysis.summary))
        self._fill_sources()

    def _fill_sources(self) -> None:
        if self.analysis is not None:
            self.sources.setText(sources_html(self.analysis.summary, self.all_sources))

    def _fill_filter(self, keep: str | None) -> None:
        """The filter menu with the number of claims under each choice."""
        self.filter.blockSignals(True)
        self.filter.clear()
        for text, key in filter_choices(self.analysis):
            self.filter.addItem(text, key)
        if keep is not None and self.filter.findData(keep) < 0:
            n = count_of(self.analysis, keep)
            self.filter.addItem(f"{filter_name(keep).capitalize()} ({n})", keep)
        self.filter.setCurrentIndex(max(0, self.filter.findData(keep)))
        self.filter.blockSignals(False)

    def _link_activated(self, key: str) -> None:
        if key in ("more:", "fewer:"):
            self.all_sources = key == "more:"
            self._fill_sources()
            return
        self.set_filter_key(key)

    # --- filtering ----------------------------------------------------------------------

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
        self.table.grow_current()
        self.filterChanged.emit(None if key is None else shown)

    # --- selection ----------------------------------------------------------------------

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            index = int(current.data(SENTENCE_ROLE))
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
        return int(index.data(SENTENCE_ROLE)) if index.isValid() else None

    def visible_claims(self) -> list[int]:
        return [
            int(self.proxy.index(r, 0).data(SENTENCE_ROLE)) for r in range(self.proxy.rowCount())
        ]
