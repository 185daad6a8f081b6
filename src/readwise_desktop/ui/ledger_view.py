"""The claim ledger's table. Its rows are one line high, so that a long article's thousand claims
lay out at once (no row is measured); the selected row grows to show its source and its claim in
full, wrapped to their columns, and shrinks back when another is selected."""

from __future__ import annotations

from PySide6.QtCore import QPersistentModelIndex, QRect, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

COLUMN_WIDTHS = (118, 130, 80)  # sourcing, source, cue at most; the claim takes the rest
COLUMN_SHARES = (0.24, 0.24, 0.12)  # of a narrow ledger, so the claim keeps two fifths
WRAPPED_COLUMNS = (1, 3)  # the source and the claim wrap in the selected row
CELL_PADDING = 8


class LedgerView(QTableView):
    def __init__(self, model: QSortFilterProxyModel) -> None:
        super().__init__()
        self.setModel(model)
        self._tall = QPersistentModelIndex()  # the row grown to show its claim in full
        self.setAccessibleName("Claim ledger")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)  # only the selected row is tall enough to show it
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row size hints
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # not ResizeToContents:
        header.setStretchLastSection(True)  # measuring every row stalls on long articles
        for column, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(column, width)
        header.sectionResized.connect(lambda *_: self.grow_current())
        self.selectionModel().currentRowChanged.connect(lambda *_: self.grow_current())
        self.fit_rows()

    def line_height(self) -> int:
        return self.fontMetrics().height() + CELL_PADDING

    def fit_rows(self) -> None:
        """Rows one line high in the current font (after a zoom); the selected one grown."""
        self.verticalHeader().setDefaultSectionSize(self.line_height())
        self.grow_current()

    def grow_current(self) -> None:
        """The previous tall row back to one line; the selected row as tall as its text."""
        line = self.line_height()
        if self._tall.isValid():
            self.setRowHeight(self._tall.row(), line)
        current = self.currentIndex()
        self._tall = QPersistentModelIndex(current)
        if current.isValid():
            self.setRowHeight(current.row(), self.row_height(current.row()))

    def row_height(self, row: int) -> int:
        """The height that shows the row's source and claim in full, wrapped to their columns
        (at most the ledger's height less one line, so the next row stays in sight)."""
        metrics, model = self.fontMetrics(), self.model()
        tallest = metrics.height()
        for column in WRAPPED_COLUMNS:
            text = str(model.index(row, column).data() or "")
            width = max(20, self.columnWidth(column) - CELL_PADDING)
            box = metrics.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text)
            tallest = max(tallest, box.height())
        limit = max(self.line_height(), self.viewport().height() - self.line_height())
        return min(limit, tallest + CELL_PADDING)

    def fit_columns(self) -> None:
        """Sourcing, source and cue at their usual widths, or a share of a narrow ledger
        (a 1024-px laptop), so that the claim column keeps two fifths of the width."""
        width = self.viewport().width()
        header = self.horizontalHeader()
        for column, (most, share) in enumerate(zip(COLUMN_WIDTHS, COLUMN_SHARES, strict=True)):
            header.resizeSection(column, min(most, max(40, int(width * share))))

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.fit_columns()
        self.grow_current()  # the limit follows the ledger's height
