"""Plain text, ANPA-1312 / IPTC 7901 wire dumps, and Markdown."""

from __future__ import annotations

import regex

from readwise_desktop.formats.article import Article, compose
from readwise_desktop.formats.decoding import decode_bytes

# ANPA-1312 / IPTC 7901 framing: SOH, STX, ETX, EOT, SYN and the other C0 controls but tab and
# newline; the body sits between STX and ETX.
CONTROLS = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CONTROL_BYTES = regex.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
ANPA_TRAILER = regex.compile(r"^\s*[A-Z]{2,4}-[A-Z]{2,3}-\d\d-\d\d-\d\d\s+\d{3,4}\s*[A-Z]{0,3}\s*$")
HEADING = regex.compile(r"^#\s+(.+?)\s*#*\s*$", regex.MULTILINE)


def text_article(data: bytes, file: str | None = None) -> Article:
    decoded = decode_bytes(data)
    return Article(text=decoded.text, format=f"plain text ({decoded.encoding})", file=file)


def anpa_article(data: bytes, file: str | None = None) -> Article:
    """The story between STX and ETX, with the control characters and the trailer removed."""
    start = data.find(b"\x02")
    end = data.rfind(b"\x03")
    body = data[start + 1 : end] if 0 <= start < end else data
    text = CONTROLS.sub("", decode_bytes(CONTROL_BYTES.sub(b"", body)).text)
    lines = [line.strip() for line in text.replace("\r", "\n").split("\n")]
    kept = [line for line in lines if line and not ANPA_TRAILER.match(line)]
    return compose(kept, "ANPA-1312 / IPTC 7901 wire text", file=file)


def markdown_article(data: bytes, file: str | None = None) -> Article:
    # Imported here: plain text and wire dumps need neither markdown-it nor the HTML libraries.
    from markdown_it import MarkdownIt

    from readwise_desktop.formats.markup import html_paragraphs

    source = decode_bytes(data).text
    heading = HEADING.search(source)
    html = MarkdownIt("commonmark", {"html": False}).render(source)
    title = heading.group(1).strip() if heading else None
    return compose(html_paragraphs(html), "Markdown", title=title, file=file)
