"""Highlights: computed in small parts for the window, the same marks as computed at once."""

from __future__ import annotations

from readwise_desktop.engine.analyze import analyze_text
from readwise_desktop.engine.pipeline import LoadedPipeline
from readwise_desktop.export.styles import mark_parts, marks_of, sort_marks
from readwise_desktop.packaged import sample_path


def test_marks_in_small_parts_are_the_marks_at_once(rules_only: LoadedPipeline) -> None:
    analysis = analyze_text(rules_only, sample_path().read_text(encoding="utf-8"))
    whole = marks_of(analysis)
    parts = mark_parts(analysis, size=3)
    items = len(analysis.sentences) + len(analysis.attributions) + len(analysis.hedges)
    assert len(parts) >= items // 3
    pieces = [part() for part in parts]
    assert all(len(piece) <= 6 for piece in pieces)  # an attribution gives a cue and a source
    assert sort_marks([m for piece in pieces for m in piece]) == whole
    kinds = {m.kind for m in whole}
    assert kinds == {"unsourced", "source", "cue", "hedge"}
    assert [m.start for m in whole] == sorted(m.start for m in whole)
