"""Issue 19, point 7: atomic writes keep the umask or the file's own mode, never leave a broken
file under the final name on a full disk, and sweep the leftovers of killed writers."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from readwise_desktop.export import atomic
from readwise_desktop.export.atomic import write_atomic


@pytest.fixture()
def umask() -> Iterator[None]:
    old = os.umask(0o027)
    yield
    os.umask(old)


def test_a_new_file_gets_what_the_umask_allows(tmp_path: Path, umask: None) -> None:
    write_atomic(tmp_path / "new.html", "x")
    assert (tmp_path / "new.html").stat().st_mode & 0o777 == 0o640


def test_an_existing_file_keeps_its_mode(tmp_path: Path, umask: None) -> None:
    target = tmp_path / "shared.html"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o664)
    write_atomic(target, "new")
    assert target.stat().st_mode & 0o777 == 0o664 and target.read_text("utf-8") == "new"


def test_a_full_disk_leaves_the_old_file_and_no_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.html"
    target.write_text("the old report", encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, "a new report " * 1000)
    assert target.read_text(encoding="utf-8") == "the old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


KILLED_WRITER = """
import os, sys
from readwise_desktop.export import atomic
def stuck(fd):
    print("writing", flush=True)
    sys.stdin.read()  # wait here until killed
atomic.os.fsync = stuck
atomic.write_atomic(sys.argv[1], "half")
"""


def test_a_killed_writers_part_file_is_swept_by_the_next_write(tmp_path: Path) -> None:
    target = tmp_path / "story.html"
    with subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as writer:
        assert writer.stdout is not None and writer.stdout.readline() == "writing\n"
        writer.kill()  # kill -9 in mid-write: no cleanup runs
        writer.wait()
    assert len(list(tmp_path.glob(".story.html.*.part"))) == 1 and not target.exists()
    write_atomic(target, "whole")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.html"]


def test_a_live_writers_part_file_is_left_alone(tmp_path: Path) -> None:
    other = tmp_path / f".story.html.{os.getppid()}.abcd.part"  # the parent is alive
    other.write_text("in progress", encoding="utf-8")
    write_atomic(tmp_path / "story.html", "whole")
    assert other.is_file()


def test_a_folder_sweep_takes_every_dead_writers_part_and_no_live_ones(tmp_path: Path) -> None:
    """A resumed batch sweeps its folder: a killed writer of a file it will not write again."""
    with subprocess.Popen([sys.executable, "-c", "pass"]) as gone:
        gone.wait()
    dead = tmp_path / f".s0.v2.html.{gone.pid}.abcd_1.part"
    live = tmp_path / f".s1.html.{os.getppid()}.abcd.part"
    for part in (dead, live):
        part.write_text("half", encoding="utf-8")
    (tmp_path / "s0.v2.html").write_text("whole", encoding="utf-8")
    atomic.sweep_folder(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["s0.v2.html", live.name])
