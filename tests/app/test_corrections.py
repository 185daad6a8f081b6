"""The reader's corrections change the analysis, its summary and its exports, and are kept."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from readwise_desktop.app.corrections import (
    NOT_A_HEDGE,
    SOURCE_WRONG,
    Correction,
    apply_corrections,
)
from readwise_desktop.app.library import Library, text_hash
from readwise_desktop.engine.analyze import analyze_text
from readwise_desktop.engine.pipeline import LoadedPipeline
from readwise_desktop.engine.results import Analysis, Sentence, SourceType
from readwise_desktop.export import render

TEXT = "Port news\nOfficials said the port may close.\nThe harbour is about 300 years old.\n"


def claims(analysis: Analysis) -> list[Sentence]:
    return [s for _, s in analysis.claims()]


def test_not_a_hedge_and_source_corrections(pipeline: LoadedPipeline) -> None:
    raw = analyze_text(pipeline, TEXT)
    may = next(h for h in raw.hedges if h.text == "may")
    first, second = claims(raw)
    changed = apply_corrections(
        raw,
        [
            Correction(NOT_A_HEDGE, may.start, may.end),
            Correction(SOURCE_WRONG, first.start, first.end),
            Correction.sourced_by(second.start, second.end, SourceType.DOCUMENT, "Port register"),
        ],
    )
    assert "may" not in {h.text for h in changed.hedges}
    assert len(changed.hedges) == len(raw.hedges) - 1
    one, two = claims(changed)
    assert one.sourcing == "UNSOURCED" and one.reviewed == SOURCE_WRONG
    assert two.sourcing == "DOCUMENT" and two.reviewed == "sourced by Port register"
    assert changed.summary.by_sourcing["DOCUMENT"] == 1
    sources = {(s.name, s.type) for s in changed.summary.sources}
    assert ("Port register", SourceType.DOCUMENT) in sources
    rows = list(csv.DictReader(io.StringIO(render(changed, "csv"))))
    assert [r["reviewed"] for r in rows] == [SOURCE_WRONG, "sourced by Port register"]
    assert changed.to_json()["sentences"][-1]["reviewed"] == "sourced by Port register"
    assert "document (reviewed: sourced by Port register)" in render(changed, "html")
    assert "unsourced (reviewed: source is wrong)" in render(changed, "md")
    assert apply_corrections(raw, []) is raw


def test_corrections_are_kept_per_article(tmp_path: Path, pipeline: LoadedPipeline) -> None:
    library = Library(tmp_path / "library.sqlite3")
    raw = analyze_text(pipeline, TEXT)
    digest = text_hash(raw.text)
    first = claims(raw)[0]
    wrong = Correction(SOURCE_WRONG, first.start, first.end)
    library.add_correction(digest, wrong)
    marked = Correction.sourced_by(first.start, first.end, SourceType.NAMED_PERSON, "Ana Ruiz")
    library.add_correction(digest, marked)  # one verdict per claim: the newer one
    assert library.corrections(digest) == [marked]
    library.remove_correction(digest, marked)
    assert library.corrections(digest) == []
    library.close()
