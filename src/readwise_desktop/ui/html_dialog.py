"""A page of HTML with a Close button: help, comparisons, practice results, reports."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


class HtmlDialog(QDialog):
    def __init__(
        self,
        parent: QWidget,
        name: str,
        title: str,
        html: str,
        size: tuple[int, int] = (620, 560),
        accessible_name: str = "",
        search_paths: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.resize(*size)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(accessible_name or title)
        if search_paths:
            self.browser.setSearchPaths(list(search_paths))
        self.browser.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
