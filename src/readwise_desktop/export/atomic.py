"""Atomic writes: a temporary file beside the target, flushed to disk, then renamed over it.

An interrupted export never leaves a half-written file under the final name. The file gets the
target's own permissions, or what the umask allows a new file (not ``mkstemp``'s 0600). The
temporary name holds the writer's process id (``.NAME.<pid>.XXXX.part``), so a writer killed
mid-write (kill -9 runs no cleanup) has its leftover removed by the next write to that target.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_atomic(path: str | Path, data: str | bytes, encoding: str = "utf-8") -> None:
    target = Path(path)
    payload = data.encode(encoding) if isinstance(data, str) else data
    mode = _mode_for(target)
    _sweep(target)
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{target.name}.{os.getpid()}.", suffix=".part", dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as temp:
            os.fchmod(temp.fileno(), mode)
            temp.write(payload)
            temp.flush()
            os.fsync(temp.fileno())
        Path(temp_name).replace(target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    """The target's own permissions, or what the umask allows a new file."""
    if target.exists():
        return target.stat().st_mode & 0o777
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _sweep(target: Path) -> None:
    """Remove the temporary files of writers of ``target`` that died before renaming them."""
    _remove_dead(target.parent.glob(f".{_glob_escape(target.name)}.*.part"))


def sweep_folder(folder: Path) -> None:
    """Remove every dead writer's temporary file in ``folder``: a batch resumed after a kill
    does not write again the files it had finished, so their leftovers go here."""
    _remove_dead(folder.glob(".*.*.part"))


def _remove_dead(leftovers: Iterable[Path]) -> None:
    with contextlib.suppress(OSError):
        for leftover in leftovers:
            pid = leftover.name[: -len(".part")].rsplit(".", 2)[-2]
            if pid.isdigit() and not _alive(int(pid)):
                leftover.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)
