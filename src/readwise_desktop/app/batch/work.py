"""One input file's work, as a worker runs it: read, analyse, export, and the journal record.

The job names a path, never the bytes: the file is read where the job runs. Each worker
process keeps one :class:`Session` per set of options (the pipeline is loaded once, on first
use or by :class:`~readwise_desktop.app.batch.cluster.WarmUp` when the worker starts).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readwise_desktop.app.batch.records import article_record
from readwise_desktop.app.paths import AppPaths
from readwise_desktop.app.session import Session, SessionOptions
from readwise_desktop.export.atomic import write_atomic
from readwise_desktop.formats.decoding import InputError

_SESSIONS: dict[tuple[SessionOptions, AppPaths | None], Session] = {}  # per worker process


@dataclass(frozen=True, slots=True)
class Job:
    path: str
    output: str  # the export's path (``story.html``; ``story-1.html`` ... for several)
    fmt: str
    options: SessionOptions
    home: AppPaths | None = None  # the reader's folders as the submitter sees them
    outlet_hint: str | None = None  # the folder the file came from, when no agency is named
    done_digest: str | None = None  # the digest of its finished record, if its exports exist


def session_for(options: SessionOptions, home: AppPaths | None = None) -> Session:
    """This process's session for these options (settings and rules read once)."""
    key = (options, home)
    if key not in _SESSIONS:
        _SESSIONS[key] = Session(options, home)
    return _SESSIONS[key]


def forget_sessions() -> None:
    """Drop the sessions, so that the next run reads the settings as they are now."""
    _SESSIONS.clear()


def digest_of(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def run_job(job: Job) -> dict[str, Any]:
    """Analyse one file and write its exports: the journal record, ``{"path", "unchanged"}``
    when its bytes are those already finished, or ``{"path", "error"}`` with the reason."""
    path = Path(job.path)
    try:
        stat = path.stat()
        digest = digest_of(path)
    except OSError as err:
        return failure(job, f"{job.path}: cannot be read ({why(err)})")
    base: dict[str, Any] = {"path": job.path, "output": job.output, "digest": digest}
    base |= {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    if digest == job.done_digest:
        return {**base, "unchanged": True}  # touched, not changed
    session = session_for(job.options, job.home)
    try:  # a mailbox or a feed holds several articles: an export for each
        analyses = [session.analyse(a) for a in session.open_all(job.path)]
    except InputError as err:
        return failure(job, str(err))
    except OSError as err:
        return failure(job, f"{job.path}: cannot be read ({why(err)})")
    outputs = outputs_for(Path(job.output), len(analyses))
    try:
        for analysis, output in zip(analyses, outputs, strict=True):
            write_atomic(output, session.export(analysis, job.fmt))
    except OSError as err:
        return failure(job, f"{job.output}: cannot be written ({why(err)})")
    articles = [
        article_record(analysis, output.stem, output.name, job.outlet_hint)
        for analysis, output in zip(analyses, outputs, strict=True)
    ]
    return {**base, "articles": articles}


def failure(job: Job, reason: str) -> dict[str, Any]:
    return {"path": job.path, "error": reason}


def outputs_for(first: Path, count: int) -> list[Path]:
    """``story.html`` for one article; ``story-1.html``, ``story-2.html`` ... for several."""
    if count == 1:
        return [first]
    return [first.with_name(f"{first.stem}-{k}{first.suffix}") for k in range(1, count + 1)]


def why(err: OSError) -> str:
    return err.strerror or str(err)
