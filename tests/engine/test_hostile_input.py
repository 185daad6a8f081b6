"""Issue 19, points 2, 3 and 8: lone surrogates, runs of punctuation and very long paragraphs,
and a hypothesis fuzz test of ``analyze_text`` over hostile Unicode.

The suite runs a modest number of examples; ``READWISE_FUZZ_EXAMPLES=10000`` runs more.
"""

from __future__ import annotations

import os
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readwise_desktop.engine.analyze import (
    CHUNK_CHARS,
    analyze_text,
    chunk_text,
    make_doc,
    normalise_text,
)
from readwise_desktop.engine.pipeline import LoadedPipeline
from tests.engine.test_properties import NEWSY, check_invariants

HOSTILE = [
    "\ud800", "\udfff", "\ud83d\ude00",  # lone surrogates (and a pair written as two)
    "\u202e", "\u200f", "\u200e", "שלום", "مرحبا",  # right to left
    "e\u0301", "\u0301\u0301", "\u200b", "\u200d", "\ufeff", "\u2060",  # combining, zero-width
    "\x00", "\r\n", "\r", "\x0c", "\x0b", "\u2028", "\u2029", "\t",  # NUL, CRLF, form feeds
    "“", "”", '"', "«", "'", "‘", "(", ")", "[", "said", "may", "Officials", ". ", "\n",
    "👨‍👩‍👧‍👦", "((((((((((", "]]]]]]]]]", "...", "—",
]  # fmt: skip
HOSTILE_TEXT = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=6)), max_size=80).map(
    "".join
)
TINY_PARAGRAPHS = st.integers(1, 10_000).map(lambda n: "A.\n" * n)
EXAMPLES = int(os.environ.get("READWISE_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def test_a_lone_surrogate_is_accepted(pipeline: LoadedPipeline) -> None:
    analysis = analyze_text(pipeline, "Officials said \ud800 the port may close.\udfff\n")
    check_invariants(analysis)
    assert "\ud800" not in analysis.text and analysis.text.count("\ufffd") == 2
    assert len(analysis.text) == len("Officials said \ud800 the port may close.\udfff\n")
    analysis.text.encode("utf-8")  # writable, so every export is


@FUZZ
@given(st.one_of(HOSTILE_TEXT, NEWSY.map(lambda t: t.replace("a", "\u202e\ud800"))))
def test_fuzz_hostile_unicode_keeps_the_invariants(pipeline: LoadedPipeline, text: str) -> None:
    check_invariants(analyze_text(pipeline, text))


@settings(
    max_examples=max(3, EXAMPLES // 10),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(TINY_PARAGRAPHS)
def test_fuzz_many_tiny_paragraphs(rules_only: LoadedPipeline, text: str) -> None:
    check_invariants(analyze_text(rules_only, text))


def test_a_long_paragraph_is_cut_at_sentence_ends() -> None:
    sentence = "The minister said the talks may resume on Monday, officials reported. "
    paragraph = sentence * 400  # 28 KB, one line
    pieces = list(chunk_text(paragraph))
    assert "".join(pieces) == paragraph and len(pieces) > 5
    assert all(len(p) <= CHUNK_CHARS for p in pieces)
    assert all(p.endswith("reported. ") for p in pieces)


def test_a_paragraph_without_sentence_ends_is_cut_at_a_word() -> None:
    paragraph = "*a " * 10_000
    pieces = list(chunk_text(paragraph))
    assert "".join(pieces) == paragraph and all(len(p) <= CHUNK_CHARS for p in pieces)
    assert all(p.endswith(" ") for p in pieces[:-1])
    unbroken = "(" * 9_000
    assert [len(p) for p in chunk_text(unbroken)] == [4_000, 4_000, 1_000]


def test_short_paragraphs_are_chunked_as_before() -> None:
    lines = "Officials said the bridge may close. Nearly 40 people waited.\n" * 300
    starts = [0]
    for piece in chunk_text(lines):
        starts.append(starts[-1] + len(piece))
        assert piece.endswith("\n")  # cut between paragraphs only


def test_a_punctuation_run_is_tokenised_in_bounded_time(rules_only: LoadedPipeline) -> None:
    """10,000 '[' took about 30 s in spaCy's tokenizer; 40,000 brackets take a moment now."""
    text = "(" * 20_000 + "said" + ")" * 20_000
    started = time.perf_counter()
    doc = make_doc(rules_only.nlp, text)
    assert doc.text == text and "said" in [t.text for t in doc]
    analysis = analyze_text(rules_only, "[" * 10_000)
    assert time.perf_counter() - started < 20  # was over 400 s for the first alone
    check_invariants(analysis)


def test_normal_text_is_tokenised_as_by_spacy(pipeline: LoadedPipeline) -> None:
    text = normalise_text("Officials didn't say — “it may close,” (Reuters) -- ====\n")
    ours, spacys = make_doc(pipeline.nlp, text), pipeline.nlp.make_doc(text)
    assert [(t.text, t.norm_, t.whitespace_) for t in ours] == [
        (t.text, t.norm_, t.whitespace_) for t in spacys
    ]
