"""The library: every article the reader opened, kept in SQLite with full-text search (FTS5).

Each article is stored once, by a hash of its text: text, metadata, the analysis summary, the
reader's note and corrections (kept in the table ``dismissals``, its name since the first
version). Writes are transactions in WAL mode, so a crash mid-write loses at most that write.
A database that fails its integrity check is moved aside (``*.corrupt-<time>``), a fresh one is
started, and every row that can still be read from the old one is copied over.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readwise_desktop.app.corrections import NOT_A_HEDGE, Correction
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
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = self._connect()
        except sqlite3.DatabaseError as err:
            self.message = self._start_afresh(str(err))
            self.db = self._connect()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=5)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("the integrity check failed")
            with db:
                db.executescript(SCHEMA)
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _start_afresh(self, reason: str) -> str:
        aside = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        shutil.move(self.path, aside)
        for suffix in ("-wal", "-shm"):
            extra = self.path.with_name(self.path.name + suffix)
            if extra.exists():
                shutil.move(extra, aside.with_name(aside.name + suffix))
        rows = _salvage(aside)
        fresh = self._connect()
        with fresh:
            fresh.executemany(
                f"INSERT OR IGNORE INTO articles({', '.join(COLUMNS)}) VALUES (?,?,?,?,?,?,?,?)",
                rows,
            )
        fresh.close()
        return (
            f"The library was damaged ({reason}); it was moved to {aside.name} and a new one "
            f"started with the {len(rows)} article(s) that could be read."
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
        with self.db:
            self.db.execute(
                "INSERT INTO articles(hash, title, file, format, opened_at, text, summary) "
                "VALUES (?,?,?,?,?,?,?) ON CONFLICT(hash) DO UPDATE SET title=excluded.title, "
                "file=excluded.file, format=excluded.format, opened_at=excluded.opened_at, "
                "summary=excluded.summary",
                (digest, *values),
            )
        row = self.db.execute("SELECT id FROM articles WHERE hash=?", (digest,)).fetchone()
        return int(row[0])

    def entries(self, query: str = "", newest_first: bool = True) -> list[Entry]:
        order = "DESC" if newest_first else "ASC"
        select = "SELECT id, hash, title, file, format, opened_at, summary, note FROM articles"
        if query.strip():
            sql = (
                f"{select} WHERE id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
                f" ORDER BY opened_at {order}"
            )
            rows = self.db.execute(sql, (_fts_query(query),)).fetchall()
        else:
            rows = self.db.execute(f"{select} ORDER BY opened_at {order}").fetchall()
        return [_entry(row) for row in rows]

    def text(self, article_id: int) -> str | None:
        row = self.db.execute("SELECT text FROM articles WHERE id=?", (article_id,)).fetchone()
        return str(row[0]) if row else None

    def delete(self, article_id: int) -> None:
        with self.db:
            self.db.execute("DELETE FROM articles WHERE id=?", (article_id,))

    def note(self, digest: str) -> str:
        row = self.db.execute("SELECT note FROM articles WHERE hash=?", (digest,)).fetchone()
        return str(row[0]) if row else ""

    def set_note(self, digest: str, note: str) -> None:
        with self.db:
            self.db.execute("UPDATE articles SET note=? WHERE hash=?", (note, digest))

    def corrections(self, digest: str) -> list[Correction]:
        rows = self.db.execute(
            'SELECT kind, start, "end", value FROM dismissals WHERE hash=? ORDER BY created',
            (digest,),
        ).fetchall()
        return [Correction(kind, start, end, value) for kind, start, end, value in rows]

    def add_correction(self, digest: str, correction: Correction) -> None:
        """One correction per kind and place: a newer one replaces an older one."""
        with self.db:
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
        with self.db:
            self.db.execute(
                'DELETE FROM dismissals WHERE hash=? AND kind=? AND start=? AND "end"=?',
                (digest, correction.kind, correction.start, correction.end),
            )

    def record_practice(self, exercise: str, score: float, missed: dict[str, int]) -> None:
        """One attempt at an exercise: attempts, best score, date, and misses per category."""
        row = self.db.execute(
            "SELECT attempts, best, missed FROM practice WHERE exercise=?", (exercise,)
        ).fetchone()
        attempts, best, before = (row[0], row[1], json.loads(row[2])) if row else (0, 0.0, {})
        for category, n in missed.items():
            before[category] = before.get(category, 0) + n
        with self.db:
            self.db.execute(
                "INSERT OR REPLACE INTO practice VALUES (?,?,?,?,?)",
                (exercise, attempts + 1, max(best, score), time.time(), json.dumps(before)),
            )

    def practice(self) -> list[tuple[str, int, float, float, dict[str, int]]]:
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


def _salvage(path: Path) -> list[tuple[Any, ...]]:
    """Every article row that can still be read from a damaged database."""
    rows: list[tuple[Any, ...]] = []
    try:
        old = sqlite3.connect(path)
        cursor = old.execute(f"SELECT {', '.join(COLUMNS)} FROM articles")
        while True:
            try:
                row = cursor.fetchone()
            except sqlite3.DatabaseError:
                break
            if row is None:
                break
            rows.append(row)
        old.close()
    except sqlite3.DatabaseError:
        pass
    return rows
