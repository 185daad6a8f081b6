"""Load and validate rule files: the shipped ones (package data) and the user's own.

The shipped files are read with :mod:`importlib.resources`. Loading never mutates shared state:
:func:`load_rules` returns a new immutable :class:`RuleSet`; a user file whose rule has the id of
a shipped rule replaces that rule in the returned set only.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from readwise_desktop.core.guards import GUARDS
from readwise_desktop.core.model import HedgeCategory, SourceType, Stance
from readwise_desktop.core.rules.schema import (
    KINDS,
    RULES_SCHEMA,
    SOURCE_MODES,
    Checker,
    HedgeRule,
    NounGroup,
    PhraseRule,
    RuleFileError,
    RuleProblem,
    VerbRule,
)

SHIPPED = ("hedges.toml", "reporting_verbs.toml", "attribution_phrases.toml", "source_nouns.toml")
HEDGE_KEYS = {
    "id",
    "category",
    "patterns",
    "explanation",
    "examples",
    "counterexamples",
    "guards",
    "implies_source",
}
PHRASE_KEYS = {
    "id",
    "patterns",
    "source",
    "source_type",
    "stance",
    "explanation",
    "examples",
    "counterexamples",
    "effect",
}
VERB_KEYS = {"stance", "forms", "needs_source", "needs_clause"}
NOUN_KEYS = {"id", "source_type", "nouns", "explanation", "role"}
FILE_KEYS = {
    "schema",
    "kind",
    "version",
    "description",
    "rules",
    "verbs",
    "nouns",
    "groups",
    "explanations",
}


@dataclass(frozen=True)
class RuleSet:
    """Every rule in force: immutable, built once per pipeline."""

    hedges: tuple[HedgeRule, ...] = ()
    phrases: tuple[PhraseRule, ...] = ()
    verbs: Mapping[str, VerbRule] = field(default_factory=dict)
    nominals: Mapping[str, VerbRule] = field(default_factory=dict)
    noun_groups: tuple[NounGroup, ...] = ()
    versions: Mapping[str, str] = field(default_factory=dict)

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
        return ids + [g.id for g in self.noun_groups]

    def without(self, disabled: Iterable[str]) -> RuleSet:
        off = set(disabled)
        return RuleSet(
            hedges=tuple(r for r in self.hedges if r.id not in off),
            phrases=tuple(r for r in self.phrases if r.id not in off),
            verbs={k: v for k, v in self.verbs.items() if v.id not in off},
            nominals={k: v for k, v in self.nominals.items() if v.id not in off},
            noun_groups=tuple(g for g in self.noun_groups if g.id not in off),
            versions=self.versions,
        )


def parse_rule_text(raw: str, name: str) -> tuple[dict[str, Any], Checker]:
    """Parse one rule file's text, checking its header; problems go to the returned checker."""
    check = Checker(name, raw)
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as err:
        check.add(None, f"not valid TOML: {err}")
        return {}, check
    if data.get("schema") != RULES_SCHEMA:
        check.add(None, f"'schema' must be \"{RULES_SCHEMA}\"", needle="schema")
    if data.get("kind") not in KINDS:
        check.add(None, f"'kind' must be one of {', '.join(KINDS)}", needle="kind")
    if not isinstance(data.get("version"), str):
        check.add(None, "'version' must be a string such as \"1.0\"", needle="version")
    check.unknown_keys(data, FILE_KEYS, None)
    return data, check


def read_hedges(data: Mapping[str, Any], check: Checker) -> list[HedgeRule]:
    out = []
    for rec in _records(data, "rules", check):
        rid = check.rule_id(rec, "hedge")
        check.unknown_keys(rec, HEDGE_KEYS, rid)
        category = check.choice(rec, "category", rid, HedgeCategory)
        if rid and category and rid.split(".")[1] != category.value.lower():
            check.add(rid, f"a {category.value} rule's id must start 'hedge.{category.lower()}.'")
        guards = check.strings(rec, "guards", rid)
        for guard in guards:
            if guard not in GUARDS:
                check.add(rid, f"unknown guard '{guard}' (known: {', '.join(sorted(GUARDS))})")
        implied = rec.get("implies_source")
        implies = check.choice(rec, "implies_source", rid, SourceType) if implied else None
        examples = check.strings(rec, "examples", rid)
        if not examples:
            check.add(rid, "needs at least one example sentence")
        out.append(
            HedgeRule(
                id=rid or "",
                category=category or HedgeCategory.MODAL,
                patterns=check.patterns(rec, rid),
                explanation=check.text(rec, "explanation", rid),
                examples=examples,
                counterexamples=check.strings(rec, "counterexamples", rid),
                guards=guards,
                implies_source=implies,
                origin=check.file,
            )
        )
    return out


