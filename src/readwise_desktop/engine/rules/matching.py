"""Match compiled rule patterns against a Doc, indexed by first word.

spaCy's ``Matcher`` tries every pattern at every token and tests word sets with a slow predicate;
with a hundred rule patterns that cost more than the rules are worth. Here each pattern is filed
under the words it can start with, so a token costs one dictionary lookup, and only patterns that
can start there are tried. The semantics are the ``Matcher``'s for this pattern language: every
(start, end) at which a pattern matches, optional tokens taken or not.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol, TypeVar

from spacy.tokens import Doc, Token

from readwise_desktop.engine.rules.patterns import CompiledPattern

NUMBER = "\x00NUM"


@dataclass(frozen=True, slots=True)
class Step:
    words: frozenset[str] | None  # None: any number
    optional: bool

    def accepts(self, tok: Token) -> bool:
        return bool(tok.like_num) if self.words is None else tok.lower_ in self.words


def _step(token: dict[str, object]) -> Step:
    lower = token.get("LOWER")
    optional = token.get("OP") == "?"
    if lower is None:
        return Step(None, optional)
    if isinstance(lower, dict):
        return Step(frozenset(str(w) for w in lower["IN"]), optional)
    return Step(frozenset({str(lower)}), optional)


class PatternIndex:
    """Patterns filed under their possible first words; call with a Doc for (key, start, end)."""

    def __init__(self) -> None:
        self._by_word: dict[str, list[tuple[Hashable, tuple[Step, ...]]]] = defaultdict(list)

    def add(self, key: Hashable, pattern: CompiledPattern) -> None:
        steps = tuple(_step(t) for t in pattern.tokens)
        for variant in _without_leading_optionals(steps):
            first = variant[0]
            for word in first.words if first.words is not None else (NUMBER,):
                self._by_word[word].append((key, variant))

    def __call__(self, doc: Doc) -> list[tuple[Hashable, int, int]]:
        found: set[tuple[Hashable, int, int]] = set()
        by_word = self._by_word
        for tok in doc:
            candidates = by_word.get(tok.lower_, [])
            if tok.like_num:
                candidates = candidates + by_word.get(NUMBER, [])
            for key, steps in candidates:
                for end in _ends(doc, tok.i + 1, steps, 1):
                    found.add((key, tok.i, end))
        return sorted(found, key=lambda m: (m[1], m[2]))


class PatternRule(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def patterns(self) -> tuple[CompiledPattern, ...]: ...


R = TypeVar("R", bound=PatternRule)


def index_rules(rules: Iterable[R]) -> tuple[PatternIndex, dict[str, R]]:
    """One index over all the rules' patterns, and the rules by id (the match keys)."""
    index = PatternIndex()
    by_id: dict[str, R] = {}
    for rule in rules:
        for pattern in rule.patterns:
            index.add(rule.id, pattern)
        by_id[rule.id] = rule
    return index, by_id


def _without_leading_optionals(steps: tuple[Step, ...]) -> Iterator[tuple[Step, ...]]:
    """The pattern with its first step required, and (if optional) the pattern without it."""
    while steps:
        first = steps[0]
        yield (Step(first.words, False), *steps[1:])
        if not first.optional:
            return
        steps = steps[1:]


def _ends(doc: Doc, at: int, steps: tuple[Step, ...], k: int) -> Iterator[int]:
    if k == len(steps):
        yield at
        return
    step = steps[k]
    if at < len(doc) and step.accepts(doc[at]):
        yield from _ends(doc, at + 1, steps, k + 1)
    if step.optional:
        yield from _ends(doc, at, steps, k + 1)
