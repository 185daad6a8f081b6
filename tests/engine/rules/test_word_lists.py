"""Precision word lists are rule data: ids the code names exist, switching one off or replacing
it takes effect, and a bad list file reports every problem at once."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from readwise_desktop.engine.analyze import analyze_text
from readwise_desktop.engine.pipeline import load_pipeline
from readwise_desktop.engine.rules.catalogue import rule_rows
from readwise_desktop.engine.rules.loader import build_rule_set, default_rules
from readwise_desktop.engine.rules.schema import RuleFileError
from tests.locations import ROOT

ENGINE = ROOT / "src" / "readwise_desktop" / "engine"
HEADER = 'schema = "readwise-desktop/rules/1"\nkind = "word_lists"\nversion = "1.0"\n'
MANY_TIMES = "Many times the council met in the hall."


def _vague_quantities(disabled: tuple[str, ...] = (), files: tuple[Path, ...] = ()) -> list[str]:
    pipeline = load_pipeline(
        model_names=(),
        disabled_rules=disabled,
        extra_rule_files=files,
        enabled_rules=["hedge.approximator.vague_quantity"],  # an opt-in rule
    )
    analysis = analyze_text(pipeline, MANY_TIMES)
    return [h.text for h in analysis.hedges if h.rule_id == "hedge.approximator.vague_quantity"]


def test_every_list_the_engine_names_is_shipped_with_an_explanation() -> None:
    named = {
        m
        for path in ENGINE.rglob("*.py")
        for m in regex.findall(r'"(list\.[a-z_]+\.[a-z_]+)"', path.read_text(encoding="utf-8"))
    }
    shipped = {w.id: w for w in default_rules().word_lists}
    assert len(named) >= 14 and named <= set(shipped)
    assert all(w.explanation.endswith(".") and w.words and w.used_by for w in shipped.values())
    rows = [r for r in rule_rows(default_rules()) if r.kind == "word list"]
    assert {r.id for r in rows} == set(shipped)  # the Rules dialog lists them


def test_switching_a_list_off_removes_its_exception() -> None:
    assert _vague_quantities() == []  # "many times" is no vague count
    assert _vague_quantities(("list.hedge.not_counted",)) == ["Many"]


def test_a_readers_list_replaces_the_shipped_one(tmp_path: Path) -> None:
    own = tmp_path / "lists.toml"
    own.write_text(
        HEADER + '\n[[lists]]\nid = "list.hedge.not_counted"\nused_by = "guard vague_quantity"\n'
        'explanation = "Only years here."\nwords = ["years"]\n',
        encoding="utf-8",
    )
    assert _vague_quantities(files=(own,)) == ["Many"]


def test_a_bad_list_file_reports_every_problem() -> None:
    bad = HEADER + (
        '\n[[lists]]\nid = "hedge.other.words"\nused_by = "x"\nexplanation = "x."\nwords = ["a"]\n'
        '\n[[lists]]\nid = "list.hedge.empty"\nused_by = "x"\nexplanation = "x."\nwords = []\n'
        '\n[[lists]]\nid = "list.hedge.extra"\nused_by = "x"\nexplanation = "x."\n'
        'words = ["a"]\ncolour = "red"\n'
    )
    with pytest.raises(RuleFileError) as caught:
        build_rule_set([("mine.toml", bad)])
    messages = [str(p) for p in caught.value.problems]
    assert any("must start with 'list.'" in m for m in messages)
    assert any("needs at least one word" in m for m in messages)
    assert any("unknown key 'colour'" in m for m in messages)
