"""Every terminal command goes through the reader's session: a switched-off rule, the size limit
and the reader's own rule file take effect in ``analyze`` (JSON and exports), ``batch`` and
``compare``; ``analyze`` applies the reader's corrections and never creates a library."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from readwise_desktop.app.corrections import NOT_A_HEDGE, SOURCED_BY, Correction
from readwise_desktop.app.library import text_hash
from readwise_desktop.app.session import Session, SessionOptions
from readwise_desktop.cli.main import main
from readwise_desktop.engine.results import SourceType
from tests.reader_home import (
    MAY,
    OWN_RULE,
    WITH_SETTINGS,
    WITHOUT_SETTINGS,
    HedgeSpans,
    reader_home,
    refusal,
    write_article,
    write_big,
)

Capsys = pytest.CaptureFixture[str]
OLD = "Strike spreads\nOfficials said the port will close.\n"


def hedges_of(data: dict[str, Any]) -> set[tuple[str, str]]:
    return {(h["text"], h["rule_id"]) for h in data["hedges"]}


def analyze_json(path: Path, capsys: Capsys) -> dict[str, Any]:
    assert main(["analyze", str(path), "--rules-only"]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def refused(argv: list[str], big: Path, capsys: Capsys) -> None:
    """Exit code 2, nothing on stdout, and one line on stderr: the sentence saying why."""
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"readwise-desktop: error: {refusal(big)}\n"


def test_analyze_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capsys) -> None:
    article, big = write_article(tmp_path / "in"), write_big(tmp_path / "in")
    reader_home(tmp_path / "home", monkeypatch)
    data = analyze_json(article, capsys)
    assert hedges_of(data) == WITH_SETTINGS
    assert data["hedges"][0]["category"] == "PROBABILITY"
    refused(["analyze", str(big), "--rules-only"], big, capsys)
    reader_home(tmp_path / "plain", monkeypatch, settings=False, rules=False)
    assert hedges_of(analyze_json(article, capsys)) == WITHOUT_SETTINGS


def test_analyze_html_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capsys
) -> None:
    article, big = write_article(tmp_path / "in"), write_big(tmp_path / "in")
    out = tmp_path / "out.html"
    reader_home(tmp_path / "home", monkeypatch)
    assert main(["analyze", str(article), "--rules-only", "--output", str(out)]) == 0
    assert capsys.readouterr().err == f"readwise-desktop: wrote {out}\n"
    page = out.read_text(encoding="utf-8")
    assert HedgeSpans(page).hedges == [("hypothetically", "rw-PROBABILITY")]
    assert OWN_RULE in page and MAY not in page
    out.unlink()
    refused(["analyze", str(big), "--rules-only", "--output", str(out)], big, capsys)
    assert not out.exists()
    reader_home(tmp_path / "plain", monkeypatch, settings=False, rules=False)
    assert main(["analyze", str(article), "--rules-only", "--output", str(out)]) == 0
    assert HedgeSpans(out.read_text(encoding="utf-8")).hedges == [("may", "rw-MODAL")]


def test_batch_with_two_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capsys
) -> None:
    inbox = tmp_path / "in"
    write_article(inbox)
    big = write_big(inbox)
    out = tmp_path / "out"
    reader_home(tmp_path / "home", monkeypatch)
    argv = ["batch", str(inbox), "--output", str(out), "--format", "json", "--rules-only"]
    assert main([*argv, "--jobs", "2"]) == 0
    err = capsys.readouterr().err
    assert f"  skipped: {refusal(big)}\n" in err
    assert "1 analysed, 0 already done, 1 skipped" in err and "Traceback" not in err
    assert not (out / "big.json").exists()
    export = json.loads((out / "article.json").read_text(encoding="utf-8"))
    assert hedges_of(export) == WITH_SETTINGS
    with (out / "summary.csv").open(encoding="utf-8", newline="") as handle:
        summary = list(csv.DictReader(handle))
    assert [(Path(r["file"]).name, r["hedges"]) for r in summary] == [("article.txt", "1")]
    (inbox / "big.txt").unlink()
    reader_home(tmp_path / "plain", monkeypatch, settings=False, rules=False)
    plain = tmp_path / "plain-out"
    assert main([*argv[:3], str(plain), *argv[4:], "--jobs", "2"]) == 0
    assert "1 analysed, 0 already done, 0 skipped" in capsys.readouterr().err
    export = json.loads((plain / "article.json").read_text(encoding="utf-8"))
    assert hedges_of(export) == WITHOUT_SETTINGS


def test_compare_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capsys) -> None:
    old = write_article(tmp_path / "in", "old.txt", OLD)
    new, big = write_article(tmp_path / "in", "new.txt"), write_big(tmp_path / "in")
    argv = ["compare", str(old), str(new), "--format", "json", "--rules-only"]

    def added_hedges() -> list[tuple[str, str]]:
        assert main(argv) == 0
        result = json.loads(capsys.readouterr().out)
        return [(h["text"], h["category"]) for h in result["hedges"] if h["kind"] == "added"]

    reader_home(tmp_path / "home", monkeypatch)
    assert added_hedges() == [("hypothetically", "PROBABILITY")]
    refused(["compare", str(old), str(big), "--format", "json", "--rules-only"], big, capsys)
    reader_home(tmp_path / "plain", monkeypatch, settings=False, rules=False)
    assert added_hedges() == [("may", "MODAL")]


def test_analyze_applies_the_readers_corrections(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capsys
) -> None:
    article = write_article(tmp_path / "in")
    paths = reader_home(tmp_path / "home", monkeypatch, settings=False, rules=False)
    before = analyze_json(article, capsys)
    assert hedges_of(before) == WITHOUT_SETTINGS
    may = before["hedges"][0]
    talks = next(s for s in before["sentences"] if s["sourcing"] == "UNSOURCED")
    session = Session(SessionOptions(rules_only=True))
    digest = text_hash(before["text"])
    session.library.add_correction(digest, Correction(NOT_A_HEDGE, may["start"], may["end"]))
    named = Correction.sourced_by(talks["start"], talks["end"], SourceType.NAMED_PERSON, "Ann Lee")
    session.library.add_correction(digest, named)
    session.library.close()
    after = analyze_json(article, capsys)
    assert after["hedges"] == []
    claims = {after["text"][s["start"] : s["end"]]: s for s in after["sentences"]}
    assert claims["Officials said the port may close."]["reviewed"] == NOT_A_HEDGE
    sourced = claims["The talks hypothetically resume."]
    assert (sourced["sourcing"], sourced["reviewed"]) == ("NAMED_PERSON", f"{SOURCED_BY} Ann Lee")
    assert after["summary"]["by_group"] == {"named": 1, "unnamed": 1, "unsourced": 0}
    assert paths.library.is_file()


@pytest.mark.parametrize("command", ["analyze", "batch", "compare"])
def test_a_terminal_run_never_creates_the_library(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capsys
) -> None:
    article = write_article(tmp_path / "in")
    paths = reader_home(tmp_path / "home", monkeypatch)
    argv = {
        "analyze": ["analyze", str(article)],
        "batch": ["batch", str(article), "--output", str(tmp_path / "out")],
        "compare": ["compare", str(article), str(article)],
    }[command]
    assert main([*argv, "--rules-only"]) == 0
    capsys.readouterr()
    assert not paths.library.exists()
    assert not paths.data.exists() or sorted(p.name for p in paths.data.iterdir()) == ["rules"]
