"""``readwise-desktop batch``: a day's wire through the analysis, one export per article.

    readwise-desktop batch DIR_OR_FILES... --output OUTDIR [--format html] [--jobs N]

Writes one export per article (never two under one name, never over the tables or the state
file), ``summary.csv`` (a row per article) and ``sources.csv`` (every source across the set). A
state file in OUTDIR records each finished article with a hash of its bytes, so an interrupted
run resumes without redoing them; a damaged state file is reported and set aside. Unreadable
files and exports that cannot be written (a full disk) are skipped with a line saying why. With
``--jobs N`` several processes share the work (each loads the model once); they die with the
parent.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import signal
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readwise_desktop.app.session import Session, SessionOptions
from readwise_desktop.cli.common import (
    EXIT_BAD_INPUT,
    PROG,
    add_session_options,
    fail,
    rule_problems,
    session_options,
)
from readwise_desktop.cli.output import distinct_names
from readwise_desktop.engine.results import Analysis
from readwise_desktop.export import EXTENSIONS
from readwise_desktop.export.atomic import write_atomic
from readwise_desktop.formats.decoding import InputError

STATE = ".readwise-batch.json"
SUMMARY_COLUMNS = (
    "file", "title", "format", "claims", "named", "unnamed", "unsourced", "named_share",
    "unnamed_share", "unsourced_share", "hedges", "words", "hedges_per_100_words", "top_sources",
)  # fmt: skip
TABLES = ("summary.csv", "sources.csv")
_SESSIONS: dict[SessionOptions, Session] = {}  # one per worker process, loaded once
_PARENT: list[int] = []  # a worker's parent process id


@dataclass(frozen=True, slots=True)
class Job:
    path: str
    output: str
    fmt: str
    digest: str
    options: SessionOptions


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="readwise-desktop batch", description=__doc__.splitlines()[0])
    p.add_argument("inputs", nargs="+", metavar="DIR_OR_FILE")
    p.add_argument("--output", required=True, metavar="OUTDIR", help="folder for the results")
    p.add_argument("--format", choices=tuple(EXTENSIONS), default="html")
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="processes (default 1)")
    add_session_options(p, size=True)
    return p


def digest_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def output_names(paths: Sequence[Path], ext: str) -> dict[Path, str]:
    """A distinct export name per input: its stem, or its path below the common folder; never
    one name twice and never the name of a table or of the state file."""
    stems = Counter(p.stem for p in paths)
    wanted = [
        (p.stem if stems[p.stem] == 1 else "__".join(p.with_suffix("").parts[-3:]), p.suffix)
        for p in paths
    ]
    return dict(zip(paths, distinct_names(wanted, ext, (*TABLES, STATE)), strict=True))


def _session(options: SessionOptions) -> Session:
    if options not in _SESSIONS:
        _SESSIONS[options] = Session(options)
    return _SESSIONS[options]


def run_job(job: Job) -> dict[str, Any]:
    """Analyse one article and write its export; a record for the state file (or an error)."""
    session = _session(job.options)
    try:  # a mailbox or a feed holds several articles: an export for each
        analyses = [session.analyse(a) for a in session.open_all(job.path)]
    except InputError as err:
        return {"path": job.path, "error": str(err)}
    except OSError as err:
        return {"path": job.path, "error": f"{job.path}: cannot be read ({_why(err)})"}
    if _PARENT and os.getppid() != _PARENT[0]:
        os._exit(1)  # the batch was killed: write nothing it would not record
    outputs = _outputs_for(Path(job.output), len(analyses))
    try:
        for analysis, output in zip(analyses, outputs, strict=True):
            write_atomic(output, session.export(analysis, job.fmt))
    except OSError as err:
        return {"path": job.path, "error": f"{job.output}: cannot be written ({_why(err)})"}
    articles = [
        {
            "row": summary_row(analysis),
            "sources": [[s.name, s.type.value, s.claims] for s in analysis.summary.sources],
        }
        for analysis in analyses
    ]
    record = {"path": job.path, "digest": job.digest, "output": job.output}
    return {**record, **articles[0]} if len(articles) == 1 else {**record, "articles": articles}


def _outputs_for(first: Path, count: int) -> list[Path]:
    """``story.html`` for one article; ``story-1.html``, ``story-2.html`` ... for several."""
    if count == 1:
        return [first]
    return [first.with_name(f"{first.stem}-{k}{first.suffix}") for k in range(1, count + 1)]


def _already_done(done: dict[str, Any] | None, digest: str, output: str) -> bool:
    """The same bytes were exported to the same name, and the export is still there."""
    if done is None or (done["digest"], done["output"]) != (digest, output):
        return False
    return _outputs_for(Path(output), len(_articles(done)))[0].is_file()


def _articles(record: dict[str, Any]) -> list[dict[str, Any]]:
    """A finished record's articles (state files of earlier versions hold one, flat)."""
    if "articles" in record:
        return list(record["articles"])
    return [record] if "row" in record else []


