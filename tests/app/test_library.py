"""The library: stored once per text, searched with FTS5, notes, crash-safe, corruption handled."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from readwise_desktop.app.corrections import NOT_A_HEDGE, Correction
from readwise_desktop.app.library import Library, text_hash
from readwise_desktop.engine.analyze import analyze_text
from readwise_desktop.engine.pipeline import LoadedPipeline

STRIKE = "Strike spreads\nOfficials said the port may close. Critics say talks failed.\n"
FERRY = "Ferry late again\nThe ferry was late, passengers said.\n"


def test_remember_search_note_delete(tmp_path: Path, rules_only: LoadedPipeline) -> None:
    library = Library(tmp_path / "library.sqlite3")
    first = library.remember(analyze_text(rules_only, STRIKE), file="strike.txt")
    second = library.remember(analyze_text(rules_only, FERRY))
    again = library.remember(analyze_text(rules_only, STRIKE), file="strike.txt")
    assert first == again != second
    entries = library.entries()
    assert [e.title for e in entries] == ["Strike spreads", "Ferry late again"]  # newest first
    assert entries[0].mix == "named 0 · unnamed 2 · unsourced 0"
    assert [e.title for e in library.entries("officials")] == ["Strike spreads"]
    assert [e.title for e in library.entries('passeng "')] == ["Ferry late again"]
    library.set_note(text_hash(analyze_text(rules_only, FERRY).text), "check the timetable")
    assert [e.title for e in library.entries("timetable")] == ["Ferry late again"]
    library.delete(second)
    assert [e.title for e in library.entries()] == ["Strike spreads"]
    assert library.text(first) == STRIKE
    library.close()


# A writer that goes through our Library: each round stores an article, then a correction of
# it, and says so on stdout once both are committed. The analyses are built directly (no model).
WRITER = r"""
import sys
from pathlib import Path
from readwise_desktop.app.corrections import NOT_A_HEDGE, Correction
from readwise_desktop.app.library import Library, text_hash
from readwise_desktop.engine.results import Analysis, Layout, Summary

library = Library(Path(sys.argv[1]))
summary = Summary(1, {"UNSOURCED": 1}, {"named": 0, "unnamed": 0, "unsourced": 1}, {}, ())
n = 0
while True:
    text = f"Round {n}\n" + "The port may close. " * 2000 + "\n"
    analysis = Analysis(text, "test", True, Layout(), (), (), (), summary, file=f"{n}.txt")
    library.remember(analysis)
    library.add_correction(text_hash(text), Correction(NOT_A_HEDGE, n, n + 3))
    print(n, flush=True)
    n += 1
"""
ROUNDS_BEFORE_THE_KILL = 20


def test_a_killed_writer_leaves_a_sound_library(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    log = tmp_path / "writer.err"
    with (
        log.open("w", encoding="utf-8") as errors,
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path)],
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
        ) as writer,
    ):
        assert writer.stdout is not None
        reported = [writer.stdout.readline() for _ in range(ROUNDS_BEFORE_THE_KILL)]
        writer.send_signal(signal.SIGKILL)  # while it writes a later round
        reported += writer.stdout.readlines()  # what it said before it died
        assert writer.wait() == -signal.SIGKILL, log.read_text(encoding="utf-8")
    done = [int(line) for line in reported]
    assert done == list(range(len(done))) and len(done) >= ROUNDS_BEFORE_THE_KILL
    library = Library(path)
    assert library.message is None  # no damage found, nothing moved aside
    assert not list(tmp_path.glob("library.sqlite3.corrupt-*"))
    entries = sorted(library.entries(), key=lambda e: e.id)  # in the order written
    # every round reported is there, and at most the one it was writing besides
    assert len(entries) in (len(done), len(done) + 1)
    uncorrected = []
    for n, entry in enumerate(entries):
        assert entry.file == f"{n}.txt" and entry.groups["unsourced"] == 1
        text = library.text(entry.id)
        assert text == f"Round {n}\n" + "The port may close. " * 2000 + "\n"
        assert entry.hash == text_hash(text)
        corrections = library.corrections(entry.hash)
        assert corrections in ([Correction(NOT_A_HEDGE, n, n + 3)], [])
        uncorrected += [n] if not corrections else []
    # the correction is a write of its own: only the round cut short may lack it
    assert uncorrected in ([], [len(done)])
    library.close()


def test_a_corrupt_library_is_moved_aside_and_a_fresh_one_started(
    tmp_path: Path, rules_only: LoadedPipeline
) -> None:
    path = tmp_path / "library.sqlite3"
    library = Library(path)
    library.remember(analyze_text(rules_only, STRIKE))
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