def read_phrases(data: Mapping[str, Any], check: Checker) -> list[PhraseRule]:
    out = []
    for rec in _records(data, "rules", check):
        rid = check.rule_id(rec, "attribution")
        check.unknown_keys(rec, PHRASE_KEYS, rid)
        source = rec.get("source", "none")
        if source not in SOURCE_MODES:
            check.add(rid, f"'source' must be one of {', '.join(SOURCE_MODES)}")
        patterns = check.patterns(rec, rid)
        if source == "marked" and not all(p.has_source for p in patterns):
            check.add(rid, 'source = "marked" needs [brackets] around the source in every pattern')
        effect = rec.get("effect", "attribution")
        if effect not in ("attribution", "anonymous"):
            check.add(rid, '\'effect\' must be "attribution" or "anonymous"')
        examples = check.strings(rec, "examples", rid)
        if not examples:
            check.add(rid, "needs at least one example sentence")
        out.append(
            PhraseRule(
                id=rid or "",
                patterns=patterns,
                source=str(source),
                source_type=check.choice(rec, "source_type", rid, SourceType, SourceType.VAGUE)
                or SourceType.VAGUE,
                stance=check.choice(rec, "stance", rid, Stance, Stance.NEUTRAL) or Stance.NEUTRAL,
                explanation=check.text(rec, "explanation", rid),
                examples=examples,
                counterexamples=check.strings(rec, "counterexamples", rid),
                effect=str(effect),
                origin=check.file,
            )
        )
    return out


def read_verbs(data: Mapping[str, Any], check: Checker) -> list[VerbRule]:
    """The ``[verbs]`` table, and the ``[nouns]`` table of nominal cues ("claim", "remarks")."""
    return _read_cues(data, check, "verbs") + _read_cues(data, check, "nouns")


def _read_cues(data: Mapping[str, Any], check: Checker, table: str) -> list[VerbRule]:
    verbs = data.get(table, {})
    texts = data.get("explanations", {})
    if not isinstance(verbs, dict) or not isinstance(texts, dict):
        check.add(None, f"'{table}' and 'explanations' must be tables")
        return []
    noun = table == "nouns"
    out = []
    for lemma, rec in verbs.items():
        rid = f"attribution.{'noun' if noun else 'verb'}.{lemma}"
        if not isinstance(rec, dict):
            check.add(rid, "each entry must be a table", needle=f"[{table}.{lemma}]")
            continue
        check.unknown_keys(rec, VERB_KEYS, rid)
        stance = check.choice(rec, "stance", rid, Stance)
        explanation = texts.get(stance.value if stance else "", "")
        if stance and not explanation:
            check.add(rid, f"no explanation for stance {stance.value} in [explanations]")
        out.append(
            VerbRule(
                id=rid,
                lemma=lemma,
                forms=check.strings(rec, "forms", rid),
                stance=stance or Stance.NEUTRAL,
                explanation=explanation,
                needs_source=bool(rec.get("needs_source", True)),
                needs_clause=bool(rec.get("needs_clause", False)),
                origin=check.file,
                noun=noun,
            )
        )
    return out


def read_nouns(data: Mapping[str, Any], check: Checker) -> list[NounGroup]:
    out = []
    for rec in _records(data, "groups", check):
        rid = check.rule_id(rec, "source")
        check.unknown_keys(rec, NOUN_KEYS, rid)
        role = rec.get("role", "source")
        if role not in ("source", "title", "organisation_head"):
            check.add(rid, "'role' must be source, title or organisation_head")
        out.append(
            NounGroup(
                id=rid or "",
                source_type=check.choice(rec, "source_type", rid, SourceType) or SourceType.VAGUE,
                nouns=frozenset(n.lower() for n in check.strings(rec, "nouns", rid)),
                explanation=check.text(rec, "explanation", rid),
                role=str(role),
                origin=check.file,
            )
        )
    return out


def _records(data: Mapping[str, Any], key: str, check: Checker) -> list[Mapping[str, Any]]:
    recs = data.get(key, [])
    if not isinstance(recs, list) or not all(isinstance(r, dict) for r in recs):
        check.add(None, f"'{key}' must be an array of tables ([[{key}]])")
        return []
    return recs


Reader = Callable[[Mapping[str, Any], Checker], Sequence[Any]]
READERS: dict[str, Reader] = {
    "hedges": read_hedges,
    "attribution_phrases": read_phrases,
    "reporting_verbs": read_verbs,
    "source_nouns": read_nouns,
}


def load_rules(extra_files: Sequence[Path] = (), disabled: Iterable[str] = ()) -> RuleSet:
    """The shipped rules plus the user's files, minus disabled ids. Raises with every problem."""
    sources = [(f"readwise_desktop/core/rules/data/{n}", _shipped_text(n)) for n in SHIPPED]
    for path in extra_files:
        try:
            sources.append((str(path), Path(path).read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as err:
            raise RuleFileError(
                [RuleProblem(str(path), None, None, f"cannot read: {err}")]
            ) from err
    return build_rule_set(sources).without(disabled)


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
        versions=versions,
    )


def _shipped_text(name: str) -> str:
    return resources.files("readwise_desktop.core.rules").joinpath("data", name).read_text("utf-8")


@cache
def default_rules() -> RuleSet:
    """The shipped rules, loaded once per process."""
    return load_rules()


def rules_for(extra_files: tuple[Path, ...], disabled: tuple[str, ...]) -> RuleSet:
    """The rules for a pipeline: shipped plus user files, cached while the files are unchanged."""
    if not extra_files and not disabled:
        return default_rules()
    stamps = tuple(_stamp(p) for p in extra_files)
    return _cached_rules(extra_files, stamps, disabled)


@lru_cache(maxsize=8)
def _cached_rules(
    files: tuple[Path, ...], stamps: tuple[float, ...], disabled: tuple[str, ...]
) -> RuleSet:
    return load_rules(files, disabled)


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
