"""Issue 19, point 7: colliding export names kept apart, the tables and the state file never
overwrite an export, a damaged state file reported, an unreadable file or a full disk never
aborts the batch, workers die with the parent."""

from __future__ import annotations

import contextlib
import errno
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from readwise_desktop.app.batch import tables, work
from readwise_desktop.app.batch.journal import STATE
from readwise_desktop.cli.main import main

STORY = "Officials said the ferry {} may run late.\n"


def _inbox(root: Path) -> list[Path]:
    files = {
        "a/story.txt": STORY.format("txt"),
        "a/story.md": "# Story\n\n" + STORY.format("md"),
        "b/summary.txt": STORY.format("b summary"),
        "c/summary.txt": STORY.format("c summary"),
        "d/sources.txt": STORY.format("sources"),
        "d/.readwise-batch.txt": STORY.format("state"),
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return [root / n for n in files]


def _outputs(out: Path) -> dict[str, str]:
    names = {*tables.TABLES, STATE}
    return {p.name: p.read_text(encoding="utf-8") for p in out.iterdir() if p.name not in names}


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_colliding_names_are_kept_apart(
    tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = _inbox(tmp_path / "in")
    out = tmp_path / "out"
    args = ["batch", *map(str, inputs), "--output", str(out), "--format", fmt, "--rules-only"]
    assert main(args) == 0
    exports = _outputs(out)
    assert len(exports) == len(inputs)  # one each, none overwritten
    for source in ("txt", "md", "b summary", "c summary", "sources", "state"):
        assert sum(f"ferry {source} may" in text for text in exports.values()) == 1, source
    assert (out / "summary.csv").read_text(encoding="utf-8").startswith("file,title")
    assert len(_recorded(out)) == len(inputs)  # the state, intact
    capsys.readouterr()
    assert main(args) == 0  # a rerun: everything done, every export present
    assert f"0 analysed, {len(inputs)} already done" in capsys.readouterr().err


def test_analyze_writes_one_file_per_article(tmp_path: Path) -> None:
    inputs = _inbox(tmp_path / "in")[:3]
    out = tmp_path / "out"
    assert main(["analyze", *map(str, inputs), "--output", f"{out}/", "--rules-only"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["story-md.json", "story.json", "summary.json"]


@pytest.mark.parametrize("state", ['{"half": ', "[1, 2, 3]", '{"x": {"path": 3}}', "\xff\xfe"])
def test_a_damaged_state_file_is_reported_and_the_run_goes_on(
    tmp_path: Path, state: str, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = _inbox(tmp_path / "in")[:2]
    out = tmp_path / "out"
    out.mkdir()
    (out / STATE).write_bytes(state.encode("latin-1"))
    assert main(["batch", *map(str, inputs), "--output", str(out), "--rules-only"]) == 0
    err = capsys.readouterr().err
    assert "state file" in err and "is damaged" in err and "Traceback" not in err
    assert "2 analysed" in err and (out / "summary.csv").is_file()
    assert (out / f"{STATE}.damaged").read_bytes() == state.encode("latin-1")


def test_an_unreadable_file_and_a_full_disk_skip_one_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = _inbox(tmp_path / "in")[:4]
    out = tmp_path / "out"
    real_digest, real_write = work.digest_of, work.write_atomic

    def digest(path: Path) -> str:
        if path.name == "story.md":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_digest(path)

    def write(path: str | Path, data: str | bytes, encoding: str = "utf-8") -> None:
        if "summary" in Path(path).name and Path(path).suffix == ".html":
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real_write(path, data, encoding)

    monkeypatch.setattr(work, "digest_of", digest)
    monkeypatch.setattr(work, "write_atomic", write)
    assert main(["batch", *map(str, inputs), "--output", str(out), "--rules-only"]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err and "Permission denied" in err
    assert err.count("No space left on device") == 2
    assert "1 analysed, 0 already done, 3 skipped" in err
    assert [p.name for p in out.glob("*.html")] == ["in__a__story.html"]
    assert not list(out.glob(".*.part"))


def test_a_full_disk_for_the_tables_is_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = _inbox(tmp_path / "in")[:1]

    def full(path: Path) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(tables, "_temporary", full)
    assert main(["batch", *map(str, inputs), "--output", str(tmp_path / "o"), "--rules-only"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "summary.csv, sources.csv" in err and "No space" in err


def _recorded(out: Path) -> set[str]:
    """The paths the journal holds whole lines for (a torn last line is not a record)."""
    data = (out / STATE).read_bytes() if (out / STATE).exists() else b""
    return {json.loads(line)["path"] for line in data.split(b"\n")[:-1] if line.strip()}


def _children(pid: int) -> set[int]:
    """Every process below ``pid``: Dask's nannies and the worker processes they start (a
    worker still writing when only its nanny was waited for left a .part file to the sweep)."""
    found: set[int] = set()
    with contextlib.suppress(FileNotFoundError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            found |= {int(c) for c in (task / "children").read_text().split()}
    for child in list(found):
        found |= _children(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_with_the_parent(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    for n in range(40):
        (inbox / f"s{n}.txt").write_text(STORY.format(n) * 300, encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "readwise_desktop", "batch", str(inbox), "--output"]
    with subprocess.Popen(
        [*command, str(out), "--jobs", "2", "--rules-only"],
        stderr=subprocess.PIPE,
        text=True,
    ) as parent:
        assert parent.stderr is not None
        parent.stderr.readline()  # the first article is done: the workers are at work
        workers = _children(parent.pid)
        assert len(workers) >= 2
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 30
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)  # polling for the workers' end, bounded
    assert not any(map(_alive, workers))
    recorded = _recorded(out)
    # Exports the workers finished ahead of the parent's in-order recording are not in the
    # state file: the rerun below analyses them again (and counts them), so none is lost.
    done = subprocess.run(
        [*command, str(out), "--rules-only"], capture_output=True, text=True, check=True
    )
    assert f"{40 - len(recorded)} analysed, {len(recorded)} already done" in done.stderr
    assert len(list(out.glob("*.html"))) == 40
    assert not list(out.glob(".*.part"))  # the killed writes' leftovers swept


def test_fifty_kills_of_a_batch_lose_and_redo_nothing(tmp_path: Path) -> None:
    """Killed 50 times at random points, each run carries on where the last stopped."""
    import random

    inbox = tmp_path / "in"
    inbox.mkdir()
    for n in range(120):
        (inbox / f"s{n:03}.txt").write_text(STORY.format(n), encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "readwise_desktop", "batch", str(inbox), "--output"]
    chance, done_before = random.Random(19), 0
    for _ in range(50):
        with subprocess.Popen(
            [*command, str(out), "--rules-only"], stderr=subprocess.PIPE, text=True
        ) as run:
            assert run.stderr is not None
            for _ in range(chance.randint(1, 2)):
                run.stderr.readline()
            run.send_signal(signal.SIGKILL)
            run.wait()
        recorded = _recorded(out)
        assert len(recorded) >= done_before  # nothing recorded is ever lost
        done_before = len(recorded)
    final = subprocess.run(
        [*command, str(out), "--rules-only"], capture_output=True, text=True, check=True
    )
    assert f"{120 - done_before} analysed, {done_before} already done" in final.stderr
    assert len(list(out.glob("s*.html"))) == 120
    assert not list(out.glob(".*.part"))
