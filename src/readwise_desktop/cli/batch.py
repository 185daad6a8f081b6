"""``readwise-desktop batch``: an archive through the analysis, one export per article.

    readwise-desktop batch DIR_OR_FILES... --output OUTDIR [--format html]
                           [--jobs N | --scheduler tcp://HOST:PORT]

Writes one export per article (never two under one name, never over a table or the state
file), ``summary.csv`` (a row per article), ``sources.csv`` (every source across the set),
``failures.csv`` (files that could not be done, and why) and the Parquet tables
``articles``, ``claims`` and ``attributions`` (docs/batch-schema.md). ``--jobs N`` runs N
worker processes on this machine (a Dask ``LocalCluster`` on 127.0.0.1); ``--scheduler`` runs
on a Dask cluster that is already up (its workers must see the files and OUTDIR at the same
paths). An append-only journal in OUTDIR records each finished file, so an interrupted run
resumes without redoing them; a damaged journal is reported and set aside.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from readwise_desktop.app.batch.cluster import ClusterError, Runner, Where
from readwise_desktop.app.batch.journal import STATE, Journal
from readwise_desktop.app.batch.tables import write_tables
from readwise_desktop.app.batch.work import forget_sessions, session_for, why
from readwise_desktop.app.paths import app_paths
from readwise_desktop.cli.batch_plan import Plan, Settings, plan_jobs
from readwise_desktop.cli.common import (
    EXIT_BAD_INPUT,
    PROG,
    add_session_options,
    fail,
    rule_problems,
    session_options,
)
from readwise_desktop.cli.progress import Progress
from readwise_desktop.export import EXTENSIONS
from readwise_desktop.export.atomic import sweep_folder


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="readwise-desktop batch", description=__doc__.splitlines()[0])
    p.add_argument("inputs", nargs="+", metavar="DIR_OR_FILE")
    p.add_argument("--output", required=True, metavar="OUTDIR", help="folder for the results")
    p.add_argument("--format", choices=tuple(EXTENSIONS), default="html")
    where = p.add_mutually_exclusive_group()
    where.add_argument(
        "--jobs", type=int, default=1, metavar="N", help="worker processes here (default 1)"
    )
    where.add_argument(
        "--scheduler", metavar="tcp://HOST:PORT", help="run on this Dask cluster instead"
    )
    add_session_options(p, size=True)
    return p


def run_batch(argv: Sequence[str]) -> int:
    from readwise_desktop.engine.rules.schema import RuleFileError

    args = parser().parse_args(argv)
    outdir = Path(args.output)
    problem = _bad_arguments(args, outdir)
    if problem:
        return fail(problem)
    options = session_options(args)
    forget_sessions()  # a run reads the settings as they are now
    try:
        session_for(options).check_rules()  # a bad rule file stops the run before any work
    except RuleFileError as err:
        return fail(rule_problems(err))
    journal, damaged = Journal.open(outdir / STATE)
    sweep_folder(outdir)  # what writers killed in a run before left half-written
    if damaged:
        print(f"{PROG}: warning: {damaged}", file=sys.stderr)
    run = Settings(outdir, args.format, EXTENSIONS[args.format], options, app_paths(),
                   absolute=args.scheduler is not None)  # fmt: skip
    plan = plan_jobs(args.inputs, run, journal.entries)
    for _, reason in plan.unreadable:
        print(f"{PROG}: skipped {reason}", file=sys.stderr)
    try:
        return _run(plan, Where(args.jobs, args.scheduler), journal, outdir)
    except ClusterError as err:
        return fail(str(err))
    finally:
        journal.close()


def _bad_arguments(args: argparse.Namespace, outdir: Path) -> str | None:
    if args.jobs < 1:
        return f"--jobs {args.jobs}: give at least 1"
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        return f"{outdir}: cannot be created ({why(err)})"
    missing = [name for name in args.inputs if not Path(name).exists()]
    return f"{missing[0]}: no such file or folder" if missing else None


def _run(plan: Plan, where: Where, journal: Journal, outdir: Path) -> int:
    progress = Progress(len(plan.jobs))
    failures = list(plan.unreadable)
    analysed, reused = 0, plan.reused
    runner = Runner(where)
    try:
        for result in runner.results(plan.jobs):
            name = Path(result["path"]).name
            if "error" in result:
                failures.append((result["path"], result["error"]))
                progress.step(name, f"skipped: {result['error']}")
                continue
            touched = _record(journal, result)
            analysed, reused = analysed + (not touched), reused + touched
            progress.step(name)
    except KeyboardInterrupt:
        _tables_or_warning(outdir, journal, failures)
        print(f"{PROG}: interrupted; run the same command again to resume", file=sys.stderr)
        return 130
    if not _tables_or_warning(outdir, journal, failures):
        return EXIT_BAD_INPUT
    print(
        f"{PROG}: {analysed} analysed, {reused} already done, {len(failures)} skipped; "
        f"{journal.articles()} in {outdir / 'summary.csv'}",
        file=sys.stderr,
    )
    if runner.peak_mb and not where.inline:
        peaks = ", ".join(f"{mb:.0f}" for mb in sorted(runner.peak_mb.values()))
        cpu = ", ".join(f"{s:.0f}" for s in sorted(runner.cpu_s.values()))
        print(f"{PROG}: peak memory per worker: {peaks} MB; CPU per worker: {cpu} s",
              file=sys.stderr)  # fmt: skip
    return 0


def _record(journal: Journal, result: dict[str, Any]) -> bool:
    """Journal a finished file; whether it was only touched (its bytes were already done)."""
    touched = bool(result.pop("unchanged", False))
    if touched:  # the same bytes: the earlier record's articles, under the new size and time
        result["articles"] = journal.record(result["path"])["articles"]
    try:
        journal.append(result)
    except OSError as err:
        if len(journal.unsaved) == 1:  # said once
            print(
                f"{PROG}: warning: the state file {journal.path} cannot be written ({why(err)});"
                " a rerun will analyse these articles again",
                file=sys.stderr,
            )
    return touched


def _tables_or_warning(outdir: Path, journal: Journal, failures: list[tuple[str, str]]) -> bool:
    try:
        write_tables(outdir, journal.records(), failures)
    except OSError as err:
        print(
            f"{PROG}: error: the tables (summary.csv, sources.csv and the Parquet tables) in "
            f"{outdir} cannot be written ({why(err)})",
            file=sys.stderr,
        )
        return False
    return True
