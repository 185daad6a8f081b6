"""Our own gold format: reading, validation errors, and scores on an article we annotated."""

from __future__ import annotations

import json

import pytest

from readwise_desktop.engine.analyze import analyze_text
from readwise_desktop.engine.pipeline import LoadedPipeline
from readwise_desktop.evaluation.gold import (
    GoldFormatError,
    GoldScores,
    parse_gold,
    read_gold,
    score_article,
)
from tests.locations import FIXTURES as FIXTURE_ROOT

FIXTURES = FIXTURE_ROOT / "gold"
TEXT = "Officials said the port may close. The port is old."


def gold_line(**changes: object) -> str:
    record: dict[str, object] = {
        "id": "t",
        "text": TEXT,
        "sentences": [
            {"start": 0, "end": 34, "sourcing": "UNNAMED_OFFICIAL"},
            {"start": 35, "end": 51, "sourcing": "UNSOURCED"},
        ],
        "hedges": [{"start": 24, "end": 27, "category": "MODAL"}],
    }
    record.update(changes)
    return json.dumps(record)


def test_scores_a_small_article(pipeline: LoadedPipeline) -> None:
    article = parse_gold(gold_line(), "inline")
    scores = GoldScores()
    score_article(article, analyze_text(pipeline, article.text), scores)
    assert scores.labels.accuracy == 1.0 and scores.groups.accuracy == 1.0
    assert scores.hedges_exact.tp == 1 and scores.hedges_exact.fp == 0


def test_a_wrong_label_is_a_confusion(pipeline: LoadedPipeline) -> None:
    sentences = [
        {"start": 0, "end": 34, "sourcing": "NAMED_PERSON"},
        {"start": 35, "end": 51, "sourcing": "UNSOURCED"},
    ]
    article = parse_gold(gold_line(sentences=sentences), "inline")
    scores = GoldScores()
    score_article(article, analyze_text(pipeline, article.text), scores)
    assert scores.labels.accuracy == 0.5
    assert scores.groups.accuracy == 0.5  # named vs unnamed
    assert scores.confusions[0][1:3] == ("NAMED_PERSON", "UNNAMED_OFFICIAL")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"hedges": [{"start": 24, "end": 999, "category": "MODAL"}]}, "outside the text"),
        ({"hedges": [{"start": 24, "end": 27, "category": "MAYBE"}]}, "MAYBE"),
        ({"sentences": [{"start": 0, "end": 5, "sourcing": "SOURCED"}]}, "unknown sourcing"),
    ],
)
def test_bad_gold_is_refused_with_the_line(changes: dict[str, object], message: str) -> None:
    with pytest.raises(GoldFormatError, match=message) as err:
        parse_gold(gold_line(**changes), "mine.jsonl:3")
    assert "mine.jsonl:3" in str(err.value)


def test_the_annotated_sample_article(pipeline: LoadedPipeline) -> None:
    """The bundled sample, annotated by hand: it was written against the rules, so every label
    should come out right (a sanity check of the format, not an independent accuracy figure)."""
    scores = GoldScores()
    for article in read_gold(FIXTURES / "harbour_strike.jsonl"):
        score_article(article, analyze_text(pipeline, article.text), scores)
    assert scores.documents == 1 and scores.labels.total == 19
    assert scores.labels.accuracy == 1.0
    assert scores.hedges_overlap.f1 == 1.0
