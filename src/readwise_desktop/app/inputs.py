"""What the window needs of the format readers, through the application layer: the Open
dialog's filter, the paragraphs of pasted HTML, the article value and the input error."""

from __future__ import annotations

from readwise_desktop.formats.article import Article as Article
from readwise_desktop.formats.decoding import InputError as InputError


def open_dialog_filter() -> str:
    """The Open dialog's filter for every format the readers know."""
    from readwise_desktop.formats.reader import file_filter

    return file_filter()


def html_paragraphs(html: str) -> list[str]:
    """The paragraphs of pasted HTML, read as the HTML importer reads a page (nothing fetched)."""
    from readwise_desktop.formats.markup import html_paragraphs as paragraphs

    return paragraphs(html)
