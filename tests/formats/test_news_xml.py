"""NITF, NewsML-G2 and NewsML 1.2 details: lists, notes, bylines, datelines, slugs, inline text."""

from __future__ import annotations

from readwise_desktop.formats.reader import read_article
from tests.formats.checks import assert_clean
from tests.locations import FIXTURES

XML = FIXTURES / "formats"


def test_nitf_lists_note_byline_parts_timestamp_dateline_and_slug() -> None:
    article = read_article(XML / "ap_details.nitf.xml")
    assert article.title is None  # the only title is the slug "BC-BBN--Dock Strike"
    assert article.byline == "MARA LINDQVIST, AP Business Writer"
    assert article.dateline == "PORT ALDER"
    assert article.text.splitlines()[1:] == [
        "PORT ALDER - A strike by dock workers spread to a second terminal on Monday, "
        "officials said.",
        "The union listed three demands:",
        "a 5 percent raise,",
        "shorter night shifts, and",
        "a new safety officer.",
        "The union is believed to have a strike fund large enough to last three months.",
    ]
    assert_clean(article, "Eds:", "Germany/Ports", "BC-BBN", "20261124T")


def test_newsml_g2_inline_text_with_escaped_paragraphs_and_wraps() -> None:
    article = read_article(XML / "ansa_inline_text.newsml.xml")
    assert article.title == "Dock strike spreads to the port of Genoa"
    assert article.dateline is None
    assert article.text.splitlines()[1:] == [
        "GENOA - A strike by dock workers spread to a second terminal on Monday, officials at "
        "the port authority said.",
        "Nearly 4,000 workers walked out, according to the harbour authority.",
    ]
    assert_clean(article, "<p>", "&lt;", "BC-Porto", "20261124T")


def test_newsml_1_2_is_read() -> None:
    article = read_article(XML / "harbour.newsml1.xml")
    assert article.format == "NewsML 1.2 (inline XHTML)"
    assert article.title == "Dock strike spreads to second terminal"
    assert article.byline == "Mara Lindqvist" and article.agency == "NWN"
    assert article.text.splitlines()[2].startswith(
        "PORT ALDER, Nov 24 (NWN) - A strike by dock workers"
    )
    assert_clean(article, "Port-Strike")
