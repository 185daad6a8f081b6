"""The Library panel: every article opened, searchable (FTS5), with its sourcing mix at a glance,
re-opened with a double click or Enter, deleted with the Delete key; and the article's note.

A library that cannot be read or written (damaged, a full disk) loses nothing here: the failure
is one sentence (``failed``, which the window shows in a dialog, once per streak of failures
while typing a note), and a note that could not be saved stays in memory and in the box.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from readwise_desktop.app.library import Entry, Library, LibraryError


class LibraryPanel(QWidget):
    openRequested = Signal(object)  # Entry
    failed = Signal(str)  # one sentence: what could not be read or kept

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search the library (title, text, notes)")
        self.search.setAccessibleName("Search the library")
        self.list = QListWidget()
        self.list.setAccessibleName("Articles in the library")
        self.empty = QLabel("No articles yet: every article you open is kept here.")
        self.empty.setWordWrap(True)
        open_button, delete_button = QPushButton("&Open"), QPushButton("&Delete")
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("Your note on the open article (saved as you type)")
        self.note.setAccessibleName("Note on the open article")
        self.note.setMaximumHeight(110)
        self._note_hash: str | None = None
        self._unsaved: dict[str, str] = {}  # notes the library could not keep yet, by hash
        self._note_failing = False  # told once; told again after a save that works
        self._note_error = ""
        self._save_timer = QTimer(self, singleShot=True, interval=400)
        buttons = QHBoxLayout()
        buttons.addWidget(open_button)
        buttons.addWidget(delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(QLabel("<b>Note</b>"))
        layout.addWidget(self.note)
        self.search.textChanged.connect(self.refresh)
        self.list.itemActivated.connect(lambda item: self.openRequested.emit(item.data(256)))
        open_button.clicked.connect(self._open_selected)
        delete_button.clicked.connect(self.delete_selected)
        self.note.textChanged.connect(self._save_timer.start)
        self._save_timer.timeout.connect(self.save_note)
        self.refresh()

    def refresh(self) -> None:
        try:
            entries = self.library.entries(self.search.text())
        except LibraryError as err:
            self.failed.emit(str(err))
            return
        self.list.clear()
        for entry in entries:
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(entry.opened_at))
            title = entry.title or entry.file or "untitled"
            item = QListWidgetItem(f"{title}\n{when} · {entry.mix}")
            item.setData(256, entry)
            item.setToolTip(entry.file or "pasted text")
            self.list.addItem(item)
        self.empty.setVisible(self.list.count() == 0 and not self.search.text())

    def stored_text(self, entry: Entry) -> str | None:
        """The article's text as the library keeps it ("" if gone; None if unreadable)."""
        try:
            return self.library.text(entry.id) or ""
        except LibraryError as err:
            self.failed.emit(str(err))
            return None

    def _selected(self) -> Entry | None:
        item = self.list.currentItem()
        entry = item.data(256) if item is not None else None
        return entry if isinstance(entry, Entry) else None

    def _open_selected(self) -> None:
        entry = self._selected()
        if entry is not None:
            self.openRequested.emit(entry)

    def delete_selected(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        try:
            self.library.delete(entry.id)
        except LibraryError as err:
            self.failed.emit(str(err))
            return
        self.refresh()

    def keyPressEvent(self, event: object) -> None:

        if (
            isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
            and self.list.hasFocus()
        ):
            self.delete_selected()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]

    def show_note_for(self, digest: str) -> None:
        self.save_note()
        self._note_hash = digest
        try:
            note = self._unsaved.get(digest) or self.library.note(digest)
        except LibraryError as err:
            self.failed.emit(str(err))
            note = ""
        self.note.blockSignals(True)
        self.note.setPlainText(note)
        self.note.blockSignals(False)

    def save_note(self) -> None:
        """Keep the note; when the library cannot, keep it in memory and say so once."""
        if self._note_hash is None:
            return
        text = self.note.toPlainText()
        try:
            self._save(self._note_hash, text)
        except LibraryError as err:
            self._unsaved[self._note_hash] = text
            self._note_error = str(err)
            if not self._note_failing:
                self._note_failing = True
                self.failed.emit(f"{err} Your note stays here while the window is open.")
            return
        self._note_failing = False

    def _save(self, digest: str, text: str) -> None:
        for waiting, note in list(self._unsaved.items()):  # earlier notes first
            if waiting != digest:
                self.library.set_note(waiting, note)
                del self._unsaved[waiting]
        self.library.set_note(digest, text)
        self._unsaved.pop(digest, None)

    def save_note_on_close(self) -> None:
        """Closing: no dialog can be shown any more, so a failure goes to stderr."""
        self._note_failing = True  # nothing is emitted
        self.save_note()
        if self._unsaved:
            print(f"readwise-desktop: {self._note_error}", file=sys.stderr)
