"""Checking a student's reading against an answer key: hits, misses, extras, with reasons."""

from __future__ import annotations

from readwise_desktop.app.exercises import shipped_exercises
from readwise_desktop.app.practice import (
    HEDGE,
    SOURCE,
    SOURCING,
    UNSOURCED_MARK,
    StudentMark,
    check,
    key_from_analysis,
)
from readwise_desktop.engine.analyze import analyze_text
from readwise_desktop.engine.pipeline import LoadedPipeline


def test_a_students_reading_of_an_exercise() -> None:
    storm = next(e for e in shipped_exercises() if e.id == "01_storm")
    text = storm.text

    def at(phrase: str) -> tuple[int, int]:
        start = text.index(phrase)
        return start, start + len(phrase)

    marks = [
        StudentMark(HEDGE, *at("nearly"), "APPROXIMATOR"),  # right
        StudentMark(HEDGE, *at("closed"), "MODAL"),  # not a hedge
        StudentMark(SOURCE, *at("police"), "UNNAMED_OFFICIAL"),  # right
        StudentMark(UNSOURCED_MARK, *at("Waves of"), "UNSOURCED"),  # right
        StudentMark(SOURCE, *at("Residents"), "NAMED_PERSON"),  # wrong type: vague
    ]
    result = check(marks, storm.key)
    assert result.counts["APPROXIMATOR"].tp == 1
    assert result.counts["MODAL"].fp == 1
    assert result.counts["PROBABILITY"].fn == 1  # "is expected to" missed
    sourcing = result.counts[SOURCING]
    assert (sourcing.tp, sourcing.fp, sourcing.fn) == (2, 1, 2)
    outcomes = {(f.outcome, f.text[:12]) for f in result.findings}
    assert ("extra", "closed") in outcomes and ("miss", "is expected ") in outcomes
    assert all(f.reason for f in result.findings)
    assert result.missed_most()[0][0] == SOURCING
    assert 0 < result.overall.f1 < 1


def test_the_analysis_as_the_key_of_any_article(pipeline: LoadedPipeline) -> None:
    analysis = analyze_text(pipeline, "Port news\nOfficials said the port may close.\n")
    key = key_from_analysis(analysis)
    may = analysis.text.index("may")
    result = check(
        [
            StudentMark(HEDGE, may, may + 3, "MODAL"),
            StudentMark(SOURCE, 10, 19, "UNNAMED_OFFICIAL"),
        ],
        key,
    )
    assert result.overall.f1 == 1.0
