"""Invariants over arbitrary Unicode: never raises; offsets valid; sentences cover the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readwise_desktop.engine.analyze import analyze_text, chunk_text, normalise_text
from readwise_desktop.engine.pipeline import LoadedPipeline
from readwise_desktop.engine.results import Analysis

WORDS = st.sampled_from(
    [
        "said",
        "reportedly",
        "may",
        "May",
        "about",
        "5",
        "according to",
        "officials",
        "he",
        "“",
        "”",
        '"',
        "’",
        ".",
        ",",
        "\n",
        "\n\n",
        "Putin",
        "the President",
        "nearly",
        "It was reported",
        "citing",
        "(Reuters) -",
        "MOSCOW",
        "in a statement",
        ":",
        "Reports emerged",
        "sources",
    ]
)
NEWSY = st.lists(st.one_of(WORDS, st.text(min_size=1, max_size=8)), max_size=60).map(" ".join)
ANY_TEXT = st.one_of(st.text(max_size=400), NEWSY)
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def check_invariants(analysis: Analysis) -> None:
    text = analysis.text
    for h in analysis.hedges:
        assert 0 <= h.start < h.end <= len(text) and text[h.start : h.end] == h.text
    for a in analysis.attributions:
        assert text[a.cue.start : a.cue.end] == a.cue.text
        if a.source is not None:
            assert text[a.source.start : a.source.end] == a.source.text
        assert 0 <= a.content[0] <= a.content[1] <= len(text)
        assert all(0 <= i < len(analysis.sentences) for i in a.sentences)
    previous_end = 0
    for s in analysis.sentences:
        assert previous_end <= s.start < s.end <= len(text)
        assert not text[previous_end : s.start].strip(), "a gap between sentences holds text"
        previous_end = s.end
        for k in s.hedges:
            assert s.start <= analysis.hedges[k].start < s.end
        if s.is_claim:
            assert s.sourcing is not None
    assert not text[previous_end:].strip(), "text after the last sentence"
    assert analysis.summary.claims == sum(1 for s in analysis.sentences if s.is_claim)
    assert sum(analysis.summary.by_group.values()) == analysis.summary.claims


@SETTINGS
@given(ANY_TEXT)
def test_rules_only_invariants(rules_only: LoadedPipeline, text: str) -> None:
    check_invariants(analyze_text(rules_only, text))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ANY_TEXT)
def test_trained_invariants(pipeline: LoadedPipeline, text: str) -> None:
    check_invariants(analyze_text(pipeline, text))


@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=300), st.integers(5, 60))
def test_chunks_join_back_to_the_text(text: str, size: int) -> None:
    assert "".join(chunk_text(text, size)) == text


def test_long_text_is_chunked_and_analysed_like_one_document(pipeline: LoadedPipeline) -> None:
    para = "Officials said the bridge may close. Nearly 40 people waited.\n"
    text = para * 800
    assert len(list(chunk_text(normalise_text(text)))) > 1
    steps: list[tuple[int, int]] = []
    analysis = analyze_text(pipeline, text, progress=lambda d, t: steps.append((d, t)))
    check_invariants(analysis)
    assert analysis.summary.claims == 1600
    assert analysis.summary.by_sourcing["UNNAMED_OFFICIAL"] == 800
    assert steps[-1][0] == steps[-1][1] and len(steps) > 2
