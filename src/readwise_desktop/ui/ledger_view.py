"""The claim ledger's table. Its rows are one line high, so that a long article's thousand claims
lay out at once (no row is measured); the selected row grows to show its source and its claim in
full, wrapped to their columns, and shrinks back when another is selected."""

from __future__ import annotations

from PySide6.QtCore import QPersistentModelIndex, QRect, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from readwise_desktop.engine.results import SOURCING_LABELS
from readwise_desktop.ui.ledger_model import sourcing_cell

COLUMN_WIDTHS = (150, 150, 100)  # sourcing, source, cue at most; the claim takes the rest
# Of a narrow ledger (a 1366-px laptop gives it about 480 px: the sourcing label whole), so that
# the claim keeps over a third (its selected row wraps; the details below show it in full).
COLUMN_SHARES = (0.30, 0.21, 0.14)
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
            width = max(20, self.columnWidth(column) - 2 * CELL_PADDING)  # the cell's margins
            box = metrics.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text)
            tallest = max(tallest, box.height())
        limit = max(self.line_height(), self.viewport().height() - self.line_height())
        return min(limit, tallest + CELL_PADDING)

    def fit_columns(self) -> None:
        """The sourcing column as wide as its longest label ("◆ named organisation"), source and
        cue at their usual widths, each at most a share of a narrow ledger; the claim the rest."""
        width = self.viewport().width()
        header = self.horizontalHeader()
        most = (self.label_width(), *COLUMN_WIDTHS[1:])
        for column, (widest, share) in enumerate(zip(most, COLUMN_SHARES, strict=True)):
            header.resizeSection(column, min(widest, max(40, int(width * share))))

    def label_width(self) -> int:
        """The width the longest sourcing label takes in the current font, marker included."""
        metrics = self.fontMetrics()
        texts = [sourcing_cell(label) for label in SOURCING_LABELS]
        return max(metrics.horizontalAdvance(t) for t in texts) + 2 * CELL_PADDING

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.fit_columns()
        self.grow_current()  # the limit follows the ledger's height
