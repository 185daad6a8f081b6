"""The library: every article the reader opened, kept in SQLite with full-text search (FTS5).

Each article is stored once, by a hash of its text: text, metadata, the analysis summary, the
reader's note and corrections (kept in the table ``dismissals``, its name since the first
version). Writes are transactions in WAL mode, so a crash mid-write loses at most that write.
A database that fails its integrity check is moved aside (``*.corrupt-<time>``), a fresh one is
started, and every row that can still be read from the old one is copied over (``salvage.py``);
a damaged full-text index is rebuilt from the articles. A library that cannot be written (a
read-only home, a full disk, a lock held too long) is no damage: it is opened read-only, or kept
in memory, with a message; a write that fails raises :class:`LibraryError`, one sentence, so the
window still shows the article.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readwise_desktop.app.corrections import NOT_A_HEDGE, Correction
from readwise_desktop.app.salvage import Row, salvage_rows
from readwise_desktop.engine.results import Analysis

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles(
    id INTEGER PRIMARY KEY,
    hash TEXT UNIQUE NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    file TEXT NOT NULL DEFAULT '',
    format TEXT NOT NULL DEFAULT '',
    opened_at REAL NOT NULL,
    text TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '{}',
    note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS dismissals(
    hash TEXT NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    value TEXT NOT NULL DEFAULT '',
    created REAL NOT NULL,
    PRIMARY KEY (hash, kind, start, "end")
);
CREATE TABLE IF NOT EXISTS practice(
    exercise TEXT PRIMARY KEY,
    attempts INTEGER NOT NULL,
    best REAL NOT NULL,
    last REAL NOT NULL,
    missed TEXT NOT NULL DEFAULT '{}'
);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts
    USING fts5(title, text, note, content='articles', content_rowid='id');
CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text, note)
        VALUES (new.id, new.title, new.text, new.note);
END;
CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text, note)
        VALUES ('delete', old.id, old.title, old.text, old.note);
END;
CREATE TRIGGER IF NOT EXISTS articles_au AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text, note)
        VALUES ('delete', old.id, old.title, old.text, old.note);
    INSERT INTO articles_fts(rowid, title, text, note)
        VALUES (new.id, new.title, new.text, new.note);
END;
"""
COLUMNS = ("hash", "title", "file", "format", "opened_at", "text", "summary", "note")
TABLES = {
    "articles": COLUMNS,
    "dismissals": ("hash", "kind", "start", "end", "value", "created"),
    "practice": ("exercise", "attempts", "best", "last", "missed"),
}
DAMAGE = ("SQLITE_CORRUPT", "SQLITE_NOTADB")  # error names that mean a damaged file


class LibraryError(Exception):
    """The library could not be read or written: one sentence for the reader."""


class _Damaged(sqlite3.DatabaseError):
    """The integrity check failed."""


def is_damage(err: BaseException) -> bool:
    """A damaged file, as opposed to one that cannot be written (read-only, full, locked)."""
    name = getattr(err, "sqlite_errorname", None) or ""
    return isinstance(err, _Damaged) or name.startswith(DAMAGE)


def reason(err: BaseException) -> str:
    """What went wrong, in a few words: "database or disk is full", "Permission denied"."""
    if isinstance(err, OSError) and err.strerror:
        return err.strerror
    return str(err) or type(err).__name__


