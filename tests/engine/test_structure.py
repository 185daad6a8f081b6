"""Text structure: computed once, and what an importer knows of the layout is kept."""

from __future__ import annotations

from readwise_desktop.engine.analyze import analyze_text
from readwise_desktop.engine.pipeline import LoadedPipeline
from readwise_desktop.engine.results import SentenceRole
from readwise_desktop.engine.text.structure import KnownLayout, TextStructure

WIRE = "Officials meet at 7:05 p.m.\nSomerton - The council voted on Tuesday to close the bridge.\n"


def test_plain_text_layout_is_the_heuristics_own() -> None:
    text = "Council votes to close the bridge\nBy Jane Roe\nPORT ALDER (Wire) - The council met.\n"
    layout = TextStructure.of(text).layout
    assert layout.title is not None and layout.title.text == "Council votes to close the bridge"
    assert layout.byline is not None and layout.byline.text == "By Jane Roe"
    assert layout.dateline is not None and layout.agency == "Wire"


def test_a_known_headline_and_dateline_are_kept_where_heuristics_refuse_them() -> None:
    assert TextStructure.of(WIRE).layout.title is None  # ends in "." : no headline by itself
    known = KnownLayout(title="Officials meet at 7:05 p.m.", dateline="Somerton", agency="dpa")
    layout = TextStructure.of(WIRE, known).layout
    assert layout.title is not None and layout.title.text == "Officials meet at 7:05 p.m."
    assert layout.dateline is not None and layout.dateline.text == "Somerton -"
    assert layout.agency == "dpa"


def test_a_known_part_the_text_lacks_is_ignored() -> None:
    known = KnownLayout(title="Another headline", byline="Nobody Here")
    assert TextStructure.of(WIRE, known).layout == TextStructure.of(WIRE).layout


def test_the_known_headline_is_no_claim(rules_only: LoadedPipeline) -> None:
    known = KnownLayout(title="Officials meet at 7:05 p.m.", dateline="Somerton", agency="dpa")
    plain = analyze_text(rules_only, WIRE)
    told = analyze_text(rules_only, WIRE, known=known)
    assert plain.sentences[0].role is SentenceRole.BODY  # guessed: a claim
    assert told.sentences[0].role is SentenceRole.HEADLINE
    assert told.title == "Officials meet at 7:05 p.m."
    body = [s for s in told.sentences if s.role is SentenceRole.BODY]
    assert told.text[body[0].start : body[0].end].startswith("The council voted")


def test_quotes_of_a_chunk_are_in_the_chunks_offsets() -> None:
    text = 'First paragraph.\n"We will reopen the bridge soon," she said.\n'
    structure = TextStructure.of(text)
    start = text.index('"')
    (quote,) = structure.quotes_in(17, len(text))
    assert (quote.start, quote.end) == (start - 17, text.rindex('"') + 1 - 17)
