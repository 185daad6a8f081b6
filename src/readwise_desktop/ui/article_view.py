"""The article view: a read-only QTextBrowser whose highlights are formats stored in the document.

Because the formats live in the ``QTextDocument`` (not a ``QSyntaxHighlighter``), they survive
printing, PDF and HTML export. Formats are applied in small batches from the event loop, so a
very long article never stalls the window.
"""

from __future__ import annotations

import bisect
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

from readwise_desktop.engine.advice import hedge_advice, source_advice
from readwise_desktop.engine.results import Analysis, TextSpan
from readwise_desktop.export.styles import Mark, MarkPart, mark_parts, marks_of, sort_marks
from readwise_desktop.ui.palette import OKABE_ITO, STYLES, UNDERLINES

MARKS_PER_JOB = 10
CHARS_PER_JOB = 4_000
Job = Callable[[], None]
StyleJob = Callable[[], int | None]  # how many characters it formatted, if it counts them
BUDGET_S = 0.018  # work per event-loop tick, well under the 100 ms a reader notices
# Formats are laid out once per tick, when the edit block closes; that cost grows with the text
# the tick's formats cover, so a tick also stops after formatting this many characters.
LAYOUT_BUDGET_CHARS = 12_000
BAND = {False: "#E4E4EC", True: "#3A3A46"}  # the selected claim's band, per theme
MUTED = {False: "#8A8A8A", True: "#7A7A7A"}  # text outside a ledger filter


@dataclass(frozen=True, slots=True)
class Overlay:
    """A mark drawn over the text as an extra selection: a student's mark, or how it fared."""

    start: int
    end: int
    colour: str
    underline: str | None  # a key of palette.UNDERLINES
    bold: bool
    tip: str  # the two-line tooltip


