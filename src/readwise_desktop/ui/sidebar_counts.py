"""The sidebar's counts: claims by sourcing group as a bar (colour plus hatching), and every count
as a link (a group, a hedge kind, a source) that filters the ledger; the filter menu's choices."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from readwise_desktop.engine.results import GROUPS, SOURCING_LABELS, Analysis, Summary
from readwise_desktop.export.text_report import readable_label
from readwise_desktop.ui.ledger_model import claim_matches
from readwise_desktop.ui.palette import HEDGE_KEYS, OKABE_ITO, STYLES

GROUP_STYLE = {  # colour and a hatch pattern, so the bar reads without colour too
    "named": (OKABE_ITO["blue"], Qt.BrushStyle.SolidPattern),
    "unnamed": (OKABE_ITO["orange"], Qt.BrushStyle.BDiagPattern),
    "unsourced": ("#6B6B6B", Qt.BrushStyle.Dense5Pattern),
}
GROUP_MARK = {"named": "■", "unnamed": "▨", "unsourced": "◆"}
SOURCES_SHOWN = 6


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


def link(key: str, text: str) -> str:
    return f"<a href='{escape(key, quote=True)}'>{escape(text)}</a>"


def groups_html(summary: Summary) -> str:
    """ "19 claims: ■ named 8 · ▨ unnamed 7 · ◆ unsourced 4", each count a link."""
    return f"{summary.claims} claims: " + " · ".join(
        f"{GROUP_MARK[g]} " + link(f"group:{g}", f"{g} {summary.by_group[g]}") for g in GROUPS
    )


def hedges_html(summary: Summary) -> str:
    hedges = [
        link(f"hedge:{k}", f"{STYLES[k].label.lower()} {n}")
        for k, n in summary.hedges_by_category.items()
        if n
    ]
    return "<b>Hedges</b>: " + (", ".join(hedges) if hedges else "none")


def sources_html(summary: Summary, every: bool) -> str:
    """The first sources (or all of them), each a link, with "n more…" or "fewer"."""
    sources = summary.sources
    shown = sources if every else sources[:SOURCES_SHOWN]
    parts = [
        link(f"source:{s.name}", f"{s.name} {s.claims}")
        + f" <small>({escape(readable_label(s.type.value))})</small>"
        for s in shown
    ]
    more = len(sources) - len(shown)
    if more > 0:
        tail = f" · <a href='more:'>{more} more…</a>"
    elif every and len(sources) > SOURCES_SHOWN:
        tail = " · <a href='fewer:'>fewer</a>"
    else:
        tail = ""
    return "<b>Sources</b>: " + (" · ".join(parts) or "none") + tail


def filter_choices(analysis: Analysis | None) -> list[tuple[str, str | None]]:
    """The filter menu: every choice with the number of claims under it (empty kinds left out,
    sourcing labels kept so that Ctrl+1 … Ctrl+7 always find theirs)."""
    claims = [i for i, _ in analysis.claims()] if analysis else []
    out: list[tuple[str, str | None]] = []

    def add(text: str, key: str | None) -> None:
        n = (
            len(claims)
            if key is None or analysis is None
            else sum(claim_matches(analysis, i, key) for i in claims)
        )
        if key is None or n or key.startswith("label:"):
            out.append((f"{text} ({n})", key))

    add("All claims", None)
    for group in GROUPS:
        add(f"{GROUP_MARK[group]} {group.capitalize()}", f"group:{group}")
    for label in SOURCING_LABELS:
        add(f"    {readable_label(label).capitalize()}", f"label:{label}")
    for hedge in HEDGE_KEYS:
        add(f"With a {STYLES[hedge].label.lower()}", f"hedge:{hedge}")
    return out


def count_of(analysis: Analysis | None, key: str) -> int:
    if analysis is None:
        return 0
    return sum(claim_matches(analysis, i, key) for i, _ in analysis.claims())
