"""The article view's text and its formats: the article goes into a ``QTextDocument`` piece by
piece, then every highlight as a format stored in the document, in small batches from the event
loop, so a very long article never stalls the window.

Because the formats live in the document (not a ``QSyntaxHighlighter``), they survive printing,
PDF and HTML export. ``article_view.ArticleView`` adds the selections, tooltips and clicks.
"""

from __future__ import annotations

import bisect
import time
from collections import deque
from collections.abc import Callable, Iterable
from functools import partial

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from readwise_desktop.engine.results import Analysis, TextSpan
from readwise_desktop.export.styles import Mark, MarkPart, mark_parts, sort_marks
from readwise_desktop.ui.palette import STYLES

MARKS_PER_JOB = 10
CHARS_PER_JOB = 4_000
Job = Callable[[], None]
StyleJob = Callable[[], int | None]  # how many characters it formatted, if it counts them
BUDGET_S = 0.018  # work per event-loop tick, well under the 100 ms a reader notices
# Formats are laid out once per tick, when the edit block closes; that cost grows with the text
# the tick's formats cover, so a tick also stops after formatting this many characters.
LAYOUT_BUDGET_CHARS = 12_000
MUTED = {False: "#8A8A8A", True: "#7A7A7A"}  # text outside a ledger filter


class FormattedView(QTextBrowser):
    """A read-only text view that shows an analysis with its highlights as document formats."""

    formattingDone = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
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
        self.focus: set[int] | None = None  # the ledger's filter: sentences whose marks show

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
        self.focus = None
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

    def redraw_selections(self) -> None:
        """The extra selections drawn over the formats (see ``ArticleView``)."""


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
