"""AP (ANPA-1312) and dpa (IPTC 7901) copy: headline, byline, dateline, paragraphs, no codes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from readwise_desktop.engine.pipeline import LoadedPipeline
from readwise_desktop.formats.reader import read_article
from readwise_desktop.formats.sniff import detect_format
from tests.formats import makers
from tests.formats.checks import roles

CODES = ("^", "<", " =", " _ ", "BC-", "Eds:", "AP Photo", "AP-NY", "1ST LEAD", "(Adds", "dpa jw")


def assert_clean(text: str) -> None:
    assert not [code for code in CODES if code in text], text
    assert "\ufffd" not in text and not any(ch < " " and ch != "\n" for ch in text)


def test_ap_copy_loses_slug_codes_notes_and_photo_lines(tmp_path: Path) -> None:
    article = read_article(makers.write(tmp_path, "wire.txt", makers.ap_wire_bytes()))
    assert article.title == "Dock strike spreads to second terminal in Port Alder"
    assert article.byline == "MARA LINDQVIST, Associated Press Writer"
    assert article.dateline == "PORT ALDER, Maine (AP)" and article.agency == "AP"
    lines = article.text.splitlines()
    assert lines[2] == (
        "PORT ALDER, Maine (AP) - A strike by dock workers spread to a second terminal on "
        "Monday, officials said."
    )
    assert lines[3:] == [
        "Nearly 4,000 workers walked out, according to the harbour authority.",
        "The union is believed to have a strike fund large enough to last three months.",
        "“We are ready to stay out,” said Jo Brandt, the union's leader.",
    ]
    assert_clean(article.text)


def test_dpa_copy_joins_hard_wrapped_lines_into_paragraphs(tmp_path: Path) -> None:
    article = read_article(makers.write(tmp_path, "dpa.txt", makers.dpa_wire_bytes()))
    assert article.title == "Dock strike spreads to second terminal in Hamburg"
    assert article.byline == "Jonas Weber, dpa" and article.dateline == "Hamburg (dpa)"
    assert article.text.splitlines()[2:] == [
        "Hamburg (dpa) - A strike by dock workers spread to a second terminal on Monday, "
        "officials at the port authority headed by Chancellor-appointed director Karin Vogt said.",
        "Nearly 4,000 workers walked out, according to the harbour authority.",
        "The union is believed to have a strike fund large enough to last three months.",
    ]
    assert_clean(article.text)


def test_wire_copy_without_control_characters_is_still_wire_copy(tmp_path: Path) -> None:
    """Copy whose framing was stripped (a .txt from another program) is known by its codes."""
    bare = "\n".join(makers.AP_WIRE).encode()
    assert detect_format(bare, ".txt") == "anpa"
    article = read_article(makers.write(tmp_path, "wire.txt", bare))
    assert article.title == "Dock strike spreads to second terminal in Port Alder"
    dpa = "\n".join(makers.DPA_WIRE).encode()
    assert read_article(makers.write(tmp_path, "dpa.txt", dpa)).byline == "Jonas Weber, dpa"


@pytest.mark.parametrize(
    "line",
    [
        "Ed Miliband said the strike was regrettable.",
        "Lead poisoning was found in the water at the terminal.",
        "Embargo talks were held on Monday.",
    ],
)
def test_ordinary_sentences_are_not_taken_for_codes(tmp_path: Path, line: str) -> None:
    lines = [*makers.AP_WIRE[:6], f"\t{line}<"]
    article = read_article(makers.write(tmp_path, "w.anpa", makers.ap_wire_bytes(lines)))
    assert line in article.text


@pytest.mark.parametrize("maker", [makers.ap_wire_bytes, makers.dpa_wire_bytes])
def test_the_engine_keeps_the_wire_furniture(
    tmp_path: Path, pipeline: LoadedPipeline, maker: Callable[[], bytes]
) -> None:
    article = read_article(makers.write(tmp_path, "wire.anpa", maker()))
    found = roles(pipeline, article)
    assert found["headline"] == article.title
    assert found["byline"] == f"By {article.byline}"
    assert article.dateline and found["dateline"].startswith(article.dateline)
