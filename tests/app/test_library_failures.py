"""Issue 19, point 6: a library that cannot be written is no damage and never hides an article;
a damaged search index is found at open; practice from two processes loses nothing; salvage
keeps every row SQLite can still read, corrections included."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from readwise_desktop.app import library as library_module
from readwise_desktop.app.corrections import NOT_A_HEDGE, Correction
from readwise_desktop.app.library import Library, LibraryError
from readwise_desktop.engine.analyze import analyze_text
from readwise_desktop.engine.pipeline import LoadedPipeline
from readwise_desktop.engine.results import Analysis

STRIKE = "Strike spreads\nOfficials said the port may close. Critics say talks failed.\n"


@cache
def _article(pipeline: LoadedPipeline, n: int, words: int = 60) -> Analysis:
    body = " ".join(f"word{n}x{i}" for i in range(words))
    return analyze_text(pipeline, f"Story {n}\nOfficials said {body}.\n")


def _readonly_connect(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every connection read-only, as on a read-only home (root ignores chmod)."""
    real = sqlite3.connect

    def connect(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if str(database).startswith(("file:", ":memory:")):
            return real(database, *args, **kwargs)
        kwargs.pop("uri", None)
        return real(f"file:{database}?mode=ro", *args, uri=True, **kwargs)

    monkeypatch.setattr(library_module.sqlite3, "connect", connect)


def test_a_read_only_library_is_no_damage(
    tmp_path: Path, rules_only: LoadedPipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "library.sqlite3"
    healthy = Library(path)
    healthy.remember(analyze_text(rules_only, STRIKE))
    healthy.close()
    _readonly_connect(monkeypatch)
    library = Library(path)
    assert not library.writable and library.message is not None
    assert "cannot be written" in library.message and "damaged" not in library.message
    assert not list(tmp_path.glob("*.corrupt-*")) and path.is_file()
    assert [e.title for e in library.entries()] == ["Strike spreads"]  # still searchable
    with pytest.raises(LibraryError, match="could not be kept in the library"):
        library.remember(_article(rules_only, 1))
    library.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_a_read_only_home_folder(tmp_path: Path, rules_only: LoadedPipeline) -> None:
    home = tmp_path / "home"
    home.mkdir()
    Library(home / "library.sqlite3").close()
    home.chmod(0o555)
    try:
        library = Library(home / "library.sqlite3")
        assert library.message and "cannot be written" in library.message
        with pytest.raises(LibraryError):
            library.remember(_article(rules_only, 1))
        assert not list(home.glob("*.corrupt-*"))
    finally:
        home.chmod(0o755)


def _full_connect(monkeypatch: pytest.MonkeyPatch) -> None:
    """A disk with no room left: SQLite may not grow the file by one page."""
    real = sqlite3.connect

    def connect(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        db = real(database, *args, **kwargs)
        if database == ":memory:":
            return db
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count={max(pages, 1)}")
        return db

    monkeypatch.setattr(library_module.sqlite3, "connect", connect)


def test_a_full_disk_leaves_no_corrupt_file(
    tmp_path: Path, rules_only: LoadedPipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    _full_connect(monkeypatch)
    library = Library(tmp_path / "library.sqlite3")  # a new library on a full disk
    assert library.message and "full" in library.message
    assert not list(tmp_path.glob("*.corrupt-*")) and not library.writable
    library.remember(_article(rules_only, 1, words=30))  # kept for this session, in memory
    assert [e.title for e in library.entries()] == ["Story 1"]
    library.close()


def test_a_full_disk_while_writing(tmp_path: Path, rules_only: LoadedPipeline) -> None:
    library = Library(tmp_path / "library.sqlite3")
    library.remember(analyze_text(rules_only, STRIKE))
    pages = library.db.execute("PRAGMA page_count").fetchone()[0]
    library.db.execute(f"PRAGMA max_page_count={pages}")
    with pytest.raises(LibraryError, match=r"This article could not be kept.*full") as caught:
        library.remember(_article(rules_only, 2, words=3000))
    assert "\n" not in str(caught.value)
    assert [e.title for e in library.entries()] == ["Strike spreads"]  # the rest is intact
    library.close()


def test_a_lock_held_too_long_is_a_library_error(
    tmp_path: Path, rules_only: LoadedPipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "library.sqlite3"
    library = Library(path)
    library.db.execute("PRAGMA busy_timeout=50")  # not 5 s in a test
    other = sqlite3.connect(path)
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        with pytest.raises(LibraryError, match="locked"):
            library.remember(_article(rules_only, 3))
    finally:
        other.rollback()
        other.close()
    library.remember(_article(rules_only, 3))  # and works once the lock is released
    library.close()


def test_a_damaged_search_index_is_found_at_open_and_rebuilt(
    tmp_path: Path, rules_only: LoadedPipeline
) -> None:
    path = tmp_path / "library.sqlite3"
    library = Library(path)
    for n in range(30):
        library.remember(_article(rules_only, n))
    library.close()
    db = sqlite3.connect(path)
    with db:
        blocks = db.execute("SELECT id, length(block) FROM articles_fts_data WHERE id > 10")
        db.executemany(
            "UPDATE articles_fts_data SET block=? WHERE id=?",
            [(b"\xff" * size, block) for block, size in blocks.fetchall()],
        )
    db.close()
    with pytest.raises(sqlite3.DatabaseError):  # what every search met before
        probe = sqlite3.connect(path)
        try:
            probe.execute(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'word7x3'"
            ).fetchall()
        finally:
            probe.close()
    again = Library(path)
    assert again.message == "The library's search index was damaged; it was rebuilt."
    assert [e.title for e in again.entries("word7x3")] == ["Story 7"]
    assert len(again.entries()) == 30
    again.close()


PRACTISER = """
import sys
from pathlib import Path
from readwise_desktop.app.library import Library
library = Library(Path(sys.argv[1]))
for n in range(int(sys.argv[2])):
    library.record_practice("hedges-1", n / 1000, {"MODAL": 1})
library.close()
"""


def test_two_processes_practising_lose_no_attempt(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    Library(path).close()
    rounds = 300
    runs = [
        subprocess.Popen([sys.executable, "-c", PRACTISER, str(path), str(rounds)])
        for _ in range(2)
    ]
    assert [run.wait(timeout=120) for run in runs] == [0, 0]
    library = Library(path)
    [(exercise, attempts, best, _, missed)] = library.practice()
    assert exercise == "hedges-1" and attempts == 2 * rounds and missed == {"MODAL": 2 * rounds}
    assert best == pytest.approx((rounds - 1) / 1000)
    library.close()


def _page_of_rowid(path: Path, rowid: int) -> int:
    """The leaf page that holds an article, from SQLite's dbstat table."""
    db = sqlite3.connect(path)
    try:
        pages = db.execute(
            "SELECT pageno FROM dbstat WHERE name='articles' AND pagetype='leaf' ORDER BY pageno"
        ).fetchall()
        ids = db.execute("SELECT id FROM articles ORDER BY id").fetchall()
        per_page = len(ids) / len(pages)
        return int(pages[min(int((rowid - 1) / per_page), len(pages) - 1)][0])
    finally:
        db.close()


def test_salvage_keeps_every_readable_row_with_its_corrections(
    tmp_path: Path, rules_only: LoadedPipeline
) -> None:
    path = tmp_path / "library.sqlite3"
    library = Library(path)
    total = 199
    for n in range(total):
        analysis = _article(rules_only, n, words=40)
        library.remember(analysis)
        library.add_correction(
            library_module.text_hash(analysis.text), Correction(NOT_A_HEDGE, n, n + 3)
        )
    library.record_practice("hedges-1", 0.5, {"MODAL": 1})
    library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    library.close()
    page_size = 4096
    wrecked = _page_of_rowid(path, 100)  # a leaf in the middle of the articles
    data = bytearray(path.read_bytes())
    data[(wrecked - 1) * page_size : wrecked * page_size] = b"\xa5" * page_size
    path.write_bytes(bytes(data))
    lost_ids = set()
    probe = sqlite3.connect(path)
    for n in range(1, total + 1):
        try:
            probe.execute("SELECT text FROM articles WHERE id=?", (n,)).fetchone()
        except sqlite3.DatabaseError:
            lost_ids.add(n)
    probe.close()
    again = Library(path)
    assert again.message and "moved to library.sqlite3.corrupt-" in again.message
    kept = again.entries()
    # every article but those on the one wrecked page (a few), with their corrections
    assert total - 8 <= len(kept) < total
    for entry in kept:
        n = int(entry.title.split()[1])
        assert again.corrections(entry.hash) == [Correction(NOT_A_HEDGE, n, n + 3)]
        assert again.text(entry.id) == _article(rules_only, n, words=40).text
    assert again.practice()[0][:2] == ("hedges-1", 1)
    assert f"{len(kept)} article(s)" in again.message
    again.close()
