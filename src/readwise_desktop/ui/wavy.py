"""A wavy underline that reads at reading size. Qt's own ``WaveUnderline`` is one pixel high at
the article's font size and looks like a faint salmon dotted line; this one is drawn over the
text (practice's "you missed it") with a pen and an amplitude of its own."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QTextDocument, QTextLine

AMPLITUDE = 2.0  # pixels above and below the line
PERIOD = 6.0  # pixels per wave
PEN = 1.6
GAP = 2.5  # below the baseline
STACK = 2 * AMPLITUDE + PEN  # the next wave under one already drawn


def wave_segments(
    document: QTextDocument, start: int, end: int
) -> list[tuple[float, float, float]]:
    """(x1, x2, y) in document coordinates for every line the Qt positions start…end cover."""
    out: list[tuple[float, float, float]] = []
    block = document.findBlock(start)
    while block.isValid() and block.position() < end:
        layout = block.layout()
        origin = layout.position()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            a = max(start, block.position() + line.textStart())
            b = min(end, block.position() + line.textStart() + line.textLength())
            if a >= b:
                continue
            x1, x2 = _x(line, a - block.position()), _x(line, b - block.position())
            y = origin.y() + line.y() + line.ascent() + GAP + AMPLITUDE
            out.append((origin.x() + x1, origin.x() + x2, y))
        block = block.next()
    return out


def _x(line: QTextLine, position: int) -> float:
    """Where a cursor at ``position`` of the block stands on the line (PySide returns a pair)."""
    value = line.cursorToX(position)
    return float(value[0] if isinstance(value, tuple) else value)  # type: ignore[arg-type]


def below(drawn: list[tuple[float, float, float]], x1: float, x2: float, y: float) -> float:
    """The first free line at or under ``y`` where a wave over x1…x2 meets no drawn one."""
    while any(a < x2 and x1 < b and abs(y - at) < 1 for a, b, at in drawn):
        y += STACK
    return y


def draw_wave(painter: QPainter, x1: float, x2: float, y: float, colour: QColor) -> None:
    path = QPainterPath(QPointF(x1, y))
    x, up = x1, True
    while x < x2:
        step = min(PERIOD / 2, x2 - x)
        path.quadTo(
            QPointF(x + step / 2, y - AMPLITUDE if up else y + AMPLITUDE), QPointF(x + step, y)
        )
        x += step
        up = not up
    painter.setPen(QPen(colour, PEN))
    painter.drawPath(path)
