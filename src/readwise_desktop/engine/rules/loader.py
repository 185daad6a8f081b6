"""Load and validate rule files: the shipped ones (package data) and the user's own.

The shipped files are read with :mod:`importlib.resources`. Loading never mutates shared state:
:func:`load_rules` returns a new immutable :class:`RuleSet`; a user file whose rule has the id of
a shipped rule replaces that rule in the returned set only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from readwise_desktop.engine.rules.readers import READERS, parse_rule_text
from readwise_desktop.engine.rules.schema import (
    KINDS,
    HedgeRule,
    NounGroup,
    PhraseRule,
    RuleFileError,
    RuleProblem,
    VerbRule,
    WordList,
    WordLists,
)
from readwise_desktop.packaged import origin, packaged_text

SHIPPED = (
    "hedges.toml",
    "reporting_verbs.toml",
    "attribution_phrases.toml",
    "source_nouns.toml",
    "word_lists.toml",
)


@dataclass(frozen=True)
class RuleSet:
    """Every rule in force: immutable, built once per pipeline."""

    hedges: tuple[HedgeRule, ...] = ()
    phrases: tuple[PhraseRule, ...] = ()
    verbs: Mapping[str, VerbRule] = field(default_factory=dict)
    nominals: Mapping[str, VerbRule] = field(default_factory=dict)
    noun_groups: tuple[NounGroup, ...] = ()
    word_lists: tuple[WordList, ...] = ()
    versions: Mapping[str, str] = field(default_factory=dict)

    def words(self) -> WordLists:
        """Each word list's words by id (a list switched off has none)."""
        return WordLists({w.id: w.words for w in self.word_lists})

    def verb_for_form(self) -> dict[str, VerbRule]:
        """Inflected form (lower case) to its verb rule, for the rules-only pipeline."""
        out: dict[str, VerbRule] = {}
        for rule in self.verbs.values():
            for form in (rule.lemma, *rule.forms):
                out.setdefault(form, rule)
        return out

    def all_ids(self) -> list[str]:
        ids = [r.id for r in self.hedges] + [r.id for r in self.phrases]
        ids += [r.id for r in self.verbs.values()] + [r.id for r in self.nominals.values()]
        return ids + [g.id for g in self.noun_groups] + [w.id for w in self.word_lists]

    def without(self, disabled: Iterable[str], enabled: Iterable[str] | None = ()) -> RuleSet:
        """The rules minus ``disabled`` ids and minus the opt-in rules not ``enabled``
        (``enabled=None``: every opt-in rule stays, as the Rules dialog lists them)."""
        off = set(disabled)
        if enabled is not None:
            on = set(enabled)
            off |= {r.id for r in self.hedges if r.opt_in and r.id not in on}
        return RuleSet(
            hedges=tuple(r for r in self.hedges if r.id not in off),
            phrases=tuple(r for r in self.phrases if r.id not in off),
            verbs={k: v for k, v in self.verbs.items() if v.id not in off},
            nominals={k: v for k, v in self.nominals.items() if v.id not in off},
            noun_groups=tuple(g for g in self.noun_groups if g.id not in off),
            word_lists=tuple(w for w in self.word_lists if w.id not in off),
            versions=self.versions,
        )


def load_rules(
    extra_files: Sequence[Path] = (),
    disabled: Iterable[str] = (),
    enabled: Iterable[str] | None = (),
) -> RuleSet:
    """The shipped rules plus the user's files, minus disabled ids and the opt-in rules not
    enabled (None: all of them kept). Raises with every problem."""
    sources = [(origin("rules", n), packaged_text("rules", n)) for n in SHIPPED]
    for path in extra_files:
        try:
            sources.append((str(path), Path(path).read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as err:
            raise RuleFileError(
                [RuleProblem(str(path), None, None, f"cannot read: {err}")]
            ) from err
    return build_rule_set(sources).without(disabled, enabled)


def build_rule_set(sources: Sequence[tuple[str, str]]) -> RuleSet:
    """Parse and merge (name, text) rule files in order; later ids replace earlier ones."""
    problems: list[RuleProblem] = []
    found: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
    versions: dict[str, str] = {}
    for name, raw in sources:
        data, check = parse_rule_text(raw, name)
        kind = data.get("kind")
        if kind in READERS:
            seen: set[str] = set()
            for rule in READERS[kind](data, check):
                if rule.id in seen:
                    check.add(rule.id, "duplicate rule id in this file")
                seen.add(rule.id)
                found[kind][rule.id] = rule
            versions[name] = str(data.get("version"))
        problems.extend(check.problems)
    if problems:
        raise RuleFileError(problems)
    return RuleSet(
        hedges=tuple(found["hedges"].values()),
        phrases=tuple(found["attribution_phrases"].values()),
        verbs={v.lemma: v for v in found["reporting_verbs"].values() if not v.noun},
        nominals={v.lemma: v for v in found["reporting_verbs"].values() if v.noun},
        noun_groups=tuple(found["source_nouns"].values()),
        word_lists=tuple(found["word_lists"].values()),
        versions=versions,
    )


@cache
def default_rules() -> RuleSet:
    """The shipped rules, loaded once per process."""
    return load_rules()


def rules_for(
    extra_files: tuple[Path, ...], disabled: tuple[str, ...], enabled: tuple[str, ...] = ()
) -> RuleSet:
    """The rules for a pipeline: shipped plus user files, cached while the files are unchanged."""
    if not extra_files and not disabled and not enabled:
        return default_rules()
    stamps = tuple(_stamp(p) for p in extra_files)
    return _cached_rules(extra_files, stamps, disabled, enabled)


@lru_cache(maxsize=8)
def _cached_rules(
    files: tuple[Path, ...],
    stamps: tuple[float, ...],
    disabled: tuple[str, ...],
    enabled: tuple[str, ...],
) -> RuleSet:
    return load_rules(files, disabled, enabled)


def _stamp(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return -1.0


def rules_in(path: str | Path) -> list[Any]:
    """The rules one file defines (hedges, phrases, verbs, nouns, noun groups); raises with
    every problem when the file is invalid on its own."""
    text = Path(path).read_text(encoding="utf-8")
    data, check = parse_rule_text(text, str(path))
    kind = data.get("kind")
    found = list(READERS[kind](data, check)) if kind in READERS else []
    if check.problems:
        raise RuleFileError(check.problems)
    return found
