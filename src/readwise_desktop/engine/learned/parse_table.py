"""The per-Doc token table behind :func:`features.doc_features`: every token attribute the
features use, read once with ``Doc.to_array`` into plain lists, and the feature strings that
recur built once per Doc. The strings are exactly those of feature set version 1.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from functools import partial
from itertools import pairwise
from typing import TYPE_CHECKING

from spacy.attrs import (
    DEP,
    ENT_IOB,
    ENT_TYPE,
    HEAD,
    IS_PUNCT,
    IS_SPACE,
    LEMMA,
    LIKE_NUM,
    LOWER,
    ORTH,
    POS,
    TAG,
)
from spacy.tokens import Doc, Token

if TYPE_CHECKING:
    from readwise_desktop.engine.learned.features import Lexicon

VERB_POS = frozenset({"VERB", "AUX"})
QUOTE_MARKS = frozenset('“”„«»"‘’')
CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "xcomp"})
MAX_PATH = 3
WINDOW = 2
MAX_CLIMB = 8
Key = tuple[str, ...]  # the values some features show
_CLAUSE_MARKS = QUOTE_MARKS | {":"}
# The token attributes read off the Doc, in the order _Parse unpacks them.
_ATTRS = [ORTH, LOWER, LEMMA, POS, TAG, DEP, ENT_IOB, ENT_TYPE, IS_SPACE, IS_PUNCT, LIKE_NUM]
_CHILD_DEPS = frozenset({"nsubj", "nsubjpass", "ccomp", "agent"})
_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass"})
# The window's offsets; the next token each side gets more features.
_OFFSETS = tuple(off for off in range(-WINDOW, WINDOW + 1) if off)
_QUOTED = ("q=0", "q=1")
_BIT = ("0", "1")
# What a token shows its neighbours besides its word (the next token each side: all; the
# others: the first two).
_SHOWN = ("p", "rv", "d", "e", "va", "q")


def _shape(text: str, punct: int, like_num: int) -> str:
    if punct or not any(c.isalnum() for c in text):
        return "P"
    if like_num:
        return "D"
    if text.isupper() and len(text) > 1:
        return "XX"
    return "Xx" if text[:1].isupper() else "x"


def _named(doc: Doc, hashes: list[int], fix: Callable[[str], str] = str) -> list[str]:
    """The strings of a column of string hashes (each distinct one looked up once)."""
    strings = doc.vocab.strings
    names = {h: fix(strings[h]) for h in set(hashes)}
    return [names[h] for h in hashes]


def _entities(doc: Doc, iob: list[int], types: list[int]) -> list[str]:
    """Each token's ``B-ORG``/``I-ORG``, or ``O`` outside entities."""
    iobs, strings = Token.iob_strings(), doc.vocab.strings
    names = {
        (b, t): f"{iobs[b]}-{strings[t]}" if t else "O"
        for b, t in set(zip(iob, types, strict=True))
    }
    return [names[b, t] for b, t in zip(iob, types, strict=True)]


