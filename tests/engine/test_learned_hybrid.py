"""The learned tagger inside the analysis: the rules first, the tagger where they found nothing.

Every sentence here is written for these tests. The pipeline fixture runs as the app does (the
shipped model attached); ``rules_pipeline`` is the same model without the tagger.
"""

from __future__ import annotations

import pytest

from readwise_desktop.app import learned_model
from readwise_desktop.app.learned_model import MISSING, SWITCHED_OFF, WITH_MODEL
from readwise_desktop.app.session import Session, SessionOptions
from readwise_desktop.engine.analyze import analyze_text
from readwise_desktop.engine.attribution.learned import LEARNED_RULE_ID
from readwise_desktop.engine.pipeline import LoadedPipeline
from readwise_desktop.engine.results import Analysis

LEARNED_ONLY = "Environmental groups decried the decision as reckless."
RULES_FIND = "The mayor, Jane Doe, insisted on Monday that the bridge was safe."


def _cues(analysis: Analysis) -> list[tuple[str, str | None, str, str]]:
    return [
        (a.cue.text, a.source.text if a.source else None, a.source_type.value, a.rule_id)
        for a in analysis.attributions
    ]


def test_the_session_runs_the_shipped_tagger(pipeline: LoadedPipeline) -> None:
    session = Session(SessionOptions(reader_settings=False))
    assert session.pipeline.name.endswith(WITH_MODEL)
    told = analyze_text(
        session.pipeline, "The minister told reporters on Tuesday that the plan would go ahead."
    )
    assert _cues(told) == [("told", "The minister", "UNNAMED_OFFICIAL", "attribution.verb.tell")]


def test_a_construction_the_rules_miss_is_found_and_explained(
    pipeline: LoadedPipeline, rules_pipeline: LoadedPipeline
) -> None:
    assert analyze_text(rules_pipeline, LEARNED_ONLY).attributions == ()
    (found,) = analyze_text(pipeline, LEARNED_ONLY).attributions
    assert (found.cue.text, found.rule_id) == ("decried", LEARNED_RULE_ID)
    assert found.source is not None and found.source.text == "Environmental groups"
    assert found.source_type.value == "VAGUE"  # typed by the rules' typer, as any source
    assert "learned from annotated news" in found.explanation and "“decried”" in found.explanation


def test_a_sentence_the_rules_read_keeps_what_they_found(
    pipeline: LoadedPipeline, rules_pipeline: LoadedPipeline
) -> None:
    hybrid = analyze_text(pipeline, RULES_FIND)
    assert hybrid.attributions == analyze_text(rules_pipeline, RULES_FIND).attributions
    assert _cues(hybrid) == [
        ("insisted on", "The mayor, Jane Doe,", "NAMED_PERSON", "attribution.verb.insist")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Police found a body in the river.",  # "find" reports only with a clause
        "The senator thanked supporters at the rally on Friday.",
        "Their presence in the region highlights the deepening alliance.",  # no speaker
        "The displays projected an animation of eyes looking around.",
    ],
)
def test_verbs_in_other_senses_stay_unattributed(pipeline: LoadedPipeline, text: str) -> None:
    assert _cues(analyze_text(pipeline, text)) == []


def test_switched_off_like_a_rule_it_is_the_rules_alone(rules_pipeline: LoadedPipeline) -> None:
    off = Session(SessionOptions(reader_settings=False, disabled_rules=(LEARNED_RULE_ID,)))
    assert off.pipeline.name.endswith(SWITCHED_OFF)
    assert _cues(analyze_text(off.pipeline, LEARNED_ONLY)) == []


def test_without_the_model_file_the_app_says_so_and_works(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    learned_model._tagger.cache_clear()
    monkeypatch.setattr(learned_model, "shipped_model", lambda: None)
    try:
        pipeline = Session(SessionOptions(reader_settings=False)).pipeline
        assert pipeline.name.endswith(MISSING) and not pipeline.reduced_accuracy
        assert _cues(analyze_text(pipeline, RULES_FIND))[0][0] == "insisted on"
    finally:
        learned_model._tagger.cache_clear()


def test_the_rules_only_pipeline_runs_no_tagger(rules_only: LoadedPipeline) -> None:
    pipeline = Session(SessionOptions(reader_settings=False, rules_only=True)).pipeline
    assert pipeline.reduced_accuracy and not pipeline.name.endswith(WITH_MODEL)
    found = analyze_text(pipeline, LEARNED_ONLY).attributions
    assert all(a.rule_id != LEARNED_RULE_ID for a in found)
