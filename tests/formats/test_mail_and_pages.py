"""E-mail as Gmail and mbox save it, MHTML without a charset, HTML metadata checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from readwise_desktop.formats.bylines import plausible_byline, plausible_title
from readwise_desktop.formats.reader import read_article, read_articles
from readwise_desktop.formats.sniff import detect_format
from tests.formats import makers
from tests.formats.checks import assert_clean
from tests.formats.makers import HTML_PAGE, STORY

MAIL_CODES = ("Delivered-To", "Received:", "X-Gm", "Content-Type", "base64", "@example")


@pytest.mark.parametrize("name", ["gmail.eml", "gmail.txt", "gmail"])
def test_gmail_download_is_read_as_mail_whatever_its_name(tmp_path: Path, name: str) -> None:
    article = read_article(makers.write(tmp_path, name, makers.gmail_eml_bytes()))
    assert article.format == "e-mail" and article.title == "Strike spreads to second terminal"
    assert article.text.splitlines()[1:] == STORY
    assert_clean(article, *MAIL_CODES)


def test_eml_suffix_decides_for_headers_the_sniffer_does_not_know(tmp_path: Path) -> None:
    data = b"X-Custom: 1\nThread-Topic: Strike\nSubject: Strike\n\n" + STORY[0].encode()
    article = read_article(makers.write(tmp_path, "odd.eml", data))
    assert article.title == "Strike" and article.text.splitlines()[1] == STORY[0]


def test_mbox_is_several_articles(tmp_path: Path) -> None:
    path = makers.write(tmp_path, "inbox.mbox", makers.mbox_bytes())
    articles = read_articles(path)
    assert [a.title for a in articles] == ["Strike spreads to second terminal", "Ferries cut"]
    assert articles[1].text.splitlines()[2].startswith("From now on")
    assert [Path(a.file or "").name for a in articles] == ["inbox-1.mbox", "inbox-2.mbox"]
    assert read_article(path).title == articles[0].title
    for article in articles:
        assert_clean(article, *MAIL_CODES, "From desk")


def test_eml_starting_with_an_mbox_from_line(tmp_path: Path) -> None:
    data = b"From desk@example.invalid Tue Nov 24 10:00:00 2026\n" + makers.eml_bytes(STORY[0])
    assert detect_format(data, ".eml") == "eml"
    assert read_article(makers.write(tmp_path, "one.eml", data)).text.endswith(STORY[0] + "\n")


def test_chrome_mhtml_without_charset_keeps_every_letter(tmp_path: Path) -> None:
    article = read_article(makers.write(tmp_path, "cafe.mhtml", makers.chrome_mhtml_bytes()))
    assert article.title == "Café owners join the strike"
    assert "“We stand with the workers,” said Zoë Brandt, the guild’s president." in article.text
    assert_clean(article)


def test_mhtml_without_any_charset_is_detected(tmp_path: Path) -> None:
    html = makers.CHROME_PAGE.replace('<meta charset="utf-8">', "")
    article = read_article(makers.write(tmp_path, "cafe.mht", makers.chrome_mhtml_bytes(html)))
    assert "Zoë Brandt" in article.text and "\ufffd" not in article.text


@pytest.mark.parametrize(
    ("author", "kept"),
    [("Username", None), ("No Author", None), ("Article by", None), ("CBS News February", None),
     ("admin", None), ("Mara Lindqvist", "Mara Lindqvist"), ("Theresa May", "Theresa May")],
)  # fmt: skip
def test_junk_bylines_from_pages_are_dropped(author: str, kept: str | None) -> None:
    assert plausible_byline(author) == kept


def test_a_site_or_cms_name_is_not_a_title(tmp_path: Path) -> None:
    page = HTML_PAGE.replace("Strike spreads | Northwind", "escenic").replace(
        "Mara Lindqvist", "Username"
    )
    article = read_article(makers.write(tmp_path, "page.html", page))
    assert article.title == "Dock strike spreads" and article.byline is None
    assert plausible_title("escenic") is None and plausible_title("Word Document") is None


def test_tables_in_pages_are_kept_as_text(tmp_path: Path) -> None:
    table = "<table><tr><td>Millpond terminal</td><td>2,500 workers out</td></tr></table>"
    page = HTML_PAGE.replace(f"<p>{STORY[2]}</p></article>", f"<p>{STORY[2]}</p>{table}</article>")
    article = read_article(makers.write(tmp_path, "page.html", page))
    assert "Millpond terminal" in article.text and "2,500 workers out" in article.text


def test_zipped_google_docs_page(tmp_path: Path) -> None:
    article = read_article(makers.write(tmp_path, "Strike.zip", makers.zipped_html_bytes()))
    assert article.format == "zipped web page" and article.title == "Dock strike spreads"
    assert all(s in article.text for s in STORY)
