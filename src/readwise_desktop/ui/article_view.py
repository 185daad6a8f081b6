"""The article view: the formatted article (``view_formatting``) with what is drawn over it and
what the reader does with it: the selected claim's band, the find match and the practice
overlays (extra selections, not formats), two-line tooltips, clicks and the context menu."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from readwise_desktop.engine.advice import hedge_advice, source_advice
from readwise_desktop.engine.results import Analysis
from readwise_desktop.export.styles import marks_of
from readwise_desktop.ui.palette import OKABE_ITO, STYLES, UNDERLINES
from readwise_desktop.ui.view_formatting import FormattedView
from readwise_desktop.ui.wavy import below, draw_wave, wave_segments

BAND = {False: "#E4E4EC", True: "#3A3A46"}  # the selected claim's band, per theme
STUDENT_COLOUR = OKABE_ITO["blue"]
STUDENT_TINT_ALPHA = 60  # the student's own marks: a light tint of blue under the underline


@dataclass(frozen=True, slots=True)
class Overlay:
    """A mark drawn over the text as an extra selection: a student's mark, or how it fared."""

    start: int
    end: int
    colour: str
    underline: str | None  # a key of palette.UNDERLINES
    bold: bool
    tip: str  # the two-line tooltip
    tinted: bool = False  # a light tint under it: the student's own marks only