class ParseTable:
    """The token attributes the features use, read once per Doc into lists indexed like it
    (reading a spaCy ``Token`` attribute is slow; most are read many times)."""

    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        self.doc, self.verbs, self.nouns = doc, lexicon.verbs, lexicon.nouns
        orth, lower, lemma, pos, tag, dep, iob, ent, space, punct, num = doc.to_array(
            _ATTRS
        ).T.tolist()
        head = doc.to_array(HEAD).astype("int64").tolist()  # offsets, stored unsigned
        self.text = _named(doc, orth)
        self.lower = _named(doc, lower)
        self.lemma = _named(doc, lemma, str.lower)
        self.pos, self.tag, self.dep = _named(doc, pos), _named(doc, tag), _named(doc, dep)
        self.head = [i + off for i, off in enumerate(head)]
        self.space = space
        kinds = list(zip(self.text, punct, num, strict=True))
        shapes = {kind: _shape(*kind) for kind in set(kinds)}
        self.shape = [shapes[kind] for kind in kinds]
        self.ent = _entities(doc, iob, ent)
        _MEMOS.bound()
        self.tags, self.above, self.verb_feats, self.shown = (
            _MEMOS.tags,
            _MEMOS.above,
            _MEMOS.verb_feats,
            _MEMOS.shown,
        )
        # What hangs below each token: its children's labels, a clause or a colon ("said:
        # ..."), a quotation mark.
        self.kid_deps: dict[int, set[str]] = {}
        self.clause = [False] * len(doc)
        self.quote_kid = [False] * len(doc)
        for i, h in enumerate(self.head):
            if h != i:
                label, text = self.dep[i], self.text[i]
                self.kid_deps.setdefault(h, set()).add(label)
                self.clause[h] = self.clause[h] or label in CLAUSE_DEPS or text in _CLAUSE_MARKS
                self.quote_kid[h] = self.quote_kid[h] or text in QUOTE_MARKS

    def sequences(self) -> list[list[int]]:
        """The token indices of :func:`sentences`."""
        out = []
        for sent in self.doc.sents:
            seq = [i for i in range(sent.start, sent.end) if not self.space[i]]
            if seq:
                out.append(seq)
        return out

    def verb_above(self, i: int) -> tuple[int, list[str]]:
        """The nearest verb above token ``i`` (-1: none) and the labels on the way up to it."""
        head, path = self.head, []
        while head[i] != i:
            path.append(self.dep[i])
            i = head[i]
            if self.pos[i] in VERB_POS:
                return i, path
        return -1, path

    def reporting_above(self, i: int) -> str:
        """The arc below the nearest reporting verb above ``i`` (within four steps), or ''."""
        for _ in range(4):
            h = self.head[i]
            if h == i:
                return ""
            if self.lemma[h] in self.verbs:
                return self.dep[i]
            i = h
        return ""

    def bases(self, seq: list[int]) -> tuple[list[list[str]], list[str], list[str]]:
        """Per token of ``seq``: the features its neighbours also see, its ``rv`` and ``va``."""
        lower, lemmas, pos, tag, dep, shape, ent = (
            self.lower,
            self.lemma,
            self.pos,
            self.tag,
            self.dep,
            self.shape,
            self.ent,
        )
        verbs, nouns, head, clause = self.verbs, self.nouns, self.head, self.clause
        tags, above, verb_feats = self.tags, self.above, self.verb_feats
        out, rvs, vas = [], [], []
        for i in seq:
            lemma, h = lemmas[i], head[i]
            verb, path = self.verb_above(i)
            arc = path[-1] if path else "ROOT"
            kind = "none" if verb < 0 else "rv" if lemmas[verb] in verbs else "v"
            rv = "1" if lemma in verbs and pos[i] in VERB_POS else "0"
            va = f"{arc}|{kind}"
            key = (pos[i], tag[i], dep[i], shape[i], ent[i], rv, _BIT[lemma in nouns])
            ra = self.reporting_above(i)
            feats = [
                f"w={lower[i]}",
                f"l={lemma}",
                *tags[key],
                f"hl={lemmas[h]}",
                *above[pos[h], va, ra, ">".join(path[:MAX_PATH])],
            ]
            if verb >= 0:
                feats += verb_feats[kind, lemmas[verb], arc, _BIT[clause[verb]]]
            out.append(feats)
            rvs.append(rv)
            vas.append(va)
        return out, rvs, vas

    def owns(self, seq: list[int]) -> list[list[str]]:
        """Per token of ``seq``: the features only it uses (not shared with the window)."""
        lower, lemmas, pos, dep, head, clause = (
            self.lower,
            self.lemma,
            self.pos,
            self.dep,
            self.head,
            self.clause,
        )
        out = []
        for i in seq:
            word, lemma, label, h = lower[i], lemmas[i], dep[i], head[i]
            feats = [
                f"suf={word[-3:]}",
                f"pre={word[:3]}",
                f"d|hl={label}|{lemmas[h]}",
                f"d|hp={label}|{pos[h]}",
                f"l|d={lemma}|{label}",
            ]
            if pos[i] in VERB_POS:
                deps = self.kid_deps.get(i, set())
                feats += [f"child={d}" for d in sorted(deps & _CHILD_DEPS)]
                if self.quote_kid[i]:
                    feats.append("child=quote")
                feats.append(f"l|clause={lemma}|{int(clause[i])}")
                feats.append(f"l|subj={lemma}|{int(not deps.isdisjoint(_SUBJ_DEPS))}")
            out.append(feats)
        return out

    def sequence(self, seq: list[int], inside: Sequence[bool]) -> list[list[str]]:
        """The features of the tokens ``seq`` (indices of one sequence), built column-wise."""
        bases, rvs, vas = self.bases(seq)
        words = [self.lower[i] for i in seq]
        n, first = len(seq), seq[0]
        root = next((i for i in seq if self.head[i] == i), first)
        para_start = first == 0 or "\n" in self.doc[first - 1].text_with_ws
        marks = [k for k, i in enumerate(seq) if self.text[i] in QUOTE_MARKS]
        sentence = [
            "bias",
            f"para_start={int(para_start)}",
            f"sent_quote={int(bool(marks))}",
            f"sent_rv={int('1' in rvs)}",
            f"quoted_start={int(inside[first])}",
            f"root={self.lemma[root]}",
        ]
        where = [
            [_QUOTED[inside[i]], _FROM_START[min(k, 11)], _FROM_END[min(n - 1 - k, 11)]]
            for k, i in enumerate(seq)
        ]
        if marks:
            for k, feats in enumerate(where):
                before = bisect_left(marks, k)  # marks before token k
                feats.append(f"qbefore={min(before, 2)}|{int(marks[-1] > k)}")
        far: list[Key] = [(self.pos[i], rv) for i, rv in zip(seq, rvs, strict=True)]
        near: list[Key] = [
            (*shown, self.dep[i], self.ent[i], va, _BIT[inside[i]])
            for shown, i, va in zip(far, seq, vas, strict=True)
        ]
        columns = [self.window(words, near if abs(off) == 1 else far, off) for off in _OFFSETS]
        left = [(), *[(f"w-1|w={a}|{b}",) for a, b in pairwise(words)]]
        right = [*[(f"w|w+1={a}|{b}",) for a, b in pairwise(words)], ()]
        return [
            [*sentence, *own, *base, *at, *m2, *m1, *p1, *p2, *lt, *rt]
            for own, base, at, m2, m1, p1, p2, lt, rt in zip(
                self.owns(seq), bases, where, *columns, left, right, strict=True
            )
        ]

    def window(self, words: list[str], keys: list[Key], off: int) -> list[tuple[str, ...]]:
        """Per token k of a sequence: token k + off seen from k (``-1:w=...``), or the edge."""
        n, shown = len(keys), self.shown[off]
        lo = min(max(0, -off), n)  # the tokens k in lo..hi have a token k + off
        hi = max(min(n, n - off), lo)
        edge = (f"{off}:edge",)
        blocks = [(f"{off}:w={words[j]}", *shown[keys[j]]) for j in range(lo + off, hi + off)]
        return [edge] * lo + blocks + [edge] * (n - hi)


