"""News feeds: RSS 2.0 and 1.0, Atom, and JSON Feed, one article per item.

Each item's full content is used when the feed carries it (``content:encoded``, Atom
``content``, ``content_html``), else its description or summary. An item without text is left
out; a feed with none is refused. The feed's own title is the agency.
"""

from __future__ import annotations

import json

from lxml import etree

from readwise_desktop.formats.article import Article, compose, numbered
from readwise_desktop.formats.bylines import plausible_byline
from readwise_desktop.formats.decoding import InputError, decode_bytes
from readwise_desktop.formats.safety import check_count, parse_xml
from readwise_desktop.formats.wire import local

MAX_ITEMS = 5_000
CONTENT = ("encoded", "content", "description", "summary")
AUTHORS = ("creator", "author")
DATES = ("pubDate", "published", "date", "updated", "issued")


def feed_articles(data: bytes, file: str | None = None) -> list[Article]:
    """The items of an RSS or Atom feed."""
    root = parse_xml(data, "feed")
    items = [e for e in root.iter() if local(e) in ("item", "entry")]
    check_count(len(items), MAX_ITEMS, "feed", "items")
    channel = next((e for e in root.iter() if local(e) in ("channel", "feed")), root)
    agency = _child_text(channel, ("title",))
    found = [
        _item(
            _child_text(item, ("title",)),
            _content(item),
            _author(item),
            _child_text(item, DATES),
            agency,
            numbered(file, n),
            "news feed",
        )
        for n, item in enumerate(items, start=1)
    ]
    return _kept(found, "feed")


def feed_article(data: bytes, file: str | None = None) -> Article:
    """The feed's first item with text."""
    return feed_articles(data, file)[0]


def json_feed_articles(data: bytes, file: str | None = None) -> list[Article]:
    """The items of a JSON Feed (jsonfeed.org, versions 1 and 1.1)."""
    try:
        feed = json.loads(decode_bytes(data).text)
    except json.JSONDecodeError as err:
        raise InputError(f"the JSON Feed is not valid JSON ({err.msg})") from err
    items = feed.get("items") if isinstance(feed, dict) else None
    if not isinstance(items, list):
        raise InputError("the JSON Feed has no list of items")
    check_count(len(items), MAX_ITEMS, "JSON Feed", "items")
    found = []
    for n, item in enumerate(i for i in items if isinstance(i, dict)):
        authors = item.get("authors") or ([item["author"]] if item.get("author") else [])
        names = [a.get("name") for a in authors if isinstance(a, dict)]
        content = (
            item.get("content_html") or _escaped(item.get("content_text")) or item.get("summary")
        )
        found.append(
            _item(
                _str(item.get("title")),
                _str(content),
                " and ".join(_str(x) or "" for x in names),
                _str(item.get("date_published")),
                _str(feed.get("title")),
                numbered(file, n + 1),
                "JSON Feed",
            )
        )
    return _kept(found, "JSON Feed")


def json_feed_article(data: bytes, file: str | None = None) -> Article:
    return json_feed_articles(data, file)[0]


def _item(
    title: str | None, html: str | None, author: str | None, date: str | None,
    agency: str | None, file: str | None, label: str,
) -> Article | None:  # fmt: skip
    from readwise_desktop.formats.markup import html_paragraphs

    paragraphs = html_paragraphs(f"<div>{html}</div>") if html else []
    if not paragraphs:
        return None
    return compose(
        paragraphs, label, title=title, byline=plausible_byline(author), agency=agency,
        date=date, file=file,
    )  # fmt: skip


def _kept(found: list[Article | None], what: str) -> list[Article]:
    articles = [a for a in found if a is not None]
    if not articles:
        raise InputError(f"the {what} has no item with text")
    return articles


def _content(item: etree._Element) -> str | None:
    for name in CONTENT:
        for child in (c for c in item if local(c) == name):
            if len(child):  # Atom type="xhtml": the markup is inline
                return "".join(etree.tostring(c, encoding="unicode") for c in child)
            if child.text and child.text.strip():
                if child.get("type") == "text":
                    return _escaped(child.text)
                return str(child.text)
    return None


def _author(item: etree._Element) -> str | None:
    for child in (c for c in item if local(c) in AUTHORS):
        name = next((n for n in child if local(n) == "name"), child)
        text = " ".join("".join(name.itertext()).split())
        if text:
            return text
    return None


def _child_text(element: etree._Element, names: tuple[str, ...]) -> str | None:
    for name in names:
        for child in (c for c in element if local(c) == name):
            text = " ".join("".join(child.itertext()).split())
            if text:
                return text
    return None


def _escaped(text: object) -> str | None:
    if not isinstance(text, str) or not text.strip():
        return None
    from html import escape

    return "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
