"""Which files a batch analyses: every readable file named or below a folder named, its export
name, the folder it came from (the outlet when the article names no agency) and whether an
earlier run already finished it (same path, export name, size and modification time, and the
export still there). A file whose size or time changed goes to a worker, which hashes it: the
same bytes are only recorded again, changed bytes are analysed again."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from readwise_desktop.app.batch.journal import STATE, Entry
from readwise_desktop.app.batch.tables import TABLES
from readwise_desktop.app.batch.work import Job, outputs_for, why
from readwise_desktop.app.paths import AppPaths
from readwise_desktop.app.session import SessionOptions
from readwise_desktop.cli.output import distinct_names
from readwise_desktop.formats.reader import readable_files

OLD_STATE = ".readwise-batch.json"  # the state file of earlier versions: never an export name
REPORT = "report.html"
RESERVED = (*TABLES, STATE, f"{STATE}.damaged", OLD_STATE, REPORT)


@dataclass(frozen=True, slots=True)
class Settings:
    """What every job of the run shares."""

    outdir: Path
    fmt: str
    ext: str
    options: SessionOptions
    home: AppPaths
    absolute: bool = False  # workers elsewhere: paths they can resolve without our cwd


@dataclass(slots=True)
class Plan:
    jobs: list[Job] = field(default_factory=list)
    reused: int = 0
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)


def plan_jobs(inputs: Sequence[str], run: Settings, done: dict[str, Entry]) -> Plan:
    found = [(path, hint) for name in inputs for path, hint in _with_hints(name)]
    names = output_names([p for p, _ in found], run.ext)
    plan = Plan()
    for path, hint in found:
        key = str(path.resolve()) if run.absolute else str(path)
        output = str((run.outdir.resolve() if run.absolute else run.outdir) / names[path])
        try:
            stat = path.stat()
        except OSError as err:
            plan.unreadable.append((key, f"{path}: cannot be read ({why(err)})"))
            continue
        entry = done.get(key)
        exported = entry is not None and _exported(entry, output)
        if exported and entry and (entry.size, entry.mtime_ns) == (stat.st_size, stat.st_mtime_ns):
            plan.reused += 1
            continue
        digest = entry.digest if exported and entry else None
        plan.jobs.append(Job(key, output, run.fmt, run.options, run.home, hint, digest))
    return plan


def _with_hints(name: str) -> Iterator[tuple[Path, str | None]]:
    """Each readable file of ``name`` with the folder it came from: the first folder below the
    folder named, or that folder's own name (``archive/reuters/2020/x.txt``: ``reuters``)."""
    root = Path(name)
    for path in readable_files([name]):
        if not root.is_dir():
            yield path, path.parent.name or None
            continue
        parts = path.relative_to(root).parts
        yield path, parts[0] if len(parts) > 1 else (root.resolve().name or None)


def output_names(paths: Sequence[Path], ext: str) -> dict[Path, str]:
    """A distinct export name per input: its stem, or its path below the common folder; never
    one name twice and never the name of a table, the report or the state file."""
    stems = Counter(p.stem for p in paths)
    wanted = [
        (p.stem if stems[p.stem] == 1 else "__".join(p.with_suffix("").parts[-3:]), p.suffix)
        for p in paths
    ]
    return dict(zip(paths, distinct_names(wanted, ext, RESERVED), strict=True))


def _exported(entry: Entry, output: str) -> bool:
    """The record is for this export name and its (first) export is still there."""
    return entry.output == output and outputs_for(Path(output), entry.articles)[0].is_file()
