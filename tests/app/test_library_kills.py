"""Fifty kill -9s at random points of library writes (issue 19): the database stays sound and
every write that was committed (and said so) is there, whole, with its correction."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from readwise_desktop.app.corrections import NOT_A_HEDGE, Correction
from readwise_desktop.app.library import Library, text_hash
from tests.app.test_library import WRITER

KILLS = 50
# The same writer, numbering its rounds from argv[2], so each restart carries on.
RESUMING_WRITER = WRITER.replace("n = 0\n", "n = int(sys.argv[2])\n")


def _write_until_killed(path: Path, start: int, rounds: int, log: Path) -> list[int]:
    with (
        log.open("a", encoding="utf-8") as errors,
        subprocess.Popen(
            [sys.executable, "-c", RESUMING_WRITER, str(path), str(start)],
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
        ) as writer,
    ):
        assert writer.stdout is not None
        said = [writer.stdout.readline() for _ in range(rounds)]
        writer.send_signal(signal.SIGKILL)
        said += writer.stdout.readlines()
        assert writer.wait() == -signal.SIGKILL, log.read_text(encoding="utf-8")
    return [int(line) for line in said if line.strip()]


def test_fifty_kills_lose_no_committed_write(tmp_path: Path) -> None:
    path, log = tmp_path / "library.sqlite3", tmp_path / "writer.err"
    chance = random.Random(19)
    committed: list[int] = []
    for _ in range(KILLS):
        start = committed[-1] + 1 if committed else 0
        committed += _write_until_killed(path, start, chance.randint(1, 3), log)
    assert committed == list(range(len(committed))) and len(committed) >= KILLS
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    library = Library(path)
    assert library.message is None and not list(tmp_path.glob("*.corrupt-*"))
    by_file = {e.file: e for e in library.entries()}
    for n in committed:
        entry = by_file[f"{n}.txt"]
        assert library.text(entry.id) == f"Round {n}\n" + "The port may close. " * 2000 + "\n"
        assert library.corrections(text_hash(library.text(entry.id) or "")) == [
            Correction(NOT_A_HEDGE, n, n + 3)
        ]
    assert len(by_file) <= len(committed) + 1  # at most the round the last kill cut short
    library.close()
