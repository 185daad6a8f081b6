"""The batch's state file: an append-only journal, one JSON line per finished input file.

A line is written (and flushed) as each file finishes and fsynced in small groups, so a run
killed at any point keeps every line before the last; a torn last line (the kill came
mid-write) is dropped and cut off when the journal is next opened. A file analysed again gets
a new line, and the last line for a path wins; superseded lines are compacted away when the
journal is opened. A journal with a bad line anywhere but at the end is damaged: it is set
aside (``NAME.damaged``) with a warning and the run starts afresh.

Only an index (path → where its line is) stays in memory; the records are read back from the
file when the tables are written.
"""

from __future__ import annotations

import dataclasses
import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

STATE = ".readwise-batch.jsonl"
SYNC_LINES = 16  # fsync after this many lines ...
SYNC_SECONDS = 1.0  # ... or this long after the last fsync, whichever comes first
FIELDS: dict[str, type] = {"path": str, "output": str, "digest": str, "size": int, "mtime_ns": int}
RECORD_START = b'{"path": '  # how every line starts (the record's first key)
ARTICLE_FIELDS: dict[str, type] = {
    "row": dict, "sources": list, "article": dict, "claims": list, "attributions": list,
}  # fmt: skip


class DamagedJournal(ValueError):
    """A line that is not a record, before the last line."""


@dataclass(frozen=True, slots=True)
class Entry:
    """A finished input file as the index holds it."""

    output: str
    digest: str
    size: int
    mtime_ns: int
    articles: int
    offset: int  # where its line starts in the journal
    length: int


class Journal:
    def __init__(self, path: Path, entries: dict[str, Entry]) -> None:
        self.path, self.entries = path, entries
        self._handle: IO[bytes] | None = None
        self._unsynced, self._synced_at = 0, time.monotonic()
        self.unsaved: dict[str, dict[str, Any]] = {}  # records a full disk kept from the file

    @classmethod
    def open(cls, path: Path) -> tuple[Journal, str | None]:
        """The journal at ``path`` (empty if there is none) and a warning if it was damaged."""
        try:
            entries = _index(path) if path.exists() else {}
        except (OSError, DamagedJournal) as err:
            return cls(path, {}), _set_aside(path, err)
        journal = cls(path, entries)
        if path.exists() and _superseded(path, entries):
            journal.compact()
        return journal, None

    def append(self, record: dict[str, Any]) -> None:
        """Add a finished file's record; :class:`OSError` if it cannot be written (the record
        is then kept in memory for this run's tables)."""
        line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        try:
            handle = self._open()
            offset = handle.tell()
            handle.write(line)
            handle.flush()
            self._sync_if_due(handle)
        except OSError:
            self.unsaved[record["path"]] = record
            raise
        self.unsaved.pop(record["path"], None)
        self.entries[record["path"]] = _entry(record, offset, len(line))

    def record(self, path: str) -> dict[str, Any]:
        """The live record of ``path`` (which must be in :attr:`entries` or :attr:`unsaved`)."""
        if path in self.unsaved:
            return self.unsaved[path]
        self.sync()
        entry = self.entries[path]
        with self.path.open("rb") as handle:
            handle.seek(entry.offset)
            return dict(json.loads(handle.read(entry.length)))

    def articles(self) -> int:
        """How many articles the finished files hold."""
        saved = sum(e.articles for p, e in self.entries.items() if p not in self.unsaved)
        return saved + sum(len(r["articles"]) for r in self.unsaved.values())

    def records(self) -> Iterator[dict[str, Any]]:
        """Every live record, sorted by path (read back from the file one at a time)."""
        self.sync()
        paths = sorted({*self.entries, *self.unsaved})
        if not self.entries:
            yield from (self.unsaved[p] for p in paths)
            return
        with self.path.open("rb") as handle:
            for path in paths:
                if path in self.unsaved:
                    yield self.unsaved[path]
                    continue
                entry = self.entries[path]
                handle.seek(entry.offset)
                yield json.loads(handle.read(entry.length))

    def sync(self) -> None:
        if self._handle is not None and self._unsynced:
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._unsynced, self._synced_at = 0, time.monotonic()

    def close(self) -> None:
        if self._handle is not None:
            try:
                self.sync()
            finally:
                self._handle.close()
                self._handle = None

    def compact(self) -> None:
        """Rewrite the journal with its live lines only (to a temporary name, then renamed)."""
        from readwise_desktop.export.atomic import write_atomic

        self.close()
        lines, entries, offset = [], {}, 0
        with self.path.open("rb") as handle:
            for path, entry in self.entries.items():
                handle.seek(entry.offset)
                lines.append(handle.read(entry.length))
                entries[path] = dataclasses.replace(entry, offset=offset)
                offset += entry.length
        write_atomic(self.path, b"".join(lines))
        self.entries = entries

    def _open(self) -> IO[bytes]:
        if self._handle is None:
            self._handle = self.path.open("ab")
        return self._handle

    def _sync_if_due(self, handle: IO[bytes]) -> None:
        self._unsynced += 1
        due = time.monotonic() - self._synced_at >= SYNC_SECONDS
        if self._unsynced >= SYNC_LINES or due:
            self.sync()


def _index(path: Path) -> dict[str, Entry]:
    """Where each path's last good line is; a torn last line is cut off the file."""
    data = path.read_bytes()
    lines = data.splitlines(keepends=True)  # JSON escapes every newline and carriage return
    entries: dict[str, Entry] = {}
    offset = 0
    for number, line in enumerate(lines, start=1):
        record = _record(line) if line.endswith(b"\n") else None
        if record is None and line.strip():
            if number < len(lines) or not line.startswith(RECORD_START):
                raise DamagedJournal(f"line {number} is not a finished article's record")
            break  # the last line, torn by a kill mid-write: dropped
        if record is not None:
            entries[record["path"]] = _entry(record, offset, len(line))
        offset += len(line)
    if offset < len(data):
        with path.open("r+b") as handle:
            handle.truncate(offset)
    return entries


def _record(line: bytes) -> dict[str, Any] | None:
    try:
        record = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(record, dict) or not _typed(record, FIELDS):
        return None
    articles = record.get("articles")
    if not isinstance(articles, list) or not articles:
        return None
    if not all(isinstance(a, dict) and _typed(a, ARTICLE_FIELDS) for a in articles):
        return None
    return record


def _typed(value: dict[str, Any], fields: dict[str, type]) -> bool:
    return all(isinstance(value.get(k), t) for k, t in fields.items())


def _entry(record: dict[str, Any], offset: int, length: int) -> Entry:
    return Entry(
        record["output"], record["digest"], record["size"], record["mtime_ns"],
        len(record["articles"]), offset, length,
    )  # fmt: skip


def _superseded(path: Path, entries: dict[str, Entry]) -> bool:
    return sum(e.length for e in entries.values()) < path.stat().st_size


def _set_aside(path: Path, err: Exception) -> str:
    problem = (err.strerror or str(err)) if isinstance(err, OSError) else str(err)
    aside = path.with_name(path.name + ".damaged")
    try:
        path.replace(aside)
        kept = f"it was moved to {aside.name}"
    except OSError:
        kept = "it is left as it is"
    return (
        f"the state file {path} is damaged ({problem}); {kept} and every article is analysed again"
    )
