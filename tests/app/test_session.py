"""The session turns the reader's settings, own rule files and corrections into the analysis
that every entry point shows; here the session itself and practice, which builds its answer key
from a session's analysis."""

from __future__ import annotations

from pathlib import Path

import pytest

from readwise_desktop.app.corrections import NOT_A_HEDGE, SOURCED_BY, Correction
from readwise_desktop.app.library import text_hash
from readwise_desktop.app.practice import (
    HEDGE,
    SOURCING,
    StudentMark,
    check,
    key_from_analysis,
)
from readwise_desktop.app.session import Session, SessionOptions
from readwise_desktop.engine.results import HedgeCategory, SourceType
from readwise_desktop.evaluation.gold import GoldArticle
from readwise_desktop.formats.decoding import InputError
from tests.reader_home import (
    ARTICLE,
    MAY,
    WITH_SETTINGS,
    WITHOUT_SETTINGS,
    reader_home,
    refusal,
    write_article,
    write_big,
)

RULES_ONLY = SessionOptions(rules_only=True)


def hedge_findings(marks: list[StudentMark], key: GoldArticle) -> set[tuple[str, str]]:
    return {(f.outcome, f.text) for f in check(marks, key).findings if f.category != SOURCING}


def hedges_found(session: Session, path: Path) -> set[tuple[str, str]]:
    return {(h.text, h.rule_id) for h in session.analyse_file(path).hedges}


def test_settings_and_own_rules_make_the_pipeline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = write_article(tmp_path / "in")
    paths = reader_home(tmp_path / "home", monkeypatch)
    session = Session(RULES_ONLY)
    assert session.settings_problems == []
    assert session.disabled_rules == (MAY,) and session.max_bytes == 100_000
    assert session.rule_files() == [paths.rules / "mine.toml"]
    assert hedges_found(session, article) == WITH_SETTINGS
    reader_home(tmp_path / "plain", monkeypatch, settings=False, rules=False)
    assert hedges_found(Session(RULES_ONLY), article) == WITHOUT_SETTINGS


def test_shipped_defaults_only_ignore_the_readers_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = write_article(tmp_path / "in")
    reader_home(tmp_path / "home", monkeypatch)
    session = Session(SessionOptions(rules_only=True, reader_settings=False))
    assert session.rule_files() == [] and session.max_bytes == 50_000_000
    assert hedges_found(session, article) == WITHOUT_SETTINGS


def test_the_size_limit_refuses_with_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = write_big(tmp_path / "in")
    reader_home(tmp_path / "home", monkeypatch)
    with pytest.raises(InputError) as caught:
        Session(RULES_ONLY).open(big)
    assert str(caught.value) == refusal(big)
    # the command line's --max-size overrides the settings' limit
    assert (
        Session(SessionOptions(rules_only=True, max_size_mb=1))
        .open(big)
        .text.startswith("Officials said")
    )
    reader_home(tmp_path / "plain", monkeypatch, settings=False, rules=False)
    assert Session(RULES_ONLY).open(big).text.count("may close") == 3_000


def test_practice_keys_follow_the_readers_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = write_article(tmp_path / "in")
    may = ARTICLE.index("may")
    student = [StudentMark(HEDGE, may, may + 3, HedgeCategory.MODAL.value)]
    reader_home(tmp_path / "home", monkeypatch)
    key = key_from_analysis(Session(RULES_ONLY).analyse_file(article))
    marked = {(key.text[h.start : h.end], h.category) for h in key.hedges}
    assert marked == {("hypothetically", HedgeCategory.PROBABILITY)}
    assert hedge_findings(student, key) == {("extra", "may"), ("miss", "hypothetically")}
    reader_home(tmp_path / "plain", monkeypatch, settings=False, rules=False)
    plain = key_from_analysis(Session(RULES_ONLY).analyse_file(article))
    assert {(plain.text[h.start : h.end], h.category) for h in plain.hedges} == {
        ("may", HedgeCategory.MODAL)
    }
    assert hedge_findings(student, plain) == {("hit", "may")}


def test_corrections_are_applied_and_a_missing_library_is_not_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = write_article(tmp_path / "in")
    paths = reader_home(tmp_path / "home", monkeypatch, settings=False, rules=False)
    session = Session(RULES_ONLY)
    raw = session.analyse_file(article)
    assert not paths.library.exists()  # reading corrections never makes a library
    may = raw.hedges[0]
    officials, talks = (s for s in raw.sentences if s.is_claim)
    digest = text_hash(raw.text)
    session.library.add_correction(digest, Correction(NOT_A_HEDGE, may.start, may.end))
    person = Correction.sourced_by(talks.start, talks.end, SourceType.NAMED_PERSON, "Ann Lee")
    session.library.add_correction(digest, person)
    session.library.close()
    again = Session(RULES_ONLY)
    corrected = again.analyse_file(article)
    again.library.close()
    assert (may.text, corrected.hedges) == ("may", ())
    claims = {corrected.text[s.start : s.end]: s for s in corrected.sentences if s.is_claim}
    assert claims[raw.text[officials.start : officials.end]].reviewed == NOT_A_HEDGE
    sourced = claims[raw.text[talks.start : talks.end]]
    assert (sourced.sourcing, sourced.reviewed) == ("NAMED_PERSON", f"{SOURCED_BY} Ann Lee")
    assert corrected.summary.by_group == {"named": 1, "unnamed": 1, "unsourced": 0}
