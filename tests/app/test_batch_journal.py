"""The batch journal (issue 20): one line per finished file, appended, fsynced in small groups,
a torn last line dropped, a damaged journal set aside, superseded lines compacted away."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from readwise_desktop.app.batch import journal as journal_module
from readwise_desktop.app.batch.journal import STATE, Journal


def record(path: str, digest: str = "d1") -> dict[str, Any]:
    article = {
        "row": {"file": path},
        "sources": [],
        "article": {},
        "claims": [],
        "attributions": [],
    }
    return {"path": path, "output": f"/out/{Path(path).stem}.html", "digest": digest,
            "size": 10, "mtime_ns": 1, "articles": [article]}  # fmt: skip


def test_lines_are_appended_never_rewritten(tmp_path: Path) -> None:
    state = tmp_path / STATE
    journal, warning = Journal.open(state)
    assert warning is None and journal.entries == {}
    journal.append(record("a.txt"))
    journal.append(record("b.txt"))
    journal.sync()
    before = state.read_bytes()
    journal.append(record("c.txt"))
    journal.close()
    after = state.read_bytes()
    assert after.startswith(before) and after.count(b"\n") == 3
    again, _ = Journal.open(state)
    assert sorted(again.entries) == ["a.txt", "b.txt", "c.txt"]
    assert [r["path"] for r in again.records()] == ["a.txt", "b.txt", "c.txt"]
    assert again.record("b.txt")["articles"][0]["row"] == {"file": "b.txt"}


def test_fsync_comes_in_small_groups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = os.fsync
    monkeypatch.setattr(journal_module.os, "fsync", lambda fd: calls.append(fd) or real(fd))
    monkeypatch.setattr(journal_module, "SYNC_SECONDS", 3600.0)
    journal, _ = Journal.open(tmp_path / STATE)
    for n in range(40):
        journal.append(record(f"{n}.txt"))
    assert len(calls) == 40 // journal_module.SYNC_LINES
    journal.close()
    assert len(calls) == 40 // journal_module.SYNC_LINES + 1  # the rest, on close


def test_a_torn_last_line_is_dropped_and_cut_off(tmp_path: Path) -> None:
    state = tmp_path / STATE
    journal, _ = Journal.open(state)
    journal.append(record("a.txt"))
    journal.append(record("b.txt"))
    journal.close()
    whole = state.read_bytes()
    state.write_bytes(whole + b'{"path": "c.txt", "output": "/out/c.h')  # killed mid-write
    again, warning = Journal.open(state)
    assert warning is None and sorted(again.entries) == ["a.txt", "b.txt"]
    assert state.read_bytes() == whole
    again.append(record("c.txt"))
    again.close()
    assert sorted(Journal.open(state)[0].entries) == ["a.txt", "b.txt", "c.txt"]


def test_a_damaged_journal_is_set_aside(tmp_path: Path) -> None:
    state = tmp_path / STATE
    journal, _ = Journal.open(state)
    journal.append(record("a.txt"))
    journal.close()
    damaged = state.read_bytes() + b"not a record\n" + state.read_bytes()
    state.write_bytes(damaged)
    again, warning = Journal.open(state)
    assert warning is not None and "is damaged" in warning and "line 2" in warning
    assert again.entries == {} and not state.exists()
    assert (tmp_path / f"{STATE}.damaged").read_bytes() == damaged


def test_a_file_done_again_supersedes_its_line(tmp_path: Path) -> None:
    state = tmp_path / STATE
    journal, _ = Journal.open(state)
    journal.append(record("a.txt", "old"))
    journal.append(record("b.txt"))
    journal.append(record("a.txt", "new"))
    journal.close()
    again, _ = Journal.open(state)  # compacted on opening
    assert again.entries["a.txt"].digest == "new"
    assert state.read_bytes().count(b"\n") == 2
    assert [r["digest"] for r in again.records()] == ["new", "d1"]
