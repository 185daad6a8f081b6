"""``analyze`` reads every format and whole folders, skipping what it cannot read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readwise_desktop.cli.main import main
from tests.formats import makers
from tests.formats.makers import HTML_PAGE, STORY
from tests.locations import FIXTURES as FIXTURE_ROOT

FIXTURES = FIXTURE_ROOT / "formats"


def test_each_format_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [
        makers.write(tmp_path, "a.html", HTML_PAGE),
        makers.write(tmp_path, "b.docx", makers.docx_bytes([("Normal", s) for s in STORY])),
        makers.write(tmp_path, "c.pdf", makers.pdf_bytes(STORY)),
        FIXTURES / "harbour.nitf.xml",
    ]
    assert main(["analyze", *map(str, files)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["metadata"]["format"] for d in data] == ["HTML page", "Word document", "PDF", "NITF"]
    assert all(d["summary"]["claims"] >= 2 for d in data)


def test_a_folder_is_read_recursively_with_a_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "inner").mkdir()
    makers.write(tmp_path, "one.txt", "\n".join(STORY))
    makers.write(tmp_path / "inner", "two.md", "# Two\n\n" + STORY[0])
    makers.write(tmp_path / "inner", "bad.pdf", b"%PDF-1.4 broken")
    makers.write(tmp_path, "photo.jpg", b"\xff\xd8\xff not an article")
    assert main(["analyze", str(tmp_path), "--format", "text"]) == 0
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("readwise-desktop: warning: skipped") and "bad.pdf" in lines[0]
    assert lines[1] == "readwise-desktop: analysed 2 article(s), skipped 1 file(s)"
    assert "Two" in captured.out


def test_a_named_broken_file_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = makers.write(tmp_path, "bad.epub", b"PK\x03\x04 cut short")
    assert main(["analyze", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "EPUB" in err and "damaged" in err


def test_an_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(tmp_path)]) == 2
    assert "no readable article" in capsys.readouterr().err


def test_size_limit_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = makers.write(tmp_path, "long.txt", " ".join(STORY) * 200)
    assert main(["analyze", str(path), "--max-size", "0.01"]) == 2
    assert "over the 0.01 MB limit" in capsys.readouterr().err
