"""``readwise-desktop evaluate``: tables and JSON, errors as one line with exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readwise_desktop.cli.main import main
from tests.locations import FIXTURES

GOLD = FIXTURES / "gold" / "harbour_strike.jsonl"


def test_gold_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "gold", str(GOLD), "--errors", "5"]) == 0
    out = capsys.readouterr().out
    assert "gold harbour_strike.jsonl: 1 documents" in out
    assert "sentence label accuracy (7 labels)" in out and "hedges overlap" in out
    assert "False alarms by rule" in out


def test_gold_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "gold", str(GOLD), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["documents"] == 1
    assert data["accuracy"]["sentence label accuracy (7 labels)"] == 100.0
    assert set(data["scores"]["hedges exact"]) == {"tp", "fp", "fn", "precision", "recall", "f1"}


def test_bad_gold_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "abc", "hedges": [{"start": 0, "end": 9, "category": "MODAL"}]}\n')
    assert main(["evaluate", "gold", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "bad.jsonl:1" in err and "outside the text" in err


def test_missing_data_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "polnear", "--data", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("readwise-desktop: error:") and "polnear_dev.jsonl" in err
    assert main(["evaluate", "gold"]) == 2
    assert main(["evaluate", "polnear", "--split", "all", "--data", str(tmp_path)]) == 2


def test_polnear_on_the_shared_data(shared: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = shared / "data"
    if not (data / "polnear").is_dir():
        pytest.skip("no PolNeAR data")
    assert main(["evaluate", "polnear", "--data", str(data), "--limit", "2"]) == 0
    out = capsys.readouterr().out
    for row in ("source exact", "source overlap", "cue exact", "cue overlap"):
        assert row in out


def test_broken_shipped_rules_are_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A developer who breaks a shipped rule file gets the problems, not a traceback."""
    from readwise_desktop.app.session import Session
    from readwise_desktop.engine.rules.loader import load_rules
    from readwise_desktop.engine.rules.schema import RuleFileError

    broken = tmp_path / "broken.toml"
    broken.write_text('schema = "readwise-desktop/rules/1"\nkind = "hedges"\n[[rules]\n', "utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_rules([broken])

    def load(self: Session) -> None:
        raise caught.value

    monkeypatch.setattr(Session, "load", load)
    assert main(["evaluate", "gold", str(GOLD)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("readwise-desktop: error: invalid rules (1 problems):")
    assert "Traceback" not in err and err.count("\n") == 1
