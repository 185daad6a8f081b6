"""``readwise-desktop batch``: exports, summary and sources tables, skipping, resuming, jobs."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from readwise_desktop.app.batch import cluster
from readwise_desktop.app.batch.journal import STATE
from readwise_desktop.app.batch.work import Job
from readwise_desktop.cli.main import main
from readwise_desktop.packaged import sample_path
from tests.formats import makers
from tests.locations import FIXTURES as FIXTURE_ROOT

FIXTURES = FIXTURE_ROOT / "formats"


@pytest.fixture()
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "day2").mkdir(parents=True)
    makers.write(folder, "harbour.txt", sample_path().read_bytes())
    makers.write(folder / "day2", "talks.xml", (FIXTURES / "harbour.nitf.xml").read_bytes())
    makers.write(folder / "day2", "ferry.md", "# Ferry\n\nOfficials said the ferry may run late.\n")
    makers.write(folder, "broken.pdf", b"%PDF-1.4 broken")
    return folder


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_batch_writes_exports_and_tables(
    inbox: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["batch", str(inbox), "--output", str(out), "--format", "csv"]) == 0
    err = capsys.readouterr().err
    assert "skipped: " in err and "broken.pdf" in err
    assert "3 analysed, 0 already done, 1 skipped" in err
    assert sorted(
        p.name
        for p in out.glob("*.csv")
        if p.name not in ("summary.csv", "sources.csv", "failures.csv")
    ) == [
        "ferry.csv",
        "harbour.csv",
        "talks.csv",
    ]
    summary = {Path(r["file"]).name: r for r in rows(out / "summary.csv")}
    harbour = summary["harbour.txt"]
    assert harbour["claims"] == "19" and harbour["unsourced"] == "2"
    assert float(harbour["named_share"]) + float(harbour["unnamed_share"]) + float(
        harbour["unsourced_share"]
    ) == pytest.approx(1.0, abs=0.01)
    assert "Jonas Berg (5)" in harbour["top_sources"]
    sources = {(r["source"], r["type"]): r for r in rows(out / "sources.csv")}
    assert sources[("Jonas Berg", "NAMED_PERSON")]["articles"] == "2"  # sample and NITF story
    failures = rows(out / "failures.csv")
    assert [Path(r["file"]).name for r in failures] == ["broken.pdf"] and failures[0]["reason"]


def test_batch_resumes_without_redoing(
    inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    real = cluster.run_job
    calls: list[str] = []

    def interrupted(job: Job) -> dict[str, Any]:
        calls.append(job.path)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(job)

    monkeypatch.setattr(cluster, "run_job", interrupted)
    assert main(["batch", str(inbox), "--output", str(out)]) == 130
    lines = (out / STATE).read_text(encoding="utf-8").splitlines()
    finished = [json.loads(line)["path"] for line in lines]
    assert len(finished) == 1 or len(finished) == 2  # the broken file may be among the first two
    monkeypatch.setattr(cluster, "run_job", real)
    capsys.readouterr()
    assert main(["batch", str(inbox), "--output", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"{len(finished)} already done" in err
    assert len(rows(out / "summary.csv")) == 3
    changed = inbox / "day2" / "ferry.md"
    changed.write_text("# Ferry\n\nCritics say the ferry is late.\n", encoding="utf-8")
    assert main(["batch", str(inbox), "--output", str(out)]) == 0
    assert "1 analysed, 2 already done" in capsys.readouterr().err


def test_batch_with_two_processes(inbox: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["batch", str(inbox), "--output", str(out), "--jobs", "2", "--format", "json"]) == 0
    assert len(rows(out / "summary.csv")) == 3
    data = json.loads((out / "talks.json").read_text(encoding="utf-8"))
    assert data["metadata"]["format"] == "NITF"


def test_batch_missing_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", str(tmp_path / "nope"), "--output", str(tmp_path / "out")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_a_mailbox_gives_an_export_per_message(tmp_path: Path) -> None:
    from tests.formats import makers

    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "inbox.mbox").write_bytes(makers.mbox_bytes())
    out = tmp_path / "out"
    assert (
        main(["batch", str(inbox), "--output", str(out), "--format", "json", "--rules-only"]) == 0
    )
    exports = sorted(p.name for p in out.glob("inbox-*.json"))
    assert len(exports) >= 2
    with (out / "summary.csv").open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == len(exports)
    assert (
        main(["batch", str(inbox), "--output", str(out), "--format", "json", "--rules-only"]) == 0
    )
