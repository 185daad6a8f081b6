"""The reading of shared/samples/seed_article.txt that taxonomy.md, section 4, describes."""

from __future__ import annotations

import pytest

from readwise_desktop.engine.analyze import analyze_text
from readwise_desktop.engine.pipeline import LoadedPipeline
from readwise_desktop.engine.results import Analysis, Attribution


@pytest.fixture(scope="module")
def seed(pipeline: LoadedPipeline, seed_text: str) -> Analysis:
    return analyze_text(pipeline, seed_text, file="seed_article.txt")


def _claim_with(seed: Analysis, phrase: str) -> str | None:
    at = seed.text.index(phrase)
    sentence = next(s for s in seed.sentences if s.start <= at < s.end)
    return sentence.sourcing


def _attribution(seed: Analysis, cue: str) -> Attribution:
    return next(a for a in seed.attributions if a.cue.text == cue)


def test_hedges_of_the_seed(seed: Analysis) -> None:
    found = {(h.text, h.category.value) for h in seed.hedges}
    assert ("reportedly", "REPORTATIVE") in found
    assert ("nearly", "APPROXIMATOR") in found
    assert ("potential", "PROBABILITY") in found


def test_reportedly_leaves_the_sentence_vague_at_best(seed: Analysis) -> None:
    assert _claim_with(seed, "had reportedly advanced") == "VAGUE"


def test_gerasimov_confirming_is_a_named_person_endorsing(seed: Analysis) -> None:
    a = _attribution(seed, "confirming")
    assert (a.source_type.value, a.source_name, a.stance.value) == (
        "NAMED_PERSON",
        "Valery Gerasimov",
        "ENDORSING",
    )
    assert _claim_with(seed, "presented a report to Putin") == "NAMED_PERSON"


def test_according_to_official_statements(seed: Analysis) -> None:
    a = _attribution(seed, "according to")
    assert a.source is not None and a.source.text == "official statements"
    assert a.source_type.value == "UNNAMED_OFFICIAL"
    assert _claim_with(seed, "according to official statements") == "UNNAMED_OFFICIAL"


def test_kim_declaring_in_a_statement(seed: Analysis) -> None:
    a = _attribution(seed, "declaring")
    assert (a.source_type.value, a.source_name) == ("NAMED_PERSON", "Kim Jong Un")
    assert _claim_with(seed, "publicly lauded") == "NAMED_PERSON"


def test_reports_emerged_is_vague(seed: Analysis) -> None:
    assert _claim_with(seed, "Reports emerged") == "VAGUE"


def test_raised_concerns_and_russian_officials_framing(seed: Analysis) -> None:
    assert _attribution(seed, "raised concerns").source_type.value == "VAGUE"
    frame = _attribution(seed, "continue to frame")
    assert (frame.source_type.value, frame.stance.value) == ("UNNAMED_OFFICIAL", "DISTANCING")
    assert _claim_with(seed, "raised concerns") == "UNNAMED_OFFICIAL"


def test_no_attribution_beyond_what_a_careful_reader_marks(seed: Analysis) -> None:
    """ "Their presence ... highlights" and "the balance ... continues" report nobody's words."""
    assert [a.cue.text for a in seed.attributions] == [
        "reportedly",
        "confirming",
        "according to",
        "declaring",
        "emerged",
        "raised concerns",
        "continue to frame",
        "maintaining",
        "drawn scrutiny from",
        "emphasizing",
    ]


def test_putins_administration_maintaining(seed: Analysis) -> None:
    a = _attribution(seed, "maintaining")
    assert (a.source_type.value, a.stance.value) == ("NAMED_ORGANISATION", "DISTANCING")


def test_scrutiny_from_global_observers(seed: Analysis) -> None:
    a = _attribution(seed, "drawn scrutiny from")
    assert a.source is not None and a.source.text == "global observers"
    assert _claim_with(seed, "drawn scrutiny") == "VAGUE"


def test_the_president_resolves_to_putin(seed: Analysis) -> None:
    a = _attribution(seed, "emphasizing")
    assert a.source is not None and a.source.text == "the President"
    assert (a.source_type.value, a.source_name) == ("NAMED_PERSON", "Vladimir Putin")


def test_analytical_sentences_are_unsourced(seed: Analysis) -> None:
    assert _claim_with(seed, "which began on August 6, 2024") == "UNSOURCED"
    # taxonomy.md, section 4, gives nine of the 17 claims a source: four named (Gerasimov, Kim,
    # Putin's administration, the President) and five unnamed ("reportedly", official
    # statements, "Reports emerged", Russian officials, global observers); the rest are unsourced.
    assert seed.summary.claims == 17
    assert seed.summary.by_group == {"named": 4, "unnamed": 5, "unsourced": 8}
    assert seed.summary.by_sourcing == {
        "NAMED_PERSON": 3,
        "NAMED_ORGANISATION": 1,
        "DOCUMENT": 0,
        "UNNAMED_OFFICIAL": 2,
        "ANONYMOUS": 0,
        "VAGUE": 3,
        "UNSOURCED": 8,
    }


def test_summary_lists_distinct_sources(seed: Analysis) -> None:
    names = {s.name: s for s in seed.summary.sources}
    assert names["Valery Gerasimov"].claims == 1
    assert names["Kim Jong Un"].type.value == "NAMED_PERSON"
