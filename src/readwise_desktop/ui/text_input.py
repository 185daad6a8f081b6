"""Text from the clipboard or a drop: plain text, or HTML reduced to its text.

HTML is read with the standard library's parser: nothing is fetched (no images, scripts or
styles), and script and style contents are dropped.
"""

from __future__ import annotations

from html.parser import HTMLParser

from PySide6.QtCore import QMimeData

BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "blockquote",
    "article",
    "section",
    "header",
    "footer",
    "pre",
}
SKIP = {"script", "style", "noscript", "template", "head", "svg", "figure", "figcaption"}


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP:
            self.skipping += 1
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP and self.skipping:
            self.skipping -= 1
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def text_from_mime(mime: QMimeData) -> str:
    if mime.hasText() and mime.text().strip():
        return mime.text()
    if mime.hasHtml():
        return html_to_text(mime.html())
    return ""
