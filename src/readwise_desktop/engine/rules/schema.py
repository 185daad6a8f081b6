"""Rule records and their validation: every problem in a file is collected, not just the first."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

import regex

from readwise_desktop.engine.results import HedgeCategory, SourceType, Stance
from readwise_desktop.engine.rules.patterns import CompiledPattern, PatternError, compile_pattern

RULES_SCHEMA = "readwise-desktop/rules/1"
RULE_ID = regex.compile(r"^[a-z]+(?:\.[a-z0-9_]+){2,}$")
KINDS = ("hedges", "attribution_phrases", "reporting_verbs", "source_nouns", "word_lists")
SOURCE_MODES = ("none", "marked", "after", "cited", "subject", "speaker")
E = TypeVar("E")


@dataclass(frozen=True, slots=True)
class RuleProblem:
    """One thing wrong in a rule file, with where it is."""

    file: str
    line: int | None
    rule_id: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        rule = f" [{self.rule_id}]" if self.rule_id else ""
        return f"{where}{rule}: {self.message}"


class RuleFileError(Exception):
    """Raised with every problem found in one or more rule files."""

    def __init__(self, problems: list[RuleProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True, slots=True)
class HedgeRule:
    id: str
    category: HedgeCategory
    patterns: tuple[CompiledPattern, ...]
    explanation: str
    examples: tuple[str, ...]
    counterexamples: tuple[str, ...] = ()
    guards: tuple[str, ...] = ()
    implies_source: SourceType | None = None
    origin: str = ""
    opt_in: bool = False  # off unless the reader switches it on (enabled_rules)


@dataclass(frozen=True, slots=True)
class PhraseRule:
    """An attribution found by its wording: agentless reports, "according to", "in a statement"."""

    id: str
    patterns: tuple[CompiledPattern, ...]
    source: str
    source_type: SourceType
    stance: Stance
    explanation: str
    examples: tuple[str, ...]
    counterexamples: tuple[str, ...] = ()
    effect: str = "attribution"
    origin: str = ""


@dataclass(frozen=True, slots=True)
class VerbRule:
    id: str
    lemma: str
    forms: tuple[str, ...]
    stance: Stance
    explanation: str
    needs_clause: bool = False
    speech_only: bool = False  # needs_clause = "speech": a quotation or "that"-clause, not "to"
    needs_speaker: bool = False  # the subject must be able to speak: not "their presence shows"
    origin: str = ""
    noun: bool = False  # a nominal cue ("Trump's claim that ..."), not a verb

    @property
    def words(self) -> tuple[str, ...]:
        """The lemma and its particle: ("call", "for") for the rule ``call_for``."""
        return tuple(self.lemma.split("_"))


@dataclass(frozen=True, slots=True)
class NounGroup:
    id: str
    source_type: SourceType
    nouns: frozenset[str]
    explanation: str
    role: str = "source"
    origin: str = ""


@dataclass(frozen=True, slots=True)
class WordList:
    """Words that block one kind of false alarm; ``used_by`` names the guard or finder."""

    id: str
    words: frozenset[str]
    explanation: str
    used_by: str
    origin: str = ""


class WordLists(dict[str, frozenset[str]]):
    """Word list id -> its words; a list switched off (or unknown) has no words."""

    def __missing__(self, key: str) -> frozenset[str]:
        return frozenset()


@dataclass
class Checker:
    """Collects problems for one file while its records are read."""

    file: str
    raw: str
    problems: list[RuleProblem] = field(default_factory=list)

    def line_of(self, needle: str | None) -> int | None:
        if not needle:
            return None
        at = self.raw.find(needle)
        return self.raw.count("\n", 0, at) + 1 if at >= 0 else None

    def add(self, rule_id: str | None, message: str, needle: str | None = None) -> None:
        line = self.line_of(needle or (f'"{rule_id}"' if rule_id else None))
        self.problems.append(RuleProblem(self.file, line, rule_id, message))

    def text(self, rec: Mapping[str, Any], key: str, rid: str | None, required: bool = True) -> str:
        value = rec.get(key)
        if value is None:
            if required:
                self.add(rid, f"missing '{key}'")
            return ""
        if not isinstance(value, str) or not value.strip():
            self.add(rid, f"'{key}' must be a non-empty string")
            return ""
        return value.strip()

    def strings(self, rec: Mapping[str, Any], key: str, rid: str | None) -> tuple[str, ...]:
        value = rec.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.add(rid, f"'{key}' must be a list of non-empty strings")
            return ()
        return tuple(value)

    def choice(
        self,
        rec: Mapping[str, Any],
        key: str,
        rid: str | None,
        kind: Callable[[str], E],
        default: E | None = None,
    ) -> E | None:
        value = rec.get(key)
        if value is None and default is not None:
            return default
        try:
            return kind(str(value))
        except ValueError:
            self.add(rid, f"'{key}' = {value!r} is not one of the known values")
            return None

    def patterns(self, rec: Mapping[str, Any], rid: str | None) -> tuple[CompiledPattern, ...]:
        out = []
        raw = self.strings(rec, "patterns", rid)
        if not raw:
            self.add(rid, "needs at least one pattern")
        for text in raw:
            try:
                out.append(compile_pattern(text))
            except PatternError as err:
                self.add(rid, f"pattern {text!r}: {err}", needle=text)
        return tuple(out)

    def unknown_keys(self, rec: Mapping[str, Any], allowed: set[str], rid: str | None) -> None:
        for key in sorted(set(rec) - allowed):
            self.add(rid, f"unknown key '{key}' (allowed: {', '.join(sorted(allowed))})")

    def rule_id(self, rec: Mapping[str, Any], prefix: str) -> str | None:
        rid = rec.get("id")
        if not isinstance(rid, str) or not RULE_ID.match(rid):
            self.add(
                None,
                f"rule id {rid!r} must look like '{prefix}.name' (lower case, dots)",
                needle=str(rid) if rid else None,
            )
            return None
        if not rid.startswith(prefix + "."):
            self.add(rid, f"rule id must start with '{prefix}.'")
        return rid
