"""The legend: every colour and mark, each with a switch that shows or hides it at once."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QWidget

from readwise_desktop.ui.palette import HEDGE_KEYS, STYLES, TOGGLES, tint

SWATCH = 28
PEN_FOR_CUE = {
    "dashed": Qt.PenStyle.DashLine,
    "dotted": Qt.PenStyle.DotLine,
    "dash-dot": Qt.PenStyle.DashDotLine,
    "grey": Qt.PenStyle.DotLine,
    "wavy": Qt.PenStyle.DashDotDotLine,
}


def swatch(key: str, dark: bool) -> QPixmap:
    """A small sample of a style: the tint or text colour, with its underline or weight."""
    style = STYLES[key]
    pix = QPixmap(SWATCH, 16)
    pix.fill(QColor("#1E1E1E") if dark else QColor("#FFFFFF"))
    painter = QPainter(pix)
    if key in HEDGE_KEYS:
        painter.fillRect(0, 0, SWATCH, 12, tint(style.colour, dark))
    colour = QColor(style.colour)
    pen = QPen(colour, 2)
    if style.underline is not None:
        pen.setStyle(PEN_FOR_CUE.get(style.cue.split()[0], Qt.PenStyle.SolidLine))
        painter.setPen(pen)
        painter.drawLine(1, 14, SWATCH - 1, 14)
    else:
        font = painter.font()
        font.setBold(True)
        font.setItalic(style.italic)
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(2, 12, "Ab")
    painter.end()
    return pix


class Legend(QWidget):
    changed = Signal(object)  # the set of visible style keys

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Legend and highlight switches")
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 4, 4, 4)
        grid.setVerticalSpacing(2)
        self.boxes: dict[str, QCheckBox] = {}
        for row, key in enumerate(TOGGLES):
            style = STYLES[key]
            box = QCheckBox(style.label)
            box.setChecked(True)
            box.setToolTip(f"Show or hide: {style.label} ({style.cue})")
            box.setAccessibleName(f"{style.label}, shown as {style.cue}")
            box.toggled.connect(self._emit)
            cue = QLabel(style.cue)  # full-contrast text: a disabled grey would be unreadable
            font = cue.font()
            font.setItalic(True)
            cue.setFont(font)
            grid.addWidget(box, row, 0)
            grid.addWidget(cue, row, 1)
            self.boxes[key] = box
        self.set_dark(False)

    def set_dark(self, dark: bool) -> None:
        for key, box in self.boxes.items():
            box.setIcon(QIcon(swatch(key, dark)))

    def visible(self) -> set[str]:
        return {key for key, box in self.boxes.items() if box.isChecked()}

    def set_visible(self, keys: set[str]) -> None:
        for key, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(key in keys)
            box.blockSignals(False)
        self._emit()

    def toggle(self, key: str) -> None:
        self.boxes[key].toggle()

    def _emit(self) -> None:
        self.changed.emit(self.visible())
