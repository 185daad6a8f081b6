"""Each export parsed back: spans and labels, not only that a file exists."""

from __future__ import annotations

import csv
import io
import json
import os
from html.parser import HTMLParser
from pathlib import Path

import pytest

from readwise_desktop.cli.main import main
from readwise_desktop.engine.analyze import analyze_text
from readwise_desktop.engine.pipeline import LoadedPipeline
from readwise_desktop.engine.results import Analysis
from readwise_desktop.export import render
from readwise_desktop.export.atomic import write_atomic
from readwise_desktop.packaged import sample_path


@pytest.fixture(scope="module")
def analysis(rules_only: LoadedPipeline) -> Analysis:
    return analyze_text(rules_only, sample_path().read_text(encoding="utf-8"), file="harbour.txt")


class Spans(HTMLParser):
    """Collects the innermost text of every highlight span with its class and title."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str]] = []
        self.spans: list[tuple[str, str, str]] = []
        self.tags: set[str] = set()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        values = dict(attrs)
        self.urls += [v for k, v in attrs if k in ("src", "href") and v]
        if tag == "span":
            self.stack.append((values.get("class") or "", values.get("title") or ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        for cls, title in self.stack:
            self.spans.append((cls, title, data))


def test_html_is_self_contained_and_marks_every_finding(analysis: Analysis) -> None:
    page = render(analysis, "html")
    parser = Spans()
    parser.feed(page)
    assert "script" not in parser.tags and parser.urls == [] and "http" not in page
    texts = {(cls, text) for cls, _, text in parser.spans}
    for hedge in analysis.hedges:
        assert (f"rw-{hedge.category.value}", hedge.text) in texts, hedge.text
    for attribution in analysis.attributions:
        cls = "rw-CUE_NAMED" if attribution.source_type.group == "named" else "rw-CUE_UNNAMED"
        assert any(c == cls and attribution.cue.text.startswith(t) for c, t in texts)
    reportedly = [t for c, t, x in parser.spans if x == "reportedly" and c == "rw-REPORTATIVE"]
    assert reportedly and "hedge.reportative.reportedly" in reportedly[0]
    assert "print-color-adjust:exact" in page and "Claim ledger" in page
    assert page.count("<tr><td>") == analysis.summary.claims + len(analysis.summary.by_sourcing)


def test_csv_has_a_row_per_claim(analysis: Analysis) -> None:
    rows = list(csv.DictReader(io.StringIO(render(analysis, "csv"))))
    claims = analysis.claims()
    assert len(rows) == len(claims)
    for row, (_, sentence) in zip(rows, claims, strict=True):
        assert row["sourcing"] == sentence.sourcing
        assert analysis.text[int(row["start"]) : int(row["end"])].split() == row["sentence"].split()
    berg = [r for r in rows if r["source"] == "Jonas Berg"]
    assert berg and berg[0]["cue"] == "said" and berg[0]["source_type"] == "NAMED_PERSON"
    assert any("reportedly (REPORTATIVE)" in r["hedges"] for r in rows)


def test_json_is_the_schema(analysis: Analysis) -> None:
    data = json.loads(render(analysis, "json"))
    assert data == json.loads(json.dumps(analysis.to_json()))
    assert data["schema"] == "readwise-desktop/analysis/1"


def test_markdown_summary_ledger_and_marked_text(analysis: Analysis) -> None:
    text = render(analysis, "md")
    ledger = [line for line in text.splitlines() if line.startswith("| ") and line[2].isdigit()]
    assert len(ledger) == analysis.summary.claims
    assert "«**reportedly**»{reportative}" in text and "**according to**" in text
    assert text.count(" ◆") == analysis.summary.by_sourcing["UNSOURCED"]


def test_atomic_write_leaves_no_half_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.html"
    write_atomic(target, "old")

    def crash(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(OSError):
        write_atomic(target, "new and longer")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_cli_output_file_and_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.html"
    assert main(["analyze", str(sample_path()), "--rules-only", "--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    folder = tmp_path / "exports"
    other = tmp_path / "two.txt"
    other.write_text("Officials said the port may close.\n", encoding="utf-8")
    args = ["analyze", str(sample_path()), str(other), "--rules-only", "--format", "csv"]
    assert main([*args, "--output", f"{folder}/"]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["harbour_strike.csv", "two.csv"]
    assert main(["analyze", str(sample_path()), str(other), "--rules-only", "--format", "md"]) == 2
    assert "give --output FOLDER" in capsys.readouterr().err
