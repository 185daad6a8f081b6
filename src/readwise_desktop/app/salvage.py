"""Rows read back from a damaged SQLite file, one at a time, so one bad page costs only the rows
on it (the spirit of the ``sqlite3`` shell's ``.recover``).

A table scan stops at the first damaged page; here every rowid up to the highest one any path
still reaches (the scan, ``max(rowid)``, each index) is looked up on its own, and a row whose
whole record cannot be read is read column by column (an unreadable value is ``None``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

Row = tuple[Any, ...]
MAX_ROWID_GAP = 100_000  # rowids looked up between those seen, beyond their count, at most


def salvage_rows(path: Path, table: str, columns: Sequence[str]) -> list[Row]:
    """Every row of ``table`` SQLite can still read from the damaged file at ``path``."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return []
    try:
        return list(_rows(db, table, columns))
    finally:
        db.close()


def _rows(db: sqlite3.Connection, table: str, columns: Sequence[str]) -> Iterator[Row]:
    names = ", ".join(f'"{c}"' for c in columns)
    seen = _rowids(db, table)
    dense = range(1, min(max(seen, default=0), len(seen) + MAX_ROWID_GAP) + 1)
    for rowid in sorted(seen.union(dense)):
        row = _row(db, f'SELECT {names} FROM "{table}" WHERE rowid=?', rowid)
        if row is None:
            row = tuple(
                _value(db, f'SELECT "{c}" FROM "{table}" WHERE rowid=?', rowid) for c in columns
            )
            if all(v is None for v in row):
                continue
        yield row


def _rowids(db: sqlite3.Connection, table: str) -> set[int]:
    """The rowids reachable by a scan (until it fails), ``max(rowid)`` and each index."""
    found: set[int] = set()
    queries = [f'SELECT rowid FROM "{table}"', f'SELECT max(rowid) FROM "{table}"']
    try:
        indexes = db.execute(
            "SELECT name FROM sqlite_master WHERE type='index' AND tbl_name=?", (table,)
        ).fetchall()
    except sqlite3.Error:
        indexes = []
    for (index,) in indexes:
        try:
            first = db.execute(f'PRAGMA index_info("{index}")').fetchone()[2]
        except (sqlite3.Error, TypeError):
            continue
        queries.append(f'SELECT rowid FROM "{table}" INDEXED BY "{index}" ORDER BY "{first}"')
    for query in queries:
        try:
            cursor = db.execute(query)
            while (row := cursor.fetchone()) is not None:
                if isinstance(row[0], int):
                    found.add(row[0])
        except sqlite3.Error:
            continue
    return found


def _row(db: sqlite3.Connection, query: str, rowid: int) -> Row | None:
    try:
        row = db.execute(query, (rowid,)).fetchone()
    except sqlite3.Error:
        return None
    return tuple(row) if row is not None else None


def _value(db: sqlite3.Connection, query: str, rowid: int) -> Any:
    try:
        row = db.execute(query, (rowid,)).fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row is not None else None
