"""``batch`` on Dask (issue 18): a two-worker cluster gives the one-process results, a killed
worker loses no article, an interrupted run resumes. One LocalCluster (127.0.0.1, no
dashboard) serves the module; the runs reach it with ``--scheduler``, and the embedded
``--jobs 2`` cluster is tested in tests/cli/test_batch.py."""

from __future__ import annotations

import csv
import logging
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from readwise_desktop.app.batch.journal import STATE
from readwise_desktop.cli import batch
from readwise_desktop.cli.main import main
from readwise_desktop.cli.progress import Progress
from tests.app.batch_articles import write_articles


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=logging.ERROR,
    ) as cluster:
        yield cluster.scheduler_address


def worker_pids(address: str) -> list[int]:
    from distributed import Client

    with Client(address) as client:
        return sorted(client.run(os.getpid).values())


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def recorded(out: Path) -> int:
    return len((out / STATE).read_bytes().splitlines())


def test_two_workers_give_the_one_process_results(tmp_path: Path, scheduler: str) -> None:
    inbox = tmp_path / "in"
    write_articles(inbox)
    here, there = tmp_path / "here", tmp_path / "there"
    common = [str(inbox), "--format", "json"]
    assert main(["batch", *common, "--output", str(here)]) == 0
    assert main(["batch", *common, "--output", str(there), "--scheduler", scheduler]) == 0
    exports = sorted(p.name for p in here.glob("story*.json"))
    assert len(exports) == 30
    for name in exports:
        assert (here / name).read_bytes() == (there / name).read_bytes(), name
    assert rows(here / "summary.csv") == rows(there / "summary.csv")
    assert (here / "sources.csv").read_bytes() == (there / "sources.csv").read_bytes()
    for table in ("articles", "claims", "attributions"):
        assert pq.read_table(here / f"{table}.parquet").equals(
            pq.read_table(there / f"{table}.parquet")
        ), table
    articles = pq.read_table(here / "articles.parquet").to_pylist()
    assert {a["outlet"] for a in articles} == {"harbour-times", "coast-wire"}
    assert all(a["date"] is not None for a in articles)
    assert sum(a["claims"] for a in articles) == pq.read_table(here / "claims.parquet").num_rows


def test_an_interrupted_run_resumes(
    tmp_path: Path,
    scheduler: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    inbox, out = tmp_path / "in", tmp_path / "out"
    paths = write_articles(inbox)
    args = ["batch", str(inbox), "--output", str(out), "--rules-only", "--scheduler", scheduler]

    class Interrupted(Progress):
        def step(self, name: str, note: str = "") -> None:
            super().step(name, note)
            if self.done == 10:
                raise KeyboardInterrupt

    monkeypatch.setattr(batch, "Progress", Interrupted)
    assert main(args) == 130
    done = recorded(out)
    assert done == 10
    monkeypatch.setattr(batch, "Progress", Progress)
    capsys.readouterr()
    assert main(args) == 0
    assert f"{30 - done} analysed, {done} already done, 0 skipped" in capsys.readouterr().err
    paths[3].write_text(paths[3].read_text(encoding="utf-8") + "Talks resume.\n", "utf-8")
    stat = paths[4].stat()
    os.utime(paths[4], ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # touched, same bytes
    assert main(args) == 0
    assert "1 analysed, 29 already done" in capsys.readouterr().err
    assert len(rows(out / "summary.csv")) == 30


def test_a_killed_worker_loses_no_article(
    tmp_path: Path,
    scheduler: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Last in the module: the cluster restarts the worker, but later tests need not wait."""
    inbox, out = tmp_path / "in", tmp_path / "out"
    write_articles(inbox)
    victim = worker_pids(scheduler)[0]

    class Killing(Progress):
        def step(self, name: str, note: str = "") -> None:
            super().step(name, note)
            if self.done == 3:
                os.kill(victim, signal.SIGKILL)

    monkeypatch.setattr(batch, "Progress", Killing)
    args = ["batch", str(inbox), "--output", str(out), "--rules-only", "--scheduler", scheduler]
    assert main(args) == 0
    assert victim not in worker_pids(scheduler)
    done, failed = rows(out / "summary.csv"), rows(out / "failures.csv")
    assert len(done) + len(failed) == 30  # each retried on the other worker, or reported
    assert all(f["reason"] for f in failed)
    assert len(list(out.glob("story*.html"))) == len(done)
    capsys.readouterr()
    monkeypatch.setattr(batch, "Progress", Progress)
    assert main(args) == 0
    assert f"{len(failed)} analysed, {len(done)} already done" in capsys.readouterr().err