class ArticleView(FormattedView):
    claimClicked = Signal(int)  # sentence index
    contextRequested = Signal(int, QPoint)  # text position, where to show the menu

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setAccessibleName("Article text")
        self.setMouseTracking(True)
        self.selected: int | None = None  # the sentence under the band
        self.overlays: list[Overlay] = []  # practice: the student's marks, or their check
        self.found: tuple[int, int] | None = None  # the current find match

    def show_analysis(self, analysis: Analysis, visible: Iterable[str], dark: bool) -> None:
        """A new article: no band, no filter, no overlay from the last one."""
        self.selected = None
        self.overlays = []
        self.found = None
        self.setExtraSelections([])
        super().show_analysis(analysis, visible, dark)

    def update_analysis(self, analysis: Analysis) -> None:
        """The same text analysed anew (a correction): redraw the highlights in place, keeping
        the scroll position and the selected claim."""
        if self.analysis is None or analysis.text != self.analysis.text or self._inserts:
            selected = self.selected
            self.show_analysis(analysis, self.visible, self.dark)
            self.selected = selected
            return
        self.analysis = analysis
        self.marks = marks_of(analysis)
        self._starts = [m.start for m in self.marks]
        self.restyle(self.visible, self.dark)

    def set_overlays(self, overlays: list[Overlay]) -> None:
        self.overlays = list(overlays)
        self.redraw_selections()

    def position_at(self, point: QPoint) -> int:
        """The character under a viewport point, or -1 off the text."""
        doc_point = point + QPoint(
            self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        )
        layout = self.document().documentLayout()
        return self.text_index(
            int(layout.hitTest(doc_point.toPointF(), Qt.HitTestAccuracy.ExactHit))
        )

    def tooltip_at(self, position: int) -> str:
        """Two lines: what the mark under the pointer is, and why it matters to this reader.
        The rest (how to verify, stance, rule, explanation) is in the details pane."""
        if self.analysis is None or position < 0:
            return ""
        for overlay in self.overlays:
            if overlay.start <= position < overlay.end and overlay.tip:
                return overlay.tip
        marks = [m for m in self.marks_at(position) if self._shown(m)]
        if not marks:
            return ""
        mark = max(marks, key=lambda m: (MARK_PRIORITY[m.kind], m.start))  # the innermost
        source = self._claim_source(self.sentence_at(position))
        if mark.kind == "hedge":
            hedge = self.analysis.hedges[mark.index]
            advice = hedge_advice(hedge.category.value)
            what = f"{STYLES[hedge.category.value].label}: “{hedge.text}”"
            if source:
                what += f", in a claim sourced to {source}"
            return f"{what}\n{advice.why}"
        if mark.kind in ("cue", "source"):
            attribution = self.analysis.attributions[mark.index]
            advice = source_advice(attribution.source_type.value)
            return (
                f"{advice.label}: {attribution.display_source} (“{attribution.cue.text}”)"
                f"\n{advice.why}"
            )
        advice = source_advice("UNSOURCED")
        return f"{advice.label}: no one is named for this claim\n{advice.why}"

    def _claim_source(self, sentence: int | None) -> str | None:
        if sentence is None or self.analysis is None:
            return None
        s = self.analysis.sentences[sentence]
        if s.attribution is None:
            return "no source (unsourced claim)" if s.is_claim else None
        return self.analysis.attributions[s.attribution].display_source

    # --- events --------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(self.position_at(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        position = self.position_at(event.pos())
        if self.analysis is None or position < 0:
            super().contextMenuEvent(event)
            return
        self.contextRequested.emit(position, event.globalPos())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        position = self.position_at(event.position().toPoint())
        if position >= 0 and any(self._shown(m) for m in self.marks_at(position)):
            sentence = self.sentence_at(position)
            if sentence is not None:
                self.claimClicked.emit(sentence)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The text, then the wavy overlays (``wavy``) over it, in the viewport."""
        super().paintEvent(event)
        waves = [o for o in self.overlays if o.underline == "wavy"]
        if not waves:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(-self.horizontalScrollBar().value(), -self.verticalScrollBar().value())
        drawn: list[tuple[float, float, float]] = []
        for overlay in sorted(waves, key=lambda o: o.start - o.end):  # longest first
            start, end = self.qt_position(overlay.start), self.qt_position(overlay.end)
            for x1, x2, y in wave_segments(self.document(), start, end):
                y = below(drawn, x1, x2, y)  # a missed hedge inside a missed claim: its own line
                draw_wave(painter, x1, x2, y, QColor(overlay.colour))
                drawn.append((x1, x2, y))
        painter.end()

    # --- selection ------------------------------------------------------------------------

    def select_sentence(self, index: int, scroll: bool = True) -> None:
        """Mark a sentence with a band (extra selections, not formats) and scroll to it."""
        if self.analysis is None or not 0 <= index < len(self.analysis.sentences):
            return
        self.selected = index
        self.redraw_selections()
        if scroll:
            sentence = self.analysis.sentences[index]
            self.setTextCursor(self._cursor(sentence.start, sentence.start))
            self.ensureCursorVisible()

    def band_spans(self) -> list[tuple[int, int]]:
        """The selected sentence's band: the sentence minus its visible hedges, whose own tint
        shows through (a band over them would hide the flags the reader came to see)."""
        if self.analysis is None or self.selected is None:
            return []
        sentence = self.analysis.sentences[self.selected]
        holes = sorted(
            (max(m.start, sentence.start), min(m.end, sentence.end))
            for m in self.marks
            if m.kind == "hedge" and self._shown(m)
            and m.start < sentence.end and m.end > sentence.start
        )  # fmt: skip
        spans, at = [], sentence.start
        for start, end in holes:
            if start > at:
                spans.append((at, start))
            at = max(at, end)
        if at < sentence.end:
            spans.append((at, sentence.end))
        return spans

    def redraw_selections(self) -> None:
        """The band, the find match and the practice overlays, in the current theme."""
        if self.analysis is None:
            self.setExtraSelections([])
            return
        selections = []
        band = QTextCharFormat()
        band.setBackground(QColor(BAND[self.dark]))
        for start, end in self.band_spans():
            selections.append(_selection(self._cursor(start, end), band))
        for overlay in self.overlays:
            selections.append(
                _selection(self._cursor(overlay.start, overlay.end), _overlay_format(overlay))
            )
        if self.found is not None:
            found = QTextCharFormat()
            found.setBackground(self.palette().highlight())
            found.setForeground(self.palette().highlightedText())
            selections.append(_selection(self._cursor(*self.found), found))
        self.setExtraSelections(selections)

    # --- find ----------------------------------------------------------------------------

    def find_all(self, query: str) -> list[tuple[int, int]]:
        """Every place the words occur, ignoring case (character offsets)."""
        if self.analysis is None or not query.strip():
            return []
        text, needle = self.analysis.text.casefold(), query.casefold()
        if len(text) != len(self.analysis.text):  # casefold changed lengths: match as is
            text, needle = self.analysis.text.lower(), query.lower()
        out, at = [], text.find(needle)
        while at >= 0:
            out.append((at, at + len(query)))
            at = text.find(needle, at + 1)
        return out

    def show_found(self, span: tuple[int, int] | None) -> None:
        self.found = span
        self.redraw_selections()
        if span is not None:
            self.setTextCursor(self._cursor(span[0], span[0]))
            self.ensureCursorVisible()

    def clear(self) -> None:
        self._timer.stop()
        self._inserts.clear()
        self._styles.clear()
        self.analysis = None
        self.marks = []
        self._starts = []
        self._sentence_starts = []
        self.selected = None
        self.overlays = []
        self.found = None
        self.setExtraSelections([])
        super().clear()


MARK_PRIORITY = {"unsourced": 0, "source": 1, "cue": 1, "hedge": 2}


def _selection(cursor: QTextCursor, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
    selection = QTextEdit.ExtraSelection()
    selection.cursor = cursor
    fmt.setProperty(QTextCharFormat.Property.FullWidthSelection, False)
    selection.format = fmt
    return selection


def _overlay_format(overlay: Overlay) -> QTextCharFormat:
    """The overlay's underline in its colour (and bold for a source); a tint only when asked,
    so an outcome never hides the words under a wash of colour."""
    fmt = QTextCharFormat()
    colour = QColor(overlay.colour)
    if overlay.tinted:
        tint = QColor(colour)
        tint.setAlpha(STUDENT_TINT_ALPHA)
        fmt.setBackground(tint)
    if overlay.underline is not None and overlay.underline != "wavy":  # wavy: see paintEvent
        fmt.setUnderlineStyle(UNDERLINES[overlay.underline])
        fmt.setUnderlineColor(colour)
    if overlay.bold:
        fmt.setFontWeight(700)
    return fmt
