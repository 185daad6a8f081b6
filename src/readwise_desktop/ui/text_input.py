"""Text from the clipboard or a drop: plain text, or HTML reduced to its text.

HTML goes through the importers' own reader (``app.inputs.html_paragraphs``): nothing
is fetched (no images, scripts or styles), scripts, styles and figures are dropped, and each
block element becomes a line.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData

from readwise_desktop.app.inputs import html_paragraphs


def html_to_text(html: str) -> str:
    return "\n".join(html_paragraphs(html))


def text_from_mime(mime: QMimeData) -> str:
    if mime.hasText() and mime.text().strip():
        return mime.text()
    if mime.hasHtml():
        return html_to_text(mime.html())
    return ""