class ArticleView(QTextBrowser):
    claimClicked = Signal(int)  # sentence index
    contextRequested = Signal(int, QPoint)  # text position, where to show the menu
    formattingDone = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setAccessibleName("Article text")
        self.setMouseTracking(True)
        self.analysis: Analysis | None = None
        self.marks: list[Mark] = []
        self._starts: list[int] = []
        self._sentence_starts: list[int] = []
        self._inserts: deque[Job] = deque()  # the text, piece by piece; always run first
        self._styles: deque[StyleJob] = deque()  # the highlights; replaced when they change
        self._utf16: list[int] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._apply_batch)
        self.dark = False
        self.visible: set[str] = set(STYLES)
        self.selected: int | None = None  # the sentence under the band
        self.focus: set[int] | None = None  # the ledger's filter: sentences whose marks show
        self.overlays: list[Overlay] = []  # practice: the student's marks, or their check
        self.found: tuple[int, int] | None = None  # the current find match

    # --- showing an analysis -------------------------------------------------------------

    def show_analysis(self, analysis: Analysis, visible: Iterable[str], dark: bool) -> None:
        """Show an analysis: the text goes in piece by piece, then the highlights."""
        self._inserts.clear()
        self._styles.clear()
        self.analysis = analysis
        self.dark = dark
        self.visible = set(visible)
        self.marks = []
        self._starts = []
        self.selected = None  # a new article: no band, no filter, no overlay from the last one
        self.focus = None
        self.overlays = []
        self.found = None
        self.setExtraSelections([])
        self._sentence_starts = [s.start for s in analysis.sentences]
        self._utf16 = _utf16_offsets(analysis.text)
        document = QTextDocument(self)
        document.setUndoRedoEnabled(False)  # read-only: no undo history of every format change
        document.setDefaultFont(self.font())
        document.setDocumentMargin(18)
        cursor = QTextCursor(document)
        cursor.setBlockFormat(_reading_block())  # every block inserted later inherits it
        self.setDocument(document)
        text = analysis.text
        for at in range(0, len(text), CHARS_PER_JOB):
            self._inserts.append(partial(self._append, text[at : at + CHARS_PER_JOB]))
        self._inserts.append(self._headline_block)
        for part in mark_parts(analysis):
            self._inserts.append(partial(self._add_marks, part))
        self._inserts.append(self._index_marks)
        self._timer.start()

    def _add_marks(self, part: MarkPart) -> None:
        """One part of the highlights, listed in its own tick (a long text has thousands)."""
        self.marks.extend(part())

    def _index_marks(self) -> None:
        """Once every part is in: sort the highlights and queue their formats in text order, so
        that each tick's formats lie close together and are laid out quickly."""
        self.marks = sort_marks(self.marks)
        self._starts = [m.start for m in self.marks]
        self._queue_styles(clear=False)

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

    def restyle(self, visible: Iterable[str], dark: bool) -> None:
        """Re-apply every highlight for the categories switched on, in small jobs."""
        if self.analysis is None:
            return
        self.visible, self.dark = set(visible), dark
        self._styles.clear()
        self._queue_styles(clear=True)
        self._timer.start()
        self.redraw_selections()

    def set_focus(self, sentences: Iterable[int] | None) -> None:
        """Show the highlights of these sentences only, the rest of the text muted (None: all)."""
        self.focus = None if sentences is None else set(sentences)
        self.restyle(self.visible, self.dark)

    def set_overlays(self, overlays: list[Overlay]) -> None:
        self.overlays = list(overlays)
        self.redraw_selections()

    def _queue_styles(self, clear: bool) -> None:
        assert self.analysis is not None
        if clear:
            length = len(self.analysis.text)
            for at in range(0, length, CHARS_PER_JOB):
                end = min(length, at + CHARS_PER_JOB)
                self._styles.append(partial(self._clear_range, at, end))
        self._styles.append(self._furniture_step)
        shown = [m for m in self.marks if self._shown(m)]
        if self.focus is not None:
            muted = [
                (s.start, s.end)
                for i, s in enumerate(self.analysis.sentences)
                if s.is_claim and i not in self.focus
            ]
            for i in range(0, len(muted), MARKS_PER_JOB):
                self._styles.append(partial(self._mute, muted[i : i + MARKS_PER_JOB]))
        for i in range(0, len(shown), MARKS_PER_JOB):
            self._styles.append(partial(self._apply_marks, shown[i : i + MARKS_PER_JOB]))

    def _shown(self, mark: Mark) -> bool:
        if mark.style not in self.visible:
            return False
        if self.focus is None:
            return True
        sentence = mark.index if mark.kind == "unsourced" else self.sentence_at(mark.start)
        return sentence in self.focus

    def _mute(self, spans: list[tuple[int, int]]) -> int:
        fmt = QTextCharFormat()
        fmt.setForeground(QColor(MUTED[self.dark]))
        for start, end in spans:
            self._cursor(start, end).mergeCharFormat(fmt)
        return sum(end - start for start, end in spans)

    @property
    def formatting(self) -> bool:
        return bool(self._inserts or self._styles)

    def _apply_batch(self) -> None:
        started = time.perf_counter()
        while self._inserts and time.perf_counter() - started < BUDGET_S:
            self._inserts.popleft()()
        if self._inserts or not self._styles:
            self._finish_if_done()
            return
        batch = QTextCursor(self.document())
        batch.beginEditBlock()  # formats: one relayout per tick, not one per highlight
        covered = 0
        try:
            while (
                self._styles
                and covered < LAYOUT_BUDGET_CHARS
                and time.perf_counter() - started < BUDGET_S
            ):
                covered += self._styles.popleft()() or 0
        finally:
            batch.endEditBlock()
        self._finish_if_done()

    def _finish_if_done(self) -> None:
        if not self.formatting:
            self._timer.stop()
            self.formattingDone.emit()

    def _append(self, piece: str) -> None:
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(piece)

    def _clear_range(self, start: int, end: int) -> int:
        self._cursor(start, end).setCharFormat(QTextCharFormat())
        return end - start

    def qt_position(self, index: int) -> int:
        """Qt counts UTF-16 units; Python counts code points. They differ after an emoji."""
        return index if self._utf16 is None else self._utf16[index]

    def text_index(self, position: int) -> int:
        if self._utf16 is None or position < 0:
            return position
        return bisect.bisect_right(self._utf16, position) - 1

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.qt_position(start))
        cursor.setPosition(self.qt_position(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _apply_marks(self, marks: list[Mark]) -> int:
        """Merge the marks' formats; the number of characters they cover."""
        formats = {key: STYLES[key].char_format(self.dark) for key in {m.style for m in marks}}
        for mark in marks:
            self._cursor(mark.start, mark.end).mergeCharFormat(formats[mark.style])
        return sum(m.end - m.start for m in marks)

    def _headline_block(self) -> None:
        """More space under the headline."""
        assert self.analysis is not None
        title = self.analysis.layout.title
        if title is not None:
            block = _reading_block()
            block.setBottomMargin(14)
            self._cursor(title.start, title.start).setBlockFormat(block)

    def _furniture_step(self) -> None:
        assert self.analysis is not None
        layout = self.analysis.layout
        if layout.title is not None:
            fmt = QTextCharFormat()
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setFontPointSize(max(self.font().pointSizeF(), 9.0) * 1.45)
            self._merge(layout.title, fmt)
        quiet = QTextCharFormat()
        quiet.setFontItalic(True)
        quiet.setForeground(QColor("#A0A0A0" if self.dark else "#555555"))
        for span in (layout.byline, layout.dateline):
            if span is not None:
                self._merge(span, quiet)

    def _merge(self, span: TextSpan, fmt: QTextCharFormat) -> None:
        self._cursor(span.start, span.end).mergeCharFormat(fmt)

    # --- looking things up ---------------------------------------------------------------

    def marks_at(self, position: int) -> list[Mark]:
        i = bisect.bisect_right(self._starts, position)
        return [m for m in self.marks[max(0, i - 40) : i] if m.start <= position < m.end]

    def sentence_at(self, position: int) -> int | None:
        i = bisect.bisect_right(self._sentence_starts, position) - 1
        if i < 0 or self.analysis is None:
            return None
        sentence = self.analysis.sentences[i]
        return i if sentence.start <= position < sentence.end else None

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
    fmt = QTextCharFormat()
    colour = QColor(overlay.colour)
    tint = QColor(colour)
    tint.setAlpha(60)
    fmt.setBackground(tint)
    if overlay.underline is not None:
        fmt.setUnderlineStyle(UNDERLINES[overlay.underline])
        fmt.setUnderlineColor(colour)
    if overlay.bold:
        fmt.setFontWeight(700)
    return fmt


STUDENT_COLOUR = OKABE_ITO["blue"]


def _reading_block() -> QTextBlockFormat:
    block = QTextBlockFormat()
    block.setBottomMargin(9)
    block.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    return block


def _utf16_offsets(text: str) -> list[int] | None:
    """Qt position of every code point (and of the end), or None when they are all equal."""
    if text.isascii() or all(ord(ch) < 0x10000 for ch in text):
        return None
    out = [0]
    for ch in text:
        out.append(out[-1] + (2 if ord(ch) >= 0x10000 else 1))
    return out
