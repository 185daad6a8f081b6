"""Where a batch runs: in this process, on a ``LocalCluster`` of worker processes on this
machine, or on a Dask cluster that is already running (``tcp://HOST:PORT``).

The local cluster listens on 127.0.0.1 only and has no dashboard: the app opens no other
connection. Jobs go out a few per worker at a time (so the scheduler never holds the whole
archive), results come back as they finish, in any order. A worker that dies has its
articles retried on another (Dask's ``allowed-failures``, 3 by default); an article that keeps
killing workers, or whose analysis raises, comes back as an error with the reason.
"""

from __future__ import annotations

import contextlib
import logging
import resource
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from readwise_desktop.app.batch.work import Job, failure, run_job

PER_WORKER = 4  # jobs in flight per worker thread
CONNECT_SECONDS = 10


class ClusterError(Exception):
    """The cluster cannot be reached or started; one sentence for the reader."""


@dataclass(frozen=True, slots=True)
class Where:
    workers: int = 1  # local worker processes; 1 without a scheduler: in this process
    scheduler: str | None = None  # an existing cluster's scheduler address

    @property
    def inline(self) -> bool:
        return self.scheduler is None and self.workers <= 1


class Runner:
    """Runs jobs where asked; after the run, each worker's peak memory (MB) and CPU time."""

    def __init__(self, where: Where) -> None:
        self.where = where
        self.peak_mb: dict[str, float] = {}
        self.cpu_s: dict[str, float] = {}  # CPU seconds each worker used, model loading included

    def results(self, jobs: Sequence[Job]) -> Iterator[dict[str, Any]]:
        """Each job's record or error, as they finish."""
        if self.where.inline or not jobs:
            yield from map(run_job, jobs)
            peak, cpu = worker_stats()
            self.peak_mb, self.cpu_s = {"here": peak}, {"here": cpu}
            return
        from readwise_desktop.app.batch.warmup import WarmUp

        with _client(self.where) as client:
            client.register_plugin(WarmUp(jobs[0].options, jobs[0].home))
            threads = sum(w["nthreads"] for w in client.scheduler_info()["workers"].values())
            yield from _stream(client, jobs, max(8, PER_WORKER * threads))
            stats = client.run(worker_stats)
            self.peak_mb = {w: mb for w, (mb, _) in stats.items()}
            self.cpu_s = {w: cpu for w, (_, cpu) in stats.items()}


def _stream(client: Any, jobs: Sequence[Job], window: int) -> Iterator[dict[str, Any]]:
    from distributed import as_completed

    waiting = iter(jobs)
    submitted: dict[Any, Job] = {}

    def submit() -> Any | None:
        job = next(waiting, None)
        if job is None:
            return None
        future = client.submit(run_job, job, pure=False)
        submitted[future] = job
        return future

    first = [f for f in (submit() for _ in range(window)) if f is not None]
    flow = as_completed(first)
    for future in flow:
        yield _outcome(future, submitted.pop(future))
        more = submit()
        if more is not None:
            flow.add(more)


def _outcome(future: Any, job: Job) -> dict[str, Any]:
    from distributed import KilledWorker

    try:
        return dict(future.result())
    except KilledWorker:
        return failure(job, f"{job.path}: the worker analysing it died each time it tried")
    except Exception as err:  # a bug in the analysis of one article must not end the run
        return failure(job, f"{job.path}: the analysis failed ({type(err).__name__}: {err})")


@contextlib.contextmanager
def _client(where: Where) -> Iterator[Any]:
    from distributed import Client, LocalCluster

    if where.scheduler is not None:
        try:
            client = Client(where.scheduler, timeout=CONNECT_SECONDS)
        except (OSError, ValueError) as err:
            raise ClusterError(f"no Dask scheduler answers at {where.scheduler} ({err})") from err
        with client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=where.workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            scheduler_port=0,
            dashboard_address=None,
            worker_dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def worker_stats() -> tuple[float, float]:
    """This process's peak resident memory in MB (Linux counts in KiB, macOS in bytes) and the
    CPU seconds it has used."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak = usage.ru_maxrss / (1e6 if sys.platform == "darwin" else 1024)
    return round(peak, 1), round(usage.ru_utime + usage.ru_stime, 1)
