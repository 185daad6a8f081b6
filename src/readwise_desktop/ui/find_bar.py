"""Find in the article (Ctrl+F): a bar above the text with the words, "3 of 19" and
Previous / Next. Enter goes to the next match, Shift+Enter to the previous, Escape closes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from readwise_desktop.ui.article_view import ArticleView


class FindBar(QWidget):
    def __init__(self, view: ArticleView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self.setAccessibleName("Find in the article")
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("Find in the article")
        self.edit.setAccessibleName("Words to find")
        self.edit.setClearButtonEnabled(True)
        self.counter = QLabel("")
        self.counter.setAccessibleName("Match position")
        self.counter.setMinimumWidth(90)
        previous = QPushButton("Previous")
        previous.setAccessibleName("Previous match")
        following = QPushButton("Next")
        following.setAccessibleName("Next match")
        close = QPushButton("Close")
        close.setAccessibleName("Close the find bar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(QLabel("Find:"))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.counter)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(close)
        self.edit.textChanged.connect(self.search)
        self.edit.returnPressed.connect(lambda: self.step(+1))
        previous.clicked.connect(lambda: self.step(-1))
        following.clicked.connect(lambda: self.step(+1))
        close.clicked.connect(self.close_bar)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_bar)
        self.edit.installEventFilter(self)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()
        if self.edit.text():
            self.search(self.edit.text())

    def close_bar(self) -> None:
        self.hide()
        self.view.show_found(None)
        self.view.setFocus()

    def search(self, query: str) -> None:
        """Find every match; go to the first one after the top of what is shown."""
        self.matches = self.view.find_all(query)
        self.current = -1
        if self.matches:
            top = self.view.text_index(
                self.view.cursorForPosition(self.view.rect().topLeft()).position()
            )
            self.current = next((i for i, (start, _) in enumerate(self.matches) if start >= top), 0)
        self._show()

    def step(self, direction: int) -> None:
        if not self.matches:
            self.search(self.edit.text())
            return
        self.current = (self.current + direction) % len(self.matches)
        self._show()

    def _show(self) -> None:
        if not self.matches:
            self.counter.setText("no match" if self.edit.text().strip() else "")
            self.view.show_found(None)
            return
        self.counter.setText(f"{self.current + 1} of {len(self.matches)}")
        self.view.show_found(self.matches[self.current])

    def eventFilter(self, watched: object, event: object) -> bool:
        if (
            watched is self.edit
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.step(-1)
            return True
        return False
