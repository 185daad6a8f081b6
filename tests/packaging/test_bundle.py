"""The PyInstaller bundle runs alone: no Python on the path, no network, nothing installed.

Marked ``packaging`` (not in the normal run: building takes minutes). Run by
``bash packaging/check_bundle.sh``, which builds the bundle and points READWISE_BUNDLE at it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "src" / "readwise_desktop" / "data" / "samples" / "harbour_strike.txt"
pytestmark = pytest.mark.packaging


@pytest.fixture(scope="module")
def bundle() -> Path:
    folder = os.environ.get("READWISE_BUNDLE")
    if not folder:
        pytest.skip("set READWISE_BUNDLE to a built bundle (packaging/check_bundle.sh does)")
    path = Path(folder) / "readwise-desktop"
    assert path.is_file(), f"no executable in {folder}"
    return path


def isolated(tmp_path: Path, *args: str, **extra: str) -> list[str]:
    """The command under ``env -i`` (no PATH with Python, a private home), without network."""
    env = [f"HOME={tmp_path}", f"READWISE_DESKTOP_HOME={tmp_path / 'home'}", "PATH=/nonexistent"]
    env += [f"{k}={v}" for k, v in extra.items()]
    return [*NO_NETWORK, "env", "-i", *env, *args]


def _no_network() -> list[str]:
    """``unshare -n`` where this machine allows a private network namespace."""
    if shutil.which("unshare") is None:
        return []
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False)
    return ["unshare", "-n"] if probe.returncode == 0 else []


NO_NETWORK = _no_network()


def run(command: list[str]) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    return result, time.perf_counter() - started


def test_bundle_analyses_the_sample_alone(bundle: Path, tmp_path: Path) -> None:
    result, seconds = run(isolated(tmp_path, str(bundle), "analyze", str(SAMPLE)))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["pipeline"].startswith("en_core_web_sm") and not data["reduced_accuracy"]
    assert data["summary"]["claims"] == 19 and data["summary"]["by_group"]["unsourced"] == 2
    source, python_seconds = run([sys.executable, "-m", "readwise_desktop", "analyze", str(SAMPLE)])
    assert source.returncode == 0
    network = "no network (unshare -n)" if NO_NETWORK else "network namespace not available"
    print(f"\ncold start + analysis: bundle {seconds:.2f} s, python -m {python_seconds:.2f} s")
    print(f"isolation: env -i, no Python on PATH, {network}")


def test_bundle_takes_a_screenshot_alone(bundle: Path, tmp_path: Path) -> None:
    out = tmp_path / "window.png"
    command = isolated(
        tmp_path, str(bundle), str(SAMPLE), "--screenshot", str(out), QT_QPA_PLATFORM="offscreen"
    )
    result, seconds = run(command)
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data.startswith(b"\x89PNG") and int.from_bytes(data[16:20], "big") == 1280
    print(f"\nwindow screenshot: {seconds:.2f} s")


def test_bundle_leaves_out_what_it_does_not_need(bundle: Path) -> None:
    folder = bundle.parent
    names = [p.name for p in folder.rglob("*")]
    assert not any(n.startswith(("libQt6Quick", "libQt6Qml", "libQt6WebEngine")) for n in names)
    assert not list(folder.rglob("translations/*.qm"))
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    size = sum(p.stat().st_size for p in files)  # a symlinked library counts once, as on disk
    print(f"\nbundle folder: {size / 1e6:.0f} MB")
