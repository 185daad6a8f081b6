"""File › Export from the window: HTML parsed back, and a PDF whose highlights are printed."""

from __future__ import annotations

import errno
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pytestqt.qtbot import QtBot

from readwise_desktop.packaged import sample_path
from readwise_desktop.ui.main_window import MainWindow
from tests.export.test_exports import Spans
from tests.ui.conftest import open_and_wait

REPORTATIVE_TINT = (242, 204, 173)  # vermillion at 32 % on white, as in the window


def test_export_html_and_csv(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    open_and_wait(qtbot, window, sample_path())
    window.files.export_to(str(tmp_path / "out.html"))
    parser = Spans()
    parser.feed((tmp_path / "out.html").read_text(encoding="utf-8"))
    assert ("rw-REPORTATIVE", "reportedly") in {(c, t) for c, _, t in parser.spans}
    window.files.export_to(str(tmp_path / "out.csv"))
    assert (tmp_path / "out.csv").read_text(encoding="utf-8").startswith("claim,start,end")


def _tinted_pixels(path: Path, colour: tuple[int, int, int]) -> int:
    document = pdfium.PdfDocument(str(path))
    bitmap = document[0].render(scale=1)
    data = bytes(bitmap.buffer)
    channels = bitmap.n_channels
    count = 0
    for offset in range(0, len(data) - channels, channels):
        b, g, r = data[offset], data[offset + 1], data[offset + 2]  # BGR(A)
        if abs(r - colour[0]) < 6 and abs(g - colour[1]) < 6 and abs(b - colour[2]) < 6:
            count += 1
    document.close()
    return count


def test_export_pdf_keeps_the_highlights(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    open_and_wait(qtbot, window, sample_path())
    target = tmp_path / "out.pdf"
    window.files.export_to(str(target))
    assert target.read_bytes().startswith(b"%PDF")
    document = pdfium.PdfDocument(str(target))
    text = "".join(document[i].get_textpage().get_text_bounded() for i in range(len(document)))
    document.close()
    assert "reportedly" in text and "Dock strike spreads" in text
    assert _tinted_pixels(target, REPORTATIVE_TINT) > 50
    assert not list(tmp_path.glob(".*.part"))


def test_export_error_is_a_dialog(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    open_and_wait(qtbot, window, sample_path())
    window.files.export_to(str(tmp_path / "missing-folder" / "out.html"))
    assert "cannot be written" in window.last_error


def test_a_pdf_onto_a_full_disk_leaves_no_broken_pdf(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 19, point 7: the PDF goes through the atomic write too."""
    from readwise_desktop.export import atomic

    open_and_wait(qtbot, window, sample_path())
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "out.pdf"
    target.write_bytes(b"%PDF the old report")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    window.files.export_to(str(target))
    assert "cannot be written (No space left on device)" in window.last_error
    assert target.read_bytes() == b"%PDF the old report"
    assert sorted(p.name for p in folder.iterdir()) == ["out.pdf"]
