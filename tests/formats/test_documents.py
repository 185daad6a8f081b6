"""Word, PDF, OpenDocument, RTF, Outlook and Markdown: headline, byline, every part of the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from readwise_desktop.engine.pipeline import LoadedPipeline
from readwise_desktop.formats.decoding import InputError
from readwise_desktop.formats.pdf import normalised
from readwise_desktop.formats.reader import read_article
from tests.formats import makers, office_makers
from tests.formats.checks import assert_clean, roles
from tests.formats.makers import STORY
from tests.locations import FIXTURES

HEADLINE = "Dock strike spreads to second terminal"


@pytest.mark.parametrize("strict", [False, True], ids=["transitional", "strict"])
def test_docx_table_footnote_text_box_and_no_core_properties(tmp_path: Path, strict: bool) -> None:
    data = office_makers.docx_parts_bytes(strict=strict)
    article = read_article(makers.write(tmp_path, "story.docx", data))
    assert article.title == HEADLINE and article.byline == "Mara Lindqvist"
    lines = article.text.splitlines()
    assert lines[2:4] == STORY[:2] and lines[-2] == STORY[2]
    assert "Terminal | Workers out" in lines and "Millpond | 2,500" in lines
    assert lines.count("Timeline: the strike began on Friday at the Millpond gate.") == 1
    assert lines[-1] == "Figures from the harbour authority."
    assert_clean(article, "DELETED")


def test_docx_placeholder_title_and_typist_are_never_shown(tmp_path: Path) -> None:
    """python-docx fills missing core properties with "Word Document" and "python-docx"."""
    data = makers.docx_bytes([("Normal", s) for s in STORY], title="Word Document", author="jsmith")
    article = read_article(makers.write(tmp_path, "story.docx", data))
    assert article.title is None and article.byline is None
    assert_clean(article)


def test_pdf_headline_from_type_size_and_no_page_furniture(tmp_path: Path) -> None:
    article = read_article(makers.write(tmp_path, "story.pdf", makers.newspaper_pdf_bytes()))
    assert article.title == "Dock strike spreads to second terminal in Port Alder"
    assert article.byline == "Mara Lindqvist"
    assert article.text.splitlines()[2:] == [
        "A strike by dock workers spread to a second terminal on Monday, officials said, as the "
        "union's young protégé took charge.",
        "Nearly 4,000 workers walked out, according to the harbour authority, which said talks "
        "would resume on Wednesday.",
        "The union is believed to have a strike fund large enough to last three months, its "
        "treasurer said.",
    ]
    assert_clean(article, "NORTHWIND NEWS", "i_heart_word")


def test_pdf_text_is_composed_not_compatibility_decomposed() -> None:
    assert normalised("prote\u00b4ge\u00b4 of\ufb01cials") == "protégé officials"
    assert normalised("prot\u00b4eg\u00b4e") == "protégé"
    assert normalised("prote\u0301ge\u0301") == "protégé"


def test_pdf_engine_layout(tmp_path: Path, pipeline: LoadedPipeline) -> None:
    article = read_article(makers.write(tmp_path, "story.pdf", makers.newspaper_pdf_bytes()))
    found = roles(pipeline, article)
    assert found["headline"] == article.title and found["byline"] == "By Mara Lindqvist"


def test_odt(tmp_path: Path) -> None:
    article = read_article(makers.write(tmp_path, "story.odt", office_makers.odt_bytes()))
    assert article.title == HEADLINE and article.byline == "Mara Lindqvist"
    assert article.date == "2026-11-24"
    assert article.text.splitlines()[2:] == [
        STORY[0], STORY[1], "Millpond | 2,500", STORY[2], "Figures from the harbour authority."
    ]  # fmt: skip
    assert_clean(article)


def test_rtf(tmp_path: Path) -> None:
    article = read_article(makers.write(tmp_path, "story.rtf", makers.RTF))
    assert article.title == HEADLINE and article.byline == "Mara Lindqvist"
    assert "the union’s young protégé took charge." in article.text
    assert article.text.splitlines()[3:] == [STORY[1], "Millpond | 2,500", STORY[2]]
    assert_clean(article, "\\", "{", "Helvetica", "page header")


def test_outlook_msg_with_forwarded_copy(tmp_path: Path) -> None:
    body = (
        "See below.\r\n\r\n-----Original Message-----\r\nFrom: Wire Desk\r\nSent: Monday\r\n"
        "Subject: Strike spreads to second terminal\r\n\r\n" + "\r\n\r\n".join(STORY)
    )
    data = office_makers.msg_bytes("FW: Strike", body, "Date: Tue, 24 Nov 2026 10:00:00 +0000\r\n")
    article = read_article(makers.write(tmp_path, "story.msg", data))
    assert (
        article.format == "Outlook message" and article.title == "Strike spreads to second terminal"
    )
    assert article.date == "Tue, 24 Nov 2026 10:00:00 +0000"
    assert article.text.splitlines()[2:] == STORY
    assert_clean(article, "Original Message", "From:")


def test_a_damaged_msg_is_called_an_outlook_message(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="Outlook message"):
        read_article(makers.write(tmp_path, "cut.msg", b"not an OLE file at all"))


def test_markdown_front_matter_gives_title_author_and_date() -> None:
    article = read_article(FIXTURES / "formats" / "frontmatter.md")
    assert article.title == HEADLINE and article.byline == "Mara Lindqvist"
    assert article.date == "2026-11-24"
    assert article.text.splitlines()[2:] == [STORY[0], STORY[1]]
    assert_clean(article, "---", "tags:")


def test_hugo_toml_front_matter(tmp_path: Path) -> None:
    source = f'+++\ntitle = "{HEADLINE}"\nauthors = ["Mara Lindqvist"]\n+++\n\n{STORY[0]}\n'
    article = read_article(makers.write(tmp_path, "post.md", source))
    assert article.title == HEADLINE and article.byline == "Mara Lindqvist"
    assert article.text.splitlines()[2:] == [STORY[0]]
