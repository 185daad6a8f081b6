"""Read each kind of rule file into rule values, checking every record (all problems at once).

One reader per ``kind``: hedges, attribution phrases, reporting verbs (with statement nouns),
source nouns and word lists. Each problem names the file, the line and the rule id.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from readwise_desktop.engine.hedges.guards import GUARDS
from readwise_desktop.engine.results import HedgeCategory, SourceType, Stance
from readwise_desktop.engine.rules.schema import (
    KINDS,
    RULES_SCHEMA,
    SOURCE_MODES,
    Checker,
    HedgeRule,
    NounGroup,
    PhraseRule,
    VerbRule,
    WordList,
)

HEDGE_KEYS = {
    "id",
    "category",
    "patterns",
    "explanation",
    "examples",
    "counterexamples",
    "guards",
    "implies_source",
    "opt_in",
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
VERB_KEYS = {"stance", "forms", "needs_clause", "needs_speaker"}
NOUN_KEYS = {"id", "source_type", "nouns", "explanation", "role"}
LIST_KEYS = {"id", "words", "explanation", "used_by"}
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
    "lists",
}


def parse_rule_text(raw: str, name: str) -> tuple[dict[str, Any], Checker]:
    """Parse one rule file's text, checking its header; problems go to the returned checker."""
    check = Checker(name, raw)
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as err:
        check.add(None, f"not valid TOML: {err}")
        return {}, check
    except RecursionError:  # ``[`` × 3000: the parser recurses once per level
        check.add(None, "not valid TOML: arrays or tables nested too deeply")
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
                opt_in=_flag(rec, "opt_in", check, rid),
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
                needs_clause=bool(rec.get("needs_clause", False)),
                speech_only=_speech_only(rec, check, rid),
                needs_speaker=bool(rec.get("needs_speaker", False)),
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


def read_word_lists(data: Mapping[str, Any], check: Checker) -> list[WordList]:
    out = []
    for rec in _records(data, "lists", check):
        rid = check.rule_id(rec, "list")
        check.unknown_keys(rec, LIST_KEYS, rid)
        words = check.strings(rec, "words", rid)
        if not words:
            check.add(rid, "needs at least one word")
        out.append(
            WordList(
                id=rid or "",
                words=frozenset(w.lower() for w in words),
                explanation=check.text(rec, "explanation", rid),
                used_by=check.text(rec, "used_by", rid),
                origin=check.file,
            )
        )
    return out


def _flag(rec: Mapping[str, Any], key: str, check: Checker, rid: str | None) -> bool:
    value = rec.get(key, False)
    if not isinstance(value, bool):
        check.add(rid, f"'{key}' must be true or false")
    return value is True


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
    "word_lists": read_word_lists,
}


def _speech_only(rec: Mapping[str, Any], check: Checker, rid: str) -> bool:
    """``needs_clause`` is true, false, or "speech" (a quotation or a clause, not an infinitive)."""
    value = rec.get("needs_clause", False)
    if isinstance(value, str) and value != "speech":
        check.add(rid, f'needs_clause must be true, false or "speech", not "{value}"')
    return bool(value == "speech")
