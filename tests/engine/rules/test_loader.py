"""Rule files: the shipped ones load; bad ones report every problem at once, with lines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from readwise_desktop.engine.rules.loader import build_rule_set, default_rules, load_rules
from readwise_desktop.engine.rules.schema import RULE_ID, RuleFileError

RULE_VERSION = re.compile(r"^\d+\.\d+$")
HEADER = 'schema = "readwise-desktop/rules/1"\nkind = "hedges"\nversion = "1.0"\n'


def test_shipped_rules_load_with_ids_explanations_and_examples() -> None:
    rules = default_rules()
    assert len(rules.hedges) >= 25 and len(rules.phrases) >= 8 and len(rules.verbs) >= 60
    ids = rules.all_ids()
    assert len(ids) == len(set(ids))
    for rule in rules.hedges:
        assert RULE_ID.match(rule.id) and rule.explanation.endswith(".") and rule.examples
    assert "hedge.reportative.reportedly" in ids
    assert all(RULE_VERSION.match(v) for v in rules.versions.values())


def test_every_problem_in_a_file_is_reported_at_once_with_its_line() -> None:
    bad = HEADER + (
        '\n[[rules]]\nid = "hedge.modal.ok"\ncategory = "MODAL"\npatterns = ["may"]\n'
        'explanation = "Fine."\nexamples = ["It may rain."]\n'
        '\n[[rules]]\nid = "hedge.modal.bad_category"\ncategory = "MAYBE"\n'
        'patterns = ["perhaps"]\nexplanation = "x"\nexamples = ["x"]\n'
        '\n[[rules]]\nid = "hedge.modal.bad_pattern"\ncategory = "MODAL"\n'
        'patterns = ["{NOPE} x"]\nexplanation = "x"\nexamples = ["x"]\nguards = ["no_such_guard"]\n'
        '\n[[rules]]\nid = "hedge.modal.no_examples"\ncategory = "MODAL"\npatterns = ["x"]\n'
        'explanation = "x"\ncolour = "red"\n'
    )
    with pytest.raises(RuleFileError) as caught:
        build_rule_set([("mine.toml", bad)])
    problems = caught.value.problems
    messages = " | ".join(str(p) for p in problems)
    assert len(problems) >= 5, messages
    assert {p.rule_id for p in problems} >= {
        "hedge.modal.bad_category",
        "hedge.modal.bad_pattern",
        "hedge.modal.no_examples",
    }
    assert "unknown macro" in messages and "unknown guard" in messages
    assert "unknown key 'colour'" in messages
    line_of_bad = bad.splitlines().index('id = "hedge.modal.bad_pattern"') + 1
    assert any(p.line == line_of_bad for p in problems if p.rule_id == "hedge.modal.bad_pattern")
    assert all(p.file == "mine.toml" for p in problems)


def test_a_broken_header_and_invalid_toml_are_reported() -> None:
    with pytest.raises(RuleFileError) as caught:
        build_rule_set([("a.toml", 'kind = "spells"\n'), ("b.toml", "this is = = not toml")])
    text = str(caught.value)
    assert "a.toml" in text and "'schema'" in text and "'kind'" in text and "'version'" in text
    assert "b.toml" in text and "not valid TOML" in text


def test_user_file_adds_and_replaces_rules_without_touching_the_shipped_set(tmp_path: Path) -> None:
    before = default_rules()
    own = tmp_path / "newsroom.toml"
    own.write_text(
        HEADER
        + (
            '\n[[rules]]\nid = "hedge.reportative.reportedly"\ncategory = "REPORTATIVE"\n'
            'patterns = ["reportedly"]\nexplanation = "Our own wording."\n'
            'examples = ["x reportedly y"]\n'
            '\n[[rules]]\nid = "hedge.probability.odds_on"\ncategory = "PROBABILITY"\n'
            'patterns = ["odds-on"]\nexplanation = "A bookmaker\'s guess."\n'
            'examples = ["an odds-on bet"]\n'
        ),
        encoding="utf-8",
    )
    mine = load_rules([own], disabled=["hedge.modal.would"])
    by_id = {r.id: r for r in mine.hedges}
    assert by_id["hedge.reportative.reportedly"].explanation == "Our own wording."
    assert "hedge.probability.odds_on" in by_id and "hedge.modal.would" not in by_id
    after = {r.id: r for r in default_rules().hedges}
    assert default_rules() is before
    assert after["hedge.reportative.reportedly"].explanation != "Our own wording."
    assert "hedge.probability.odds_on" not in after and "hedge.modal.would" in after


def test_an_unreadable_user_file_is_a_rule_error(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError, match="cannot read"):
        load_rules([tmp_path / "missing.toml"])


def test_verb_options_are_read_and_a_bad_clause_option_is_reported() -> None:
    verbs = (
        'schema = "readwise-desktop/rules/1"\nkind = "reporting_verbs"\nversion = "1.0"\n'
        '[explanations]\nNEUTRAL = "A reporting verb."\n[verbs]\n'
        'resume = { stance = "NEUTRAL", forms = ["resumed"], needs_clause = "speech",'
        " needs_speaker = true }\n"
        'carry_on = { stance = "NEUTRAL", forms = ["carried on"], needs_clause = "often" }\n'
    )
    with pytest.raises(RuleFileError) as caught:
        build_rule_set([("verbs.toml", verbs)])
    assert [p.rule_id for p in caught.value.problems] == ["attribution.verb.carry_on"]
    assert "needs_clause must be true, false or" in str(caught.value)
    good = build_rule_set([("verbs.toml", verbs.replace('"often"', "true"))])
    resume = good.verbs["resume"]
    assert resume.needs_clause and resume.speech_only and resume.needs_speaker
    assert not good.verbs["carry_on"].speech_only