def _why(err: OSError) -> str:
    return err.strerror or str(err)


def _worker_start(parent: int) -> None:
    """In each worker: die with the parent (Linux: at once; elsewhere: before any write)."""
    _PARENT[:] = [parent]
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def summary_row(analysis: Analysis) -> dict[str, Any]:
    summary = analysis.summary
    claims = summary.claims or 1
    words = len(analysis.text.split())
    groups = summary.by_group
    top = "; ".join(f"{s.name} ({s.claims})" for s in summary.sources[:3])
    hedges = sum(summary.hedges_by_category.values())
    return {
        "file": analysis.file,
        "title": analysis.title or "",
        "format": analysis.metadata.get("format", ""),
        "claims": summary.claims,
        **{g: groups.get(g, 0) for g in ("named", "unnamed", "unsourced")},
        **{
            f"{g}_share": round(groups.get(g, 0) / claims, 3)
            for g in ("named", "unnamed", "unsourced")
        },
        "hedges": hedges,
        "words": words,
        "hedges_per_100_words": round(100 * hedges / max(words, 1), 2),
        "top_sources": top,
    }


class Progress:
    """A bar on a terminal, plain lines otherwise."""

    def __init__(self, total: int) -> None:
        self.total, self.done, self.tty = total, 0, sys.stderr.isatty()

    def step(self, name: str, note: str = "") -> None:
        self.done += 1
        if self.tty:
            filled = int(30 * self.done / max(self.total, 1))
            bar = "#" * filled + "." * (30 - filled)
            sys.stderr.write(f"\r[{bar}] {self.done}/{self.total} {name[:40]:<40}")
            if note or self.done == self.total:
                sys.stderr.write("\n")
        else:
            sys.stderr.write(f"{self.done}/{self.total} {name}\n")
        if note:
            sys.stderr.write(f"  {note}\n")
        sys.stderr.flush()


def _results(jobs: list[Job], workers: int) -> Iterator[dict[str, Any]]:
    if workers <= 1:
        yield from map(run_job, jobs)
        return
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_worker_start, initargs=(os.getpid(),)
    ) as pool:
        yield from pool.map(run_job, jobs)


def write_tables(outdir: Path, records: dict[str, dict[str, Any]]) -> None:
    ordered = sorted(records.values(), key=lambda r: str(r.get("path", "")))
    finished = [article for record in ordered for article in _articles(record)]
    table = io.StringIO()
    writer = csv.DictWriter(table, SUMMARY_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(article["row"] for article in finished)
    write_atomic(outdir / "summary.csv", table.getvalue())
    sources: dict[tuple[str, str], list[int]] = {}
    for record in finished:
        for name, kind, claims in record["sources"]:
            entry = sources.setdefault((name, kind), [0, 0])
            entry[0] += 1
            entry[1] += claims
    table = io.StringIO()
    out = csv.writer(table, lineterminator="\n")
    out.writerow(("source", "type", "articles", "claims"))
    ranked = sorted(sources.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0][0]))
    out.writerows((name, kind, a, c) for (name, kind), (a, c) in ranked)
    write_atomic(outdir / "sources.csv", table.getvalue())


