"""``batch`` on Dask: articles/s with 1 and 2 workers over the 270 Wikinews articles of
../shared, in one run, and each worker's peak memory (docs/scale.md, docs/measurements.md).

    python -m pytest tests/benchmarks/test_batch_scale.py -m benchmark -s

The articles are written to a temporary folder as Markdown with their title and date in the
front matter (so the report has months); they never enter the project. Each run goes to a
fresh LocalCluster through ``--scheduler``; the wall time includes loading the model in the
workers, the steady rate is measured from the first finished article to the last.
"""

from __future__ import annotations

import json
import logging
import re
import time
from pathlib import Path

import pytest

from readwise_desktop.cli import batch
from readwise_desktop.cli.main import main
from readwise_desktop.cli.progress import Progress

DATA = "data/wikinews_2019_2020/wikinews_2019_2020.jsonl"


def write_wikinews(shared: Path, folder: Path) -> int:
    source = shared / DATA
    if not source.is_file():
        pytest.skip(f"{DATA} is not in ../shared")
    folder.mkdir(parents=True)
    count = 0
    for line in source.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        title = item["title"].replace('"', '\\"')
        head = f'---\ntitle: "{title}"\ndate: {item["date"]}\n---\n\n'
        (folder / f"{item['id']}.md").write_text(head + item["text"] + "\n", encoding="utf-8")
        count += 1
    return count


def timed_run(inbox: Path, out: Path, workers: int, monkeypatch: pytest.MonkeyPatch) -> dict:
    from distributed import LocalCluster

    stamps: list[float] = []

    class Stamped(Progress):
        def step(self, name: str, note: str = "") -> None:
            stamps.append(time.perf_counter())
            super().step(name, note)

    monkeypatch.setattr(batch, "Progress", Stamped)
    with LocalCluster(n_workers=workers, threads_per_worker=1, host="127.0.0.1",
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster:  # fmt: skip
        started = time.perf_counter()
        code = main(["batch", str(inbox), "--output", str(out), "--format", "json",
                     "--scheduler", cluster.scheduler_address])  # fmt: skip
        wall = time.perf_counter() - started
    assert code == 0
    return {"wall": wall, "steady": (len(stamps) - 1) / (stamps[-1] - stamps[0])}


def test_articles_per_second_with_one_and_two_workers(
    shared: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    count = write_wikinews(shared, tmp_path / "wikinews")
    figures = {}
    for workers in (1, 2):
        capsys.readouterr()
        run = timed_run(tmp_path / "wikinews", tmp_path / f"out{workers}", workers, monkeypatch)
        err = capsys.readouterr().err
        assert f"{count} analysed" in err
        peaks = re.search(r"peak memory per worker: ([\d, ]+) MB", err)
        assert peaks is not None
        run["peak_mb"] = [int(p) for p in peaks[1].split(", ")]
        cpu = re.search(r"CPU per worker: ([\d, ]+) s", err)
        assert cpu is not None
        run["cpu_s"] = [int(c) for c in cpu[1].split(", ")]
        figures[workers] = run
    with capsys.disabled():
        for workers, run in figures.items():
            print(
                f"\n{workers} worker(s): {count} articles in {run['wall']:.1f} s "
                f"({count / run['wall']:.2f} articles/s overall, {run['steady']:.2f} steady); "
                f"peak memory per worker {run['peak_mb']} MB; CPU per worker {run['cpu_s']} s "
                f"({sum(run['cpu_s']) / count:.3f} CPU s per article, model loading included)"
            )
        speedup = figures[1]["wall"] / figures[2]["wall"]
        print(f"speed-up 1 -> 2 workers: {speedup:.2f}x overall")
    one = (tmp_path / "out1" / "summary.csv").read_text(encoding="utf-8")
    assert one == (tmp_path / "out2" / "summary.csv").read_text(encoding="utf-8")
