"""spaCy's attribute ruler with a lookup table for its one-token patterns.

The stock model's ruler has 179 rules; 171 are one token with plain values (``{"TAG": "NN"}``,
``{"LOWER": "ca", "TAG": "MD"}``). The Matcher runs all of them on every token and holds the GIL
for the whole document (about a tenth of an analysis). Here those are looked up in a table keyed
by the token's attribute values, and only the rest go to a Matcher. The matches are then sorted
and applied exactly as the stock ruler does (by rule, so later rules win), so the result is the
same (tests/engine/test_fast_paths.py); the patterns, and so serialisation, are the stock ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import itemgetter
from typing import Any, cast

from spacy.attrs import DEP, IS_SPACE, LOWER, NORM, ORTH, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

FACTORY = "readwise_lookup_ruler"
STOCK_NAME = "attribute_ruler"
# Attributes whose value the Matcher compares as the string's hash, and boolean flags.
HASHED = {"ORTH": ORTH, "LOWER": LOWER, "NORM": NORM, "TAG": TAG, "DEP": DEP}
FLAGS = {"IS_SPACE": IS_SPACE}
Key = tuple[int, ...] | int
Pattern = list[dict[str, Any]]  # a Matcher pattern: one dict per token
Match = tuple[int, int, int, int]  # rule, match id, start, end: the stock ruler's sort order


class LookupAttributeRuler(AttributeRuler):
    """An ``AttributeRuler`` whose one-token patterns are looked up instead of matched."""

    def __init__(self, vocab: Vocab, name: str = STOCK_NAME, **kwargs: Any) -> None:
        super().__init__(vocab, name, **kwargs)
        self._reset_lookup()

    def clear(self) -> None:
        super().clear()
        self._reset_lookup()

    def _reset_lookup(self) -> None:
        self.rest = Matcher(self.vocab, validate=self.validate)
        # columns (attribute ids) -> their values on a token -> the rules that match it
        self.tables: dict[tuple[int, ...], dict[Key, list[int]]] = {}
        self.match_ids: list[int] = []  # each rule's match id, as the stock ruler reports it
        self._plan: LookupPlan | None = None

    def add(
        self,
        patterns: Iterable[list[dict[int | str, Any]]],
        attrs: dict[str, Any],
        index: int = 0,
    ) -> None:
        patterns = list(patterns)
        rule = len(self.attrs)
        super().add(patterns, attrs, index)
        self.match_ids.append(self.vocab.strings.add(str(rule)))
        self._plan = None
        left: list[Pattern] = []
        for pattern in patterns:
            entry = table_entry(cast(Pattern, pattern), self.vocab) if index in (0, -1) else None
            if entry is None:
                left.append(cast(Pattern, pattern))
                continue
            columns, keys = entry
            table = self.tables.setdefault(columns, {})
            for key in keys:
                table.setdefault(key, []).append(rule)
        if left:
            self.rest.add(self.match_ids[rule], left)

    def match(self, doc: Doc) -> list[Match]:
        strings = self.vocab.strings
        found = [
            (int(strings[m_id]), m_id, s, e)
            for m_id, s, e in self.rest(doc, allow_missing=True, as_spans=False)
        ]
        found += self._looked_up(doc)
        found.sort()
        return found

    def _looked_up(self, doc: Doc) -> list[Match]:
        if not self.tables or not len(doc):
            return []
        if self._plan is None:
            self._plan = LookupPlan.of(self.tables)
        ids, found = self.match_ids, []
        for i, row in enumerate(doc.to_array(list[int | str](self._plan.columns)).tolist()):
            for key_of, table in self._plan.keyed:
                for rule in table.get(key_of(row), ()):
                    found.append((rule, ids[rule], i, i + 1))
        return found


@dataclass(frozen=True, slots=True)
class LookupPlan:
    """The columns to read from a Doc, and how each table's key is taken from a token's row."""

    columns: list[int]
    keyed: list[tuple[Callable[[list[int]], Key], dict[Key, list[int]]]]

    @classmethod
    def of(cls, tables: dict[tuple[int, ...], dict[Key, list[int]]]) -> LookupPlan:
        columns = sorted({c for cols in tables for c in cols})
        keyed = [(_keyer([columns.index(c) for c in cols]), t) for cols, t in tables.items()]
        return cls(columns, keyed)


def table_entry(pattern: Pattern, vocab: Vocab) -> tuple[tuple[int, ...], list[Key]] | None:
    """The columns and keys of a one-token pattern with plain values (an ``IN`` list gives
    one key per value), or ``None`` for a pattern the Matcher must run."""
    if len(pattern) != 1 or not pattern[0]:
        return None
    ordered = sorted(pattern[0].items(), key=lambda item: _column(item[0]) or 0)
    columns, choices = [], []
    for name, value in ordered:
        column, values = _column(name), _values(name, value, vocab)
        if column is None or values is None:
            return None
        columns.append(column)
        choices.append(values)
    keys: list[tuple[int, ...]] = [()]
    for values in choices:
        keys = [(*key, v) for key in keys for v in values]
    return tuple(columns), [k[0] if len(k) == 1 else k for k in keys]


def _column(name: str) -> int | None:
    return HASHED.get(name, FLAGS.get(name))


def _values(name: str, value: Any, vocab: Vocab) -> list[int] | None:
    """The token values that satisfy ``name: value``, or ``None`` if it is not a plain test."""
    if name in FLAGS:
        return [int(value)] if isinstance(value, bool) else None
    if isinstance(value, str):
        return [vocab.strings.add(value)]
    listed = value.get("IN") if isinstance(value, dict) and len(value) == 1 else None
    if isinstance(listed, list) and all(isinstance(v, str) for v in listed):
        return [vocab.strings.add(v) for v in listed]
    return None


def _keyer(positions: list[int]) -> Callable[[list[int]], Key]:
    """The key of a token's row for these columns: a value, or a tuple of them."""
    return itemgetter(*positions)


def use_lookup_ruler(nlp: Language) -> bool:
    """Put a lookup ruler with the stock ruler's patterns in its place; whether there was one."""
    if STOCK_NAME not in nlp.pipe_names or type(nlp.get_pipe(STOCK_NAME)) is not AttributeRuler:
        return False
    stock = nlp.get_pipe(STOCK_NAME)
    assert isinstance(stock, AttributeRuler)
    ruler = nlp.replace_pipe(STOCK_NAME, FACTORY)
    assert isinstance(ruler, LookupAttributeRuler)
    ruler.add_patterns(stock.patterns)
    return True


@Language.factory(
    FACTORY,
    default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}},
)
def make_lookup_ruler(
    nlp: Language, name: str, validate: bool, scorer: Callable[..., Any] | None
) -> LookupAttributeRuler:
    return LookupAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)
