"""Feeds give one article per item; a link is refused with what to do instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from readwise_desktop.formats.decoding import InputError
from readwise_desktop.formats.reader import read_articles
from tests.formats import makers
from tests.formats.checks import assert_clean
from tests.formats.makers import STORY


@pytest.mark.parametrize(
    ("name", "data", "fmt"),
    [
        ("news.rss", makers.RSS, "news feed"),
        ("news.xml", makers.RSS, "news feed"),
        ("news.atom", makers.ATOM, "news feed"),
        ("feed.json", makers.JSON_FEED, "JSON Feed"),
    ],
)
def test_one_article_per_item_with_text(tmp_path: Path, name: str, data: str, fmt: str) -> None:
    first, second = read_articles(makers.write(tmp_path, name, data))
    assert first.format == fmt and first.agency == "Northwind News"
    assert first.title == "Dock strike spreads to second terminal"
    assert first.byline == "Mara Lindqvist"
    assert first.text.splitlines()[2:] == STORY and second.title == "Ferries cut"
    assert second.text.splitlines()[1].startswith("Ferry services")
    for article in (first, second):
        assert_clean(article, "<p>", "&lt;", "teaser")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("strike.url", makers.URL_SHORTCUT.encode()),
        ("strike.webloc", makers.webloc_bytes()),
        ("strike-binary.webloc", makers.webloc_bytes(binary=True)),
        ("pasted.txt", b"https://example.invalid/strike\n"),
    ],
)
def test_links_are_refused_saying_the_app_is_offline(
    tmp_path: Path, name: str, data: bytes
) -> None:
    path = makers.write(tmp_path, name, data)
    with pytest.raises(InputError) as err:
        read_articles(path)
    assert str(err.value) == (
        f"{path}: this is a link to a web page (https://example.invalid/strike), not the page, "
        "and the app is offline: open the page in a browser, save it as HTML and open that"
    )


def test_a_feed_without_text_is_refused(tmp_path: Path) -> None:
    empty = "<?xml version='1.0'?><rss><channel><title>N</title><item><title>x</title></item>"
    with pytest.raises(InputError, match="the feed has no item with text"):
        read_articles(makers.write(tmp_path, "empty.rss", empty + "</channel></rss>"))