def run_batch(argv: Sequence[str]) -> int:
    from readwise_desktop.engine.rules.schema import RuleFileError
    from readwise_desktop.formats.reader import readable_files

    args = parser().parse_args(argv)
    outdir = Path(args.output)
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        return fail(f"{outdir}: cannot be created ({err.strerror or err})")
    missing = [name for name in args.inputs if not Path(name).exists()]
    if missing:
        return fail(f"{missing[0]}: no such file or folder")
    options = session_options(args)
    _SESSIONS.clear()  # a run reads the settings as they are now (workers inherit this one)
    try:
        _session(options).check_rules()  # a bad rule file stops the run before any work
    except RuleFileError as err:
        return fail(rule_problems(err))
    paths = list(readable_files(list(args.inputs)))
    state_path = outdir / STATE
    records = read_state(state_path)
    names = output_names(paths, EXTENSIONS[args.format])
    jobs, reused, unreadable = [], 0, 0
    for path in paths:
        try:
            digest = digest_of(path)
        except OSError as err:
            unreadable += 1
            print(f"{PROG}: skipped {path}: cannot be read ({_why(err)})", file=sys.stderr)
            continue
        output = str(outdir / names[path])
        if _already_done(records.get(str(path)), digest, output):
            reused += 1
            continue
        jobs.append(Job(str(path), output, args.format, digest, options))
    progress = Progress(len(jobs))
    skipped = 0
    try:
        for record in _results(jobs, args.jobs):
            name = Path(record["path"]).name
            if "error" in record:
                skipped += 1
                progress.step(name, f"skipped: {record['error']}")
                continue
            records[record["path"]] = record
            _save_state(state_path, records)
            progress.step(name)
    except KeyboardInterrupt:
        _tables_or_warning(outdir, records)
        print(f"{PROG}: interrupted; run the same command again to resume", file=sys.stderr)
        return 130
    if not _tables_or_warning(outdir, records):
        return EXIT_BAD_INPUT
    finished = sum(len(_articles(r)) for r in records.values())
    print(
        f"{PROG}: {len(jobs) - skipped} analysed, {reused} already done, "
        f"{skipped + unreadable} skipped; {finished} in {outdir / 'summary.csv'}",
        file=sys.stderr,
    )
    return 0


def read_state(path: Path) -> dict[str, dict[str, Any]]:
    """The finished articles of earlier runs; a damaged state file is reported, set aside
    (``.readwise-batch.json.damaged``) and the run starts afresh."""
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and all(_is_record(k, v) for k, v in data.items()):
            return data
        problem = "it does not hold a record per article"
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        problem = str(err)
    aside = path.with_name(path.name + ".damaged")
    try:
        path.replace(aside)
        kept = f"it was moved to {aside.name}"
    except OSError:
        kept = "it is left as it is"
    print(
        f"{PROG}: warning: the state file {path} is damaged ({problem}); {kept} and every "
        "article is analysed again",
        file=sys.stderr,
    )
    return {}


def _is_record(key: Any, value: Any) -> bool:
    if not isinstance(key, str) or not isinstance(value, dict):
        return False
    fields = {"path": str, "digest": str, "output": str}
    if not all(isinstance(value.get(k), t) for k, t in fields.items()):
        return False
    articles = value.get("articles", [value])
    return isinstance(articles, list) and bool(articles) and all(_is_article(a) for a in articles)


def _is_article(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and isinstance(value.get("row"), dict)
        and isinstance(value.get("sources"), list)
        and all(isinstance(s, list) and len(s) == 3 for s in value["sources"])
    )


def _save_state(path: Path, records: dict[str, dict[str, Any]]) -> None:
    try:
        write_atomic(path, json.dumps(records, ensure_ascii=False))
    except OSError as err:
        print(
            f"{PROG}: warning: the state file {path} cannot be written ({_why(err)}); a rerun "
            "will analyse these articles again",
            file=sys.stderr,
        )


def _tables_or_warning(outdir: Path, records: dict[str, dict[str, Any]]) -> bool:
    try:
        write_tables(outdir, records)
    except OSError as err:
        print(
            f"{PROG}: error: summary.csv and sources.csv in {outdir} cannot be written "
            f"({_why(err)})",
            file=sys.stderr,
        )
        return False
    return True
