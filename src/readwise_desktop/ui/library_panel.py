"""The Library panel: every article opened, searchable (FTS5), with its sourcing mix at a glance,
re-opened with a double click or Enter, deleted with the Delete key; and the article's note."""

from __future__ import annotations

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

from readwise_desktop.app.library import Entry, Library


class LibraryPanel(QWidget):
    openRequested = Signal(object)  # Entry

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
        self.list.clear()
        for entry in self.library.entries(self.search.text()):
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(entry.opened_at))
            title = entry.title or entry.file or "untitled"
            item = QListWidgetItem(f"{title}\n{when} · {entry.mix}")
            item.setData(256, entry)
            item.setToolTip(entry.file or "pasted text")
            self.list.addItem(item)
        self.empty.setVisible(self.list.count() == 0 and not self.search.text())

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
        if entry is not None:
            self.library.delete(entry.id)
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
        self.note.blockSignals(True)
        self.note.setPlainText(self.library.note(digest))
        self.note.blockSignals(False)

    def save_note(self) -> None:
        if self._note_hash is not None:
            self.library.set_note(self._note_hash, self.note.toPlainText())
