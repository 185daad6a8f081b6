"""The library: stored once per text, searched with FTS5, notes, crash-safe, corruption handled."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from readwise_desktop.app.library import Library, text_hash
from readwise_desktop.engine.analyze import analyze_text
from readwise_desktop.engine.pipeline import LoadedPipeline

STRIKE = "Strike spreads\nOfficials said the port may close. Critics say talks failed.\n"
FERRY = "Ferry late again\nThe ferry was late, passengers said.\n"


def test_remember_search_note_delete(tmp_path: Path, pipeline: LoadedPipeline) -> None:
    library = Library(tmp_path / "library.sqlite3")
    first = library.remember(analyze_text(pipeline, STRIKE), file="strike.txt")
    second = library.remember(analyze_text(pipeline, FERRY))
    again = library.remember(analyze_text(pipeline, STRIKE), file="strike.txt")
    assert first == again != second
    entries = library.entries()
    assert [e.title for e in entries] == ["Strike spreads", "Ferry late again"]  # newest first
    assert entries[0].mix == "named 0 · unnamed 2 · unsourced 0"
    assert [e.title for e in library.entries("officials")] == ["Strike spreads"]
    assert [e.title for e in library.entries('passeng "')] == ["Ferry late again"]
    library.set_note(text_hash(analyze_text(pipeline, FERRY).text), "check the timetable")
    assert [e.title for e in library.entries("timetable")] == ["Ferry late again"]
    library.delete(second)
    assert [e.title for e in library.entries()] == ["Strike spreads"]
    assert library.text(first) == STRIKE
    library.close()


WRITER = r"""
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], timeout=5)
db.execute("PRAGMA journal_mode=WAL")
db.execute("CREATE TABLE IF NOT EXISTS t(n INTEGER, pad TEXT)")
n = 0
while True:
    with db:
        for _ in range(200):
            db.execute("INSERT INTO t VALUES (?, ?)", (n, "x" * 500))
    n += 1
    print(n, flush=True)
"""


def test_a_killed_writer_leaves_a_sound_database(tmp_path: Path) -> None:
    path = tmp_path / "crash.sqlite3"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None
    while int(writer.stdout.readline() or 0) < 5:
        pass
    time.sleep(0.05)  # in the middle of a later transaction
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    count = db.execute("SELECT count(*) FROM t").fetchone()[0]
    assert count % 200 == 0 and count >= 1000  # whole transactions only
    db.close()


def test_a_corrupt_library_is_moved_aside_and_a_fresh_one_started(
    tmp_path: Path, pipeline: LoadedPipeline
) -> None:
    path = tmp_path / "library.sqlite3"
    library = Library(path)
    library.remember(analyze_text(pipeline, STRIKE))
    library.close()
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the first page after the header
    path.write_bytes(bytes(data))
    again = Library(path)
    assert again.message is not None and "moved to library.sqlite3.corrupt-" in again.message
    assert list(tmp_path.glob("library.sqlite3.corrupt-*"))
    assert isinstance(again.entries(), list)  # a working, fresh library
    again.close()


def test_garbage_instead_of_a_database(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    library = Library(path)
    assert library.message and "new one started with the 0 article(s)" in library.message
    assert library.entries() == []
    library.close()