@dataclass(frozen=True, slots=True)
class Entry:
    id: int
    hash: str
    title: str
    file: str
    format: str
    opened_at: float
    groups: dict[str, int]
    note: str

    @property
    def mix(self) -> str:
        """The sourcing mix at a glance: "named 10 · unnamed 7 · unsourced 2"."""
        return " · ".join(f"{k} {v}" for k, v in self.groups.items())


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Library:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.message: str | None = None
        self.writable = True
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = self._connect()
        except (sqlite3.Error, OSError) as err:
            if not is_damage(err):
                self.db = self._unwritable(err)
                return
            try:
                self.message = self._start_afresh(str(err))
                self.db = self._connect()
            except (sqlite3.Error, OSError) as again:
                self.db = self._unwritable(again)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=5)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise _Damaged("the integrity check failed")
            with db:
                db.executescript(SCHEMA)
            self._check_index(db)
        except BaseException:
            db.close()
            raise
        return db

    def _check_index(self, db: sqlite3.Connection) -> None:
        """A damaged full-text index passes ``quick_check``: check it, and rebuild it from the
        articles (which hold every word of it) when it fails."""
        try:
            with db:  # an INSERT opens a transaction: close it, whatever the check says
                db.execute(
                    "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)"
                )
        except sqlite3.DatabaseError as err:
            if not is_damage(err):
                raise
            with db:
                db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
            self.message = "The library's search index was damaged; it was rebuilt."

    def _unwritable(self, err: BaseException) -> sqlite3.Connection:
        """A library that cannot be written: read-only if it can be read, else one in memory."""
        self.writable = False
        self.message = (
            f"The library cannot be written ({reason(err)}): articles are shown but not kept "
            "until this is fixed."
        )
        if self.path.is_file():
            for uri in (f"file:{self.path}?mode=ro", f"file:{self.path}?immutable=1"):
                try:
                    db = sqlite3.connect(uri, uri=True, timeout=5)
                    db.execute("SELECT count(*) FROM articles").fetchone()
                    return db
                except sqlite3.Error:
                    continue
        db = sqlite3.connect(":memory:")
        db.executescript(SCHEMA)
        return db

    @contextmanager
    def _writing(self, what: str) -> Iterator[sqlite3.Connection]:
        """One transaction; any failure as a :class:`LibraryError` naming ``what`` failed."""
        try:
            with self.db:
                yield self.db
        except (sqlite3.Error, OSError) as err:
            raise LibraryError(f"{what} could not be kept in the library ({reason(err)}).") from err

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        try:
            yield self.db
        except (sqlite3.Error, OSError) as err:
            raise LibraryError(f"The library could not be read ({reason(err)}).") from err

    def _start_afresh(self, reason: str) -> str:
        aside = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        shutil.move(self.path, aside)
        for suffix in ("-wal", "-shm"):
            extra = self.path.with_name(self.path.name + suffix)
            if extra.exists():
                shutil.move(extra, aside.with_name(aside.name + suffix))
        rows = {table: salvage_rows(aside, table, columns) for table, columns in TABLES.items()}
        articles = [r for r in map(_article_row, rows["articles"]) if r is not None]
        rows["articles"] = articles
        fresh = self._connect()
        with fresh:
            for table, found in rows.items():
                marks = ",".join("?" * len(TABLES[table]))
                names = ", ".join(f'"{c}"' for c in TABLES[table])
                fresh.executemany(f"INSERT OR IGNORE INTO {table}({names}) VALUES ({marks})", found)
        fresh.close()
        kept = len(rows["dismissals"])
        return (
            f"The library was damaged ({reason}); it was moved to {aside.name} and a new one "
            f"started with the {len(articles)} article(s) and {kept} correction(s) that could "
            "be read."
        )

    def close(self) -> None:
        self.db.close()

    def remember(self, analysis: Analysis, file: str | None = None) -> int:
        """Store (or refresh) an analysed article; its id. The note is kept."""
        digest = text_hash(analysis.text)
        summary = json.dumps(analysis.summary.to_json(), ensure_ascii=False)
        values = (
            analysis.title or "",
            file or analysis.file or "",
            str(analysis.metadata.get("format", "")),
            time.time(),
            analysis.text,
            summary,
        )
        with self._writing("This article"):
            self.db.execute(
                "INSERT INTO articles(hash, title, file, format, opened_at, text, summary) "
                "VALUES (?,?,?,?,?,?,?) ON CONFLICT(hash) DO UPDATE SET title=excluded.title, "
                "file=excluded.file, format=excluded.format, opened_at=excluded.opened_at, "
                "summary=excluded.summary",
                (digest, *values),
            )
        with self._reading():
            row = self.db.execute("SELECT id FROM articles WHERE hash=?", (digest,)).fetchone()
        return int(row[0])

    def entries(self, query: str = "", newest_first: bool = True) -> list[Entry]:
        order = "DESC" if newest_first else "ASC"
        select = "SELECT id, hash, title, file, format, opened_at, summary, note FROM articles"
        with self._reading():
            rows = self._rows(select, order, query)
        return [_entry(row) for row in rows]

    def _rows(self, select: str, order: str, query: str) -> list[tuple[Any, ...]]:
        if query.strip():
            sql = (
                f"{select} WHERE id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
                f" ORDER BY opened_at {order}"
            )
            return self.db.execute(sql, (_fts_query(query),)).fetchall()
        return self.db.execute(f"{select} ORDER BY opened_at {order}").fetchall()

    def text(self, article_id: int) -> str | None:
        with self._reading():
            row = self.db.execute("SELECT text FROM articles WHERE id=?", (article_id,)).fetchone()
        return str(row[0]) if row else None

    def delete(self, article_id: int) -> None:
        with self._writing("The deletion"):
            self.db.execute("DELETE FROM articles WHERE id=?", (article_id,))

    def note(self, digest: str) -> str:
        with self._reading():
            row = self.db.execute("SELECT note FROM articles WHERE hash=?", (digest,)).fetchone()
        return str(row[0]) if row else ""

    def set_note(self, digest: str, note: str) -> None:
        with self._writing("The note"):
            self.db.execute("UPDATE articles SET note=? WHERE hash=?", (note, digest))

    def corrections(self, digest: str) -> list[Correction]:
        with self._reading():
            rows = self.db.execute(
                'SELECT kind, start, "end", value FROM dismissals WHERE hash=? ORDER BY created',
                (digest,),
            ).fetchall()
        return [Correction(kind, start, end, value) for kind, start, end, value in rows]

    def add_correction(self, digest: str, correction: Correction) -> None:
        """One correction per kind and place: a newer one replaces an older one."""
        with self._writing("The correction"):
            if correction.kind != NOT_A_HEDGE:  # a claim has one verdict at a time
                self.db.execute(
                    'DELETE FROM dismissals WHERE hash=? AND kind!=? AND start=? AND "end"=?',
                    (digest, NOT_A_HEDGE, correction.start, correction.end),
                )
            self.db.execute(
                "INSERT OR REPLACE INTO dismissals VALUES (?,?,?,?,?,?)",
                (
                    digest,
                    correction.kind,
                    correction.start,
                    correction.end,
                    correction.value,
                    time.time(),
                ),
            )

    def remove_correction(self, digest: str, correction: Correction) -> None:
        with self._writing("The correction"):
            self.db.execute(
                'DELETE FROM dismissals WHERE hash=? AND kind=? AND start=? AND "end"=?',
                (digest, correction.kind, correction.start, correction.end),
            )

    def record_practice(self, exercise: str, score: float, missed: dict[str, int]) -> None:
        """One attempt at an exercise: attempts, best score, date, and misses per category.
        Read and written in one immediate transaction, so two processes practising at once
        never lose each other's attempts."""
        with self._writing("The practice result"):
            self.db.execute("BEGIN IMMEDIATE")
            row = self.db.execute(
                "SELECT attempts, best, missed FROM practice WHERE exercise=?", (exercise,)
            ).fetchone()
            attempts, best, before = (row[0], row[1], json.loads(row[2])) if row else (0, 0.0, {})
            for category, n in missed.items():
                before[category] = before.get(category, 0) + n
            self.db.execute(
                "INSERT OR REPLACE INTO practice VALUES (?,?,?,?,?)",
                (exercise, attempts + 1, max(best, score), time.time(), json.dumps(before)),
            )

    def practice(self) -> list[tuple[str, int, float, float, dict[str, int]]]:
        with self._reading():
            rows = self.db.execute(
                "SELECT exercise, attempts, best, last, missed FROM practice ORDER BY exercise"
            ).fetchall()
        return [(r[0], r[1], r[2], r[3], json.loads(r[4])) for r in rows]


def _entry(row: tuple[Any, ...]) -> Entry:
    summary = json.loads(row[6] or "{}")
    return Entry(
        row[0], row[1], row[2], row[3], row[4], row[5], summary.get("by_group", {}), row[7]
    )


def _fts_query(query: str) -> str:
    """Each word as a quoted prefix term, so punctuation never breaks the FTS5 syntax."""
    words = [w.replace('"', "") for w in query.split() if w.replace('"', "")]
    return " ".join(f'"{w}"*' for w in words)


def _article_row(row: Row) -> Row | None:
    """A salvaged article with defaults for what could not be read; its hash from its text."""
    values = dict(zip(COLUMNS, row, strict=True))
    text = values["text"]
    if not isinstance(text, str):
        return None
    defaults: dict[str, Any] = {"opened_at": 0.0, "summary": "{}"}
    for column in COLUMNS:
        if values[column] is None:
            values[column] = defaults.get(column, "")
    values["hash"] = text_hash(text)
    return tuple(values[c] for c in COLUMNS)
