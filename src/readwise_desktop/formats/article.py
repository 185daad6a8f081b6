"""The Article value: what every importer produces, whatever the file format.

The analysis reads :attr:`Article.text`. For structured formats it is composed from the parts:
the headline, the byline and the dateline on lines of their own, then the body paragraphs, so the
layout rules set them apart exactly as they do for plain wire copy. Plain text is kept as it is.
Image captions are kept as metadata only: they are not claims of the article.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any


@dataclass(frozen=True, slots=True)
class Article:
    text: str
    format: str
    title: str | None = None
    byline: str | None = None
    dateline: str | None = None
    agency: str | None = None
    date: str | None = None
    file: str | None = None
    captions: tuple[str, ...] = ()

    @property
    def metadata(self) -> dict[str, Any]:
        """What the window shows above the text (empty values left out)."""
        items = {
            "format": self.format,
            "agency": self.agency,
            "date": self.date,
            "file": self.file,
            "image captions left out": len(self.captions) or None,
        }
        return {k: v for k, v in items.items() if v}


def compose(
    paragraphs: Iterable[str],
    fmt: str,
    *,
    title: str | None = None,
    byline: str | None = None,
    dateline: str | None = None,
    agency: str | None = None,
    date: str | None = None,
    file: str | None = None,
    captions: Iterable[str] = (),
) -> Article:
    """An article from its parts; the text has one paragraph per line, as wire copy does."""
    title, byline, dateline = (one_line(x) if x else None for x in (title, byline, dateline))
    if byline and byline.lower().startswith("by "):
        byline = byline[3:].strip() or None
    head = [title] if title else []
    if byline:
        head.append(f"By {byline}")
    body = [one_line(p) for p in paragraphs if p.strip()]
    if body and title and body[0] == title:
        body = body[1:]
    if dateline and body and not body[0].startswith(dateline):
        body[0] = f"{dateline} - {body[0]}"
    return Article(
        text="\n".join(head + body) + "\n",
        format=fmt,
        title=title,
        byline=byline,
        dateline=dateline,
        agency=agency,
        date=date,
        file=file,
        captions=tuple(one_line(c) for c in captions if c.strip()),
    )


def numbered(file: str | None, number: int) -> str | None:
    """The name of the ``number``-th article of a file that holds several ("inbox-3.mbox")."""
    if file is None:
        return None
    path = PurePath(file)
    return str(path.with_name(f"{path.stem}-{number}{path.suffix}"))


def one_line(text: str) -> str:
    return " ".join(text.split())
