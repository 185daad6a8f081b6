"""The icon, the .desktop file and the AppStream metadata are valid (Debian's validators)."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
APP_ID = "io.github.readwisedesktop.ReadwiseDesktop"


def run(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (packaging/system-deps.sh --test installs it)")
    return subprocess.run([tool, *args], capture_output=True, text=True, timeout=120, check=False)


def test_desktop_file_is_valid() -> None:
    result = run("desktop-file-validate", str(RESOURCES / f"{APP_ID}.desktop"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower()


def test_appstream_metainfo_is_valid() -> None:
    path = RESOURCES / f"{APP_ID}.metainfo.xml"
    result = run("appstreamcli", "validate", "--no-net", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    root = ET.parse(path).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == f"{APP_ID}.desktop"  # type: ignore[union-attr]


def test_icons_exist_in_every_size() -> None:
    icons = RESOURCES.parent / "src" / "readwise_desktop" / "data" / "icons"
    assert (icons / "readwise-desktop.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for size in (16, 32, 48, 64, 128, 256, 512):
        data = (icons / f"readwise-desktop-{size}.png").read_bytes()
        assert data.startswith(b"\x89PNG")
        width = int.from_bytes(data[16:20], "big")
        assert width == size
