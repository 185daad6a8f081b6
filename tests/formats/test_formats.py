"""Every format becomes one Article: body paragraphs, headline, byline, dateline, metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from readwise_desktop.engine.analyze import analyze_text
from readwise_desktop.engine.pipeline import LoadedPipeline
from readwise_desktop.formats.pdf import page_paragraphs
from readwise_desktop.formats.reader import read_article
from tests.formats import makers
from tests.formats.makers import HTML_PAGE, STORY
from tests.locations import FIXTURES as FIXTURE_ROOT

FIXTURES = FIXTURE_ROOT / "formats"


def test_plain_text_is_kept_as_it_is(tmp_path: Path) -> None:
    text = "Strike spreads\n\n" + "\n\n".join(STORY) + "\n"
    article = read_article(makers.write(tmp_path, "a.txt", text))
    assert article.text == text and article.format == "plain text (utf-8)"


def test_anpa_wire_dump_loses_its_control_characters(tmp_path: Path) -> None:
    dump = makers.anpa_bytes("Strike spreads in Port Alder", STORY)
    article = read_article(makers.write(tmp_path, "wire.txt", dump))
    assert article.format.startswith("ANPA-1312")
    assert not any(ch < " " and ch != "\n" for ch in article.text)
    assert STORY[1] in article.text and "AP-NY" not in article.text


def test_markdown(tmp_path: Path) -> None:
    article = read_article(FIXTURES / "harbour.md")
    assert article.title == "Harbour strike: what we know"
    assert "Nearly 4,000 workers walked out, according to the harbour authority." in article.text
    assert "**" not in article.text and "https://" not in article.text


def test_html_page_body_and_metadata_nothing_else(tmp_path: Path) -> None:
    article = read_article(makers.write(tmp_path, "page.html", HTML_PAGE))
    assert article.title == "Dock strike spreads" and article.date == "2026-11-24"
    assert article.byline == "Mara Lindqvist"
    assert all(s in article.text for s in STORY)
    for junk in ("Home | News", "Copyright", "Pickets at the gate"):
        assert junk not in article.text
    assert article.captions == ("Pickets at the gate.",)


def test_html_saved_as_txt_is_read_as_html(tmp_path: Path) -> None:
    article = read_article(makers.write(tmp_path, "page.txt", HTML_PAGE))
    assert article.format == "HTML page" and "<p>" not in article.text


def test_mhtml_and_webarchive(tmp_path: Path) -> None:
    for name, data, fmt in [
        ("page.mhtml", makers.mhtml_bytes(HTML_PAGE), "MHTML web archive"),
        ("page.webarchive", makers.webarchive_bytes(HTML_PAGE), "Safari web archive"),
    ]:
        article = read_article(makers.write(tmp_path, name, data))
        assert article.format == fmt and STORY[2] in article.text, name


def test_eml_with_forwarded_wire_copy(tmp_path: Path) -> None:
    body = (
        "See below.\n\n---------- Forwarded message ---------\nFrom: Wire <wire@example.invalid>\n"
        "Date: Mon, 23 Nov 2026\nSubject: Strike spreads to second terminal\nTo: desk\n\n"
        + "\n\n".join(STORY)
    )
    article = read_article(makers.write(tmp_path, "mail.eml", makers.eml_bytes(body)))
    assert article.title == "Strike spreads to second terminal"
    assert "Forwarded message" not in article.text and "From:" not in article.text
    assert all(s in article.text for s in STORY)


def test_eml_html_part(tmp_path: Path) -> None:
    data = makers.eml_bytes("", subject="Strike spreads", html=HTML_PAGE)
    article = read_article(makers.write(tmp_path, "mail.eml", data))
    assert article.title == "Strike spreads" and STORY[0] in article.text


def test_nitf(tmp_path: Path) -> None:
    article = read_article(FIXTURES / "harbour.nitf.xml")
    assert article.format == "NITF" and article.title == "Harbour talks resume after two-day strike"
    assert article.byline == "Mara Lindqvist" and article.agency == "Northwind News"
    lines = article.text.splitlines()
    assert lines[2].startswith("PORT ALDER, Nov 26 - Talks between")
    assert "Pickets outside" not in article.text and len(article.captions) == 1


def test_newsml_g2_inline_xhtml_and_inline_nitf() -> None:
    article = read_article(FIXTURES / "harbour.newsml.xml")
    assert article.format == "NewsML-G2 (inline XHTML)"
    assert article.title == "Port Alder strike ends as union accepts offer"
    assert article.byline == "Mara Lindqvist"
    assert "PORT ALDER, Nov 26 - Dock workers voted" in article.text
    nitf = read_article(FIXTURES / "harbour_inline_nitf.newsml.xml")
    assert nitf.format == "NewsML-G2 (inline NITF)" and nitf.title.startswith("Ferry services")
    assert "PORT ALDER, Nov 27 - Ferry services to the islands" in nitf.text


def test_xml_is_told_apart_by_content_not_name(tmp_path: Path) -> None:
    nitf = (FIXTURES / "harbour.nitf.xml").read_bytes()
    assert read_article(makers.write(tmp_path, "story.xml", nitf)).format == "NITF"
    newsml = (FIXTURES / "harbour.newsml.xml").read_bytes()
    assert read_article(makers.write(tmp_path, "story.xml", newsml)).format.startswith("NewsML")


def test_docx_with_title_and_caption(tmp_path: Path) -> None:
    """The file's author is whoever typed it, not the story's writer: never the byline."""
    paragraphs = [("Title", "Dock strike spreads"), *(("Normal", s) for s in STORY)]
    paragraphs.append(("Caption", "Figure 1: pickets at the gate."))
    data = makers.docx_bytes(paragraphs, author="Mara Lindqvist")
    article = read_article(makers.write(tmp_path, "story.docx", data))
    assert article.title == "Dock strike spreads" and article.byline is None
    assert all(s in article.text for s in STORY) and "Figure 1" not in article.text


def test_pdf_lines_join_into_paragraphs(tmp_path: Path) -> None:
    lines = ["The officials said the strike would con-", "tinue through the week and", "beyond."]
    article = read_article(makers.write(tmp_path, "story.pdf", makers.pdf_bytes(lines)))
    assert "officials said the strike would continue through the week and beyond." in article.text


def test_pdf_page_text_undoes_ligatures_and_hyphens() -> None:
    page = (
        "The of\ufb01cials said the strike would con-\r\ntinue for a long time and\r\nbeyond.\r\n"
    )
    assert page_paragraphs(page) == [
        "The officials said the strike would continue for a long time and beyond."
    ]


def test_epub_follows_the_spine(tmp_path: Path) -> None:
    data = makers.epub_bytes(["Second in the files.", "First in the spine."])
    article = read_article(makers.write(tmp_path, "book.epub", data))
    assert article.title == "Harbour stories"
    assert article.text.index("First in the spine.") < article.text.index("Second in the files.")


def test_every_format_analyses_the_same_way(tmp_path: Path, pipeline: LoadedPipeline) -> None:
    """The claims of the story come out with the same labels whatever the container."""
    files = [
        makers.write(tmp_path, "a.html", HTML_PAGE),
        makers.write(tmp_path, "a.docx", makers.docx_bytes([("Normal", s) for s in STORY])),
        makers.write(tmp_path, "a.eml", makers.eml_bytes("\n\n".join(STORY), subject="Strike")),
    ]
    for path in files:
        analysis = analyze_text(pipeline, read_article(path).text)
        labels = [s.sourcing for s in analysis.sentences if s.is_claim]
        assert labels[-3:] == ["UNNAMED_OFFICIAL", "UNNAMED_OFFICIAL", "VAGUE"], path.name


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.iterdir()))
def test_fixtures_are_our_own_short_stories(name: str) -> None:
    assert (FIXTURES / name).stat().st_size < 4000


def test_reading_a_page_again_gives_the_same_text(tmp_path: Path) -> None:
    """trafilatura can drop paragraphs it has seen before; we never let it."""
    path = makers.write(tmp_path, "page.html", HTML_PAGE)
    texts = {read_article(path).text for _ in range(6)}
    assert len(texts) == 1