class _Memo(dict[Key, tuple[str, ...]]):
    """Feature strings by the values they show (``make(*values)``), each made once."""

    def __init__(self, make: Callable[..., tuple[str, ...]]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: Key) -> tuple[str, ...]:
        made = self[key] = self.make(*key)
        return made


class _Memos:
    """Feature strings by the values they show, each made once per process: the values are
    tags, labels and the lemma of a verb, so the strings recur across Docs."""

    MAX_KEYS = 200_000  # the verbs' lemmas are an open class: start again past this many

    def __init__(self) -> None:
        self.tags = _Memo(partial(_labelled, ("p", "t", "d", "s", "e", "rv", "sn")))
        self.above = _Memo(partial(_labelled, ("hp", "va", "ra", "path")))
        self.verb_feats = _Memo(_verb_features)
        self.shown = {
            off: _Memo(
                partial(_labelled, [f"{off}:{n}" for n in _SHOWN[: 6 if abs(off) == 1 else 2]])
            )
            for off in _OFFSETS
        }

    def bound(self) -> None:
        memos = [self.tags, self.above, self.verb_feats, *self.shown.values()]
        if sum(len(m) for m in memos) > self.MAX_KEYS:
            for memo in memos:
                memo.clear()


def _labelled(names: Sequence[str], *values: str) -> tuple[str, ...]:
    return tuple(f"{n}={v}" for n, v in zip(names, values, strict=True))


def _verb_features(kind: str, lemma: str, arc: str, clause: str) -> tuple[str, ...]:
    """What a token shows of the nearest verb above it (``kind`` "rv": a reporting verb)."""
    named = (f"vl={lemma}",) if kind == "rv" else ()
    return (
        *named,
        f"anyv={lemma}",
        f"arc|anyv={arc}|{lemma}",
        f"vclause={clause}",
        f"arc|vclause={arc}|{clause}",
    )


def bucket(n: int) -> str:
    if n < 3:
        return str(n)
    if n < 6:
        return "3-5"
    return "6-10" if n < 11 else "11+"


_MEMOS = _Memos()
_FROM_START = [f"pos_from_start={bucket(k)}" for k in range(12)]  # 11 and on: "11+"
_FROM_END = [f"pos_from_end={bucket(k)}" for k in range(12)]
