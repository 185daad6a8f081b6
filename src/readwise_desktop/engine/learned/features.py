"""Token features for the learned attribution tagger, read off a parsed spaCy ``Doc``.

A pure function of the Doc and a lexicon of reporting-verb lemmas: no files, no state. Each
sentence is one sequence; whitespace tokens are left out. Every token gets a list of feature
strings (crfsuite's ``name=value`` items): its own word, lemma, tags, entity and shape; where it
sits in the parse relative to the nearest verb above it (the dependency path, whether that verb is
a reporting verb); whether it is inside a quotation; where it sits in the sentence and paragraph;
and the same for its neighbours (a window of two tokens each side).

The set is versioned: a model stores the ``FEATURE_SET``/``FEATURE_VERSION`` it was trained with
and the tagger refuses a model of another version. Change either constant when a feature changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from readwise_desktop.engine.text.quotes import find_quotes

FEATURE_SET = "readwise-attribution-crf"
FEATURE_VERSION = "1"

VERB_POS = frozenset({"VERB", "AUX"})
QUOTE_MARKS = frozenset('“”„«»"‘’')
MAX_PATH = 3
WINDOW = 2


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The word lists features look up: reporting-verb lemmas and source nouns ("statement")."""

    verbs: frozenset[str]
    nouns: frozenset[str] = frozenset()

    @classmethod
    def of(cls, verbs: Iterable[str], nouns: Iterable[str] = ()) -> Lexicon:
        return cls(frozenset(v.lower() for v in verbs), frozenset(n.lower() for n in nouns))


def sentences(doc: Doc) -> list[list[Token]]:
    """The sequences the tagger labels: each sentence's tokens without whitespace tokens."""
    out = []
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        if tokens:
            out.append(tokens)
    return out


def doc_features(doc: Doc, lexicon: Lexicon) -> list[list[list[str]]]:
    """Features of every token of every sequence of :func:`sentences` (same order)."""
    inside = _quoted(doc)
    return [_sequence_features(sent, inside, lexicon) for sent in sentences(doc)]


def _quoted(doc: Doc) -> list[bool]:
    """Per token: inside a quotation region (its marks included)."""
    marks = [False] * len(doc)
    for quote in find_quotes(doc.text):
        span: Span | None = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                marks[i] = True
    return marks


def _shape(token: Token) -> str:
    text = token.text
    if token.is_punct or not any(c.isalnum() for c in text):
        return "P"
    if token.like_num:
        return "D"
    if text.isupper() and len(text) > 1:
        return "XX"
    if text[:1].isupper():
        return "Xx"
    return "x"


def _verb_above(token: Token) -> tuple[Token | None, list[str]]:
    """The nearest verb at or above ``token``'s head and the dependency labels on the way."""
    path: list[str] = []
    current = token
    while current.head.i != current.i:
        path.append(current.dep_)
        current = current.head
        if current.pos_ in VERB_POS:
            return current, path
    return None, path


def _reporting_above(token: Token, lexicon: Lexicon) -> str:
    """The arc below the nearest reporting verb above ``token`` (within four steps), or ''."""
    current = token
    for _ in range(4):
        if current.head.i == current.i:
            return ""
        arc = current.dep_
        current = current.head
        if current.lemma_.lower() in lexicon.verbs:
            return arc
    return ""


def _base(token: Token, lexicon: Lexicon) -> dict[str, str]:
    """The features of one token that its neighbours also see (short names)."""
    lemma = token.lemma_.lower()
    head = token.head
    verb, path = _verb_above(token)
    arc = path[-1] if path else "ROOT"
    verb_kind = "none" if verb is None else "rv" if verb.lemma_.lower() in lexicon.verbs else "v"
    base = {
        "w": token.lower_,
        "l": lemma,
        "p": token.pos_,
        "t": token.tag_,
        "d": token.dep_,
        "s": _shape(token),
        "e": f"{token.ent_iob_}-{token.ent_type_}" if token.ent_type_ else "O",
        "rv": "1" if lemma in lexicon.verbs and token.pos_ in VERB_POS else "0",
        "sn": "1" if lemma in lexicon.nouns else "0",
        "hl": head.lemma_.lower(),
        "hp": head.pos_,
        "va": f"{arc}|{verb_kind}",
        "ra": _reporting_above(token, lexicon),
    }
    base["path"] = ">".join(path[:MAX_PATH])
    if verb is not None and verb_kind == "rv":
        base["vl"] = verb.lemma_.lower()
    return base


def _own(token: Token, lexicon: Lexicon) -> list[str]:
    """Features of a token that only it uses (not shared with the window)."""
    feats = [f"suf={token.lower_[-3:]}", f"pre={token.lower_[:3]}"]
    head = token.head
    feats.append(f"d|hl={token.dep_}|{head.lemma_.lower()}")
    feats.append(f"d|hp={token.dep_}|{head.pos_}")
    if token.pos_ in VERB_POS:
        deps = {c.dep_ for c in token.children}
        feats += [f"child={d}" for d in sorted(deps & {"nsubj", "nsubjpass", "ccomp", "agent"})]
        if any(c.text in QUOTE_MARKS for c in token.children):
            feats.append("child=quote")
    return feats


def _bucket(n: int) -> str:
    if n < 3:
        return str(n)
    if n < 6:
        return "3-5"
    if n < 11:
        return "6-10"
    return "11+"


def _sequence_features(
    sent: Sequence[Token], inside: Sequence[bool], lexicon: Lexicon
) -> list[list[str]]:
    bases = [_base(t, lexicon) for t in sent]
    n = len(sent)
    first = sent[0]
    para_start = first.i == 0 or "\n" in first.doc[first.i - 1].text_with_ws
    has_quote = any(t.text in QUOTE_MARKS for t in sent)
    has_rv = any(b["rv"] == "1" for b in bases)
    sentence = [
        f"para_start={int(para_start)}",
        f"sent_quote={int(has_quote)}",
        f"sent_rv={int(has_rv)}",
        f"quoted_start={int(inside[first.i])}",
    ]
    out = []
    for k, token in enumerate(sent):
        feats = ["bias", *sentence, *_own(token, lexicon)]
        feats += [f"{name}={value}" for name, value in bases[k].items()]
        feats.append(f"q={int(inside[token.i])}")
        feats.append(f"pos_from_start={_bucket(k)}")
        feats.append(f"pos_from_end={_bucket(n - 1 - k)}")
        for off in range(-WINDOW, WINDOW + 1):
            if off == 0:
                continue
            j = k + off
            if j < 0 or j >= n:
                feats.append(f"{off}:edge")
                continue
            b = bases[j]
            feats += [f"{off}:w={b['w']}", f"{off}:p={b['p']}", f"{off}:rv={b['rv']}"]
            if abs(off) == 1:
                feats += [f"{off}:d={b['d']}", f"{off}:e={b['e']}", f"{off}:va={b['va']}"]
                feats.append(f"{off}:q={int(inside[sent[j].i])}")
        if k > 0:
            feats.append(f"w-1|w={bases[k - 1]['w']}|{bases[k]['w']}")
        if k < n - 1:
            feats.append(f"w|w+1={bases[k]['w']}|{bases[k + 1]['w']}")
        out.append(feats)
    return out
