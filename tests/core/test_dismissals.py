"""The reader's corrections change the analysis, its summary and its exports, and are kept."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from readwise_desktop.core.analyze import analyze_text
from readwise_desktop.core.dismissals import (
    NOT_A_HEDGE,
    SOURCE_WRONG,
    Dismissal,
    apply_dismissals,
)
from readwise_desktop.core.export import render
from readwise_desktop.core.library import Library, text_hash
from readwise_desktop.core.model import Analysis, Sentence, SourceType
from readwise_desktop.core.pipeline import LoadedPipeline

TEXT = "Port news\nOfficials said the port may close.\nThe harbour is about 300 years old.\n"


def claims(analysis: Analysis) -> list[Sentence]:
    return [s for _, s in analysis.claims()]


def test_not_a_hedge_and_source_corrections(pipeline: LoadedPipeline) -> None:
    raw = analyze_text(pipeline, TEXT)
    may = next(h for h in raw.hedges if h.text == "may")
    first, second = claims(raw)
    changed = apply_dismissals(
        raw,
        [
            Dismissal(NOT_A_HEDGE, may.start, may.end),
            Dismissal(SOURCE_WRONG, first.start, first.end),
            Dismissal.sourced_by(second.start, second.end, SourceType.DOCUMENT, "Port register"),
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
    assert apply_dismissals(raw, []) is raw


def test_dismissals_are_kept_per_article(tmp_path: Path, pipeline: LoadedPipeline) -> None:
    library = Library(tmp_path / "library.sqlite3")
    raw = analyze_text(pipeline, TEXT)
    digest = text_hash(raw.text)
    first = claims(raw)[0]
    wrong = Dismissal(SOURCE_WRONG, first.start, first.end)
    library.add_dismissal(digest, wrong)
    marked = Dismissal.sourced_by(first.start, first.end, SourceType.NAMED_PERSON, "Ana Ruiz")
    library.add_dismissal(digest, marked)  # one verdict per claim: the newer one
    assert library.dismissals(digest) == [marked]
    library.remove_dismissal(digest, marked)
    assert library.dismissals(digest) == []
    library.close()
