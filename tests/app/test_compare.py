"""Two versions of a story: claims that gained or lost a source, hedges, sources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readwise_desktop.app.compare import compare, comparison_report
from readwise_desktop.cli.main import main
from readwise_desktop.engine.analyze import analyze_text
from readwise_desktop.engine.pipeline import LoadedPipeline

OLD = """Strike spreads in Port Alder
A strike by dock workers spread to a second terminal on Monday.
Nearly 4,000 workers walked out, according to the harbour authority.
Talks collapsed on Sunday, union chairman Jonas Berg said.
The dispute is the largest since 1998.
"""
NEW = """Strike spreads in Port Alder
A strike by dock workers spread to a second terminal on Monday, officials said.
About 4,000 workers walked out, according to the harbour authority.
Talks collapsed on Sunday.
The dispute is the largest since 1998.
Shipping companies warned that deliveries could be delayed.
"""


def test_changes_between_versions(pipeline: LoadedPipeline) -> None:
    result = compare(analyze_text(pipeline, OLD), analyze_text(pipeline, NEW))
    kinds = {(c.kind, (c.new or c.old or "")[:20]) for c in result.claims}
    assert ("gained a source", "A strike by dock wor") in kinds
    assert ("lost a source", "Talks collapsed on S") in kinds
    assert ("added", "Shipping companies w") in kinds
    assert not any(c.kind == "removed" for c in result.claims)
    hedges = {(h.kind, h.text) for h in result.hedges}
    assert {("added", "about"), ("removed", "nearly"), ("added", "could")} <= hedges
    assert "Jonas Berg" in result.sources_vanished and "officials" in result.sources_appeared
    assert result.counts["gained a source"] == 1


def test_identical_versions_have_no_changes(pipeline: LoadedPipeline) -> None:
    analysis = analyze_text(pipeline, OLD)
    result = compare(analysis, analysis)
    assert result.claims == () and result.hedges == ()
    assert "No change" in comparison_report(result, "a", "b")


def test_compare_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    assert main(["compare", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert "[gained a source] unsourced → unnamed official: officials" in out
    assert "Sources that vanished: Jonas Berg" in out
    assert main(["compare", str(old), str(new), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["lost a source"] == 1
    assert main(["compare", str(old), str(tmp_path / "missing.txt")]) == 2
