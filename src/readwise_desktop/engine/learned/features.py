"""Token features for the learned attribution tagger, read off a parsed spaCy ``Doc``.

Pure functions of the Doc and a :class:`Lexicon`: no files, no state. Each sentence is one
sequence; whitespace tokens are left out (:func:`sentences`). Every token gets a list of feature
strings (crfsuite's attribute names): its word, lemma, tags, entity and shape; where it sits in the
parse relative to the nearest verb above it (dependency path, whether that verb is a reporting
verb, whether it governs a clause); whether it is inside a quotation; where it sits in the sentence
and paragraph; and the same for its neighbours (two tokens each side).

:func:`cue_features` adds, for the second (source) model, where each token sits relative to the cue
spans the first model found in the sentence: left or right, how far, and through which dependency
arc of the cue (``nsubj`` of "said") it hangs.

The set is versioned: a model stores the ``FEATURE_SET``/``FEATURE_VERSION`` it was trained with,
and the tagger refuses another version. Change the version whenever a feature changes.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from readwise_desktop.engine.learned.parse_table import MAX_CLIMB, ParseTable, bucket
from readwise_desktop.engine.text.quotes import find_quotes

FEATURE_SET = "readwise-attribution-crf"
FEATURE_VERSION = "1"


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
    return [feats for _, feats in featured_sequences(doc, lexicon)]


def featured_sequences(doc: Doc, lexicon: Lexicon) -> list[tuple[list[int], list[list[str]]]]:
    """Each sequence of :func:`sentences` as the Doc's token indices, with its features."""
    parse = ParseTable(doc, lexicon)
    seqs = parse.sequences()
    if not seqs:
        return []
    inside = quoted(doc)
    return [(seq, parse.sequence(seq, inside)) for seq in seqs]


def quoted(doc: Doc) -> list[bool]:
    """Per token of ``doc``: inside a quotation region (its marks included)."""
    marks = [False] * len(doc)
    for quote in find_quotes(doc.text):
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is not None:
            marks[span.start : span.end] = [True] * len(span)
    return marks


def cue_features(sent: Sequence[Token], cue_tokens: Collection[int]) -> list[list[str]]:
    """Per token of ``sent``: where it sits relative to the cues (token indices of the Doc)."""
    cues = [t for t in sent if t.i in cue_tokens]
    if not cues:
        return [["nocue"] for _ in sent]
    heads = [t for t in cues if t.head.i == t.i or t.head.i not in cue_tokens]
    head_ids = {h.i for h in heads}
    out = []
    for token in sent:
        if token.i in cue_tokens:
            out.append(["incue"])
            continue
        cue = min(heads, key=lambda h: abs(h.i - token.i))
        side = "L" if cue.i > token.i else "R"
        feats = [f"cdir={side}", f"cdist={bucket(abs(cue.i - token.i))}"]
        cue_lemma = cue.lemma_.lower()
        arc, depth, current = "", 0, token
        while current.head.i != current.i and depth < MAX_CLIMB:
            depth += 1
            if current.head.i in head_ids:
                arc, cue_lemma = current.dep_, current.head.lemma_.lower()
                break
            current = current.head
        if arc:
            feats += [f"csub={arc}", f"csub|d={arc}|{bucket(depth)}"]
            feats += [f"csub|cl={arc}|{cue_lemma}", f"csub|p={arc}|{token.pos_}"]
        else:
            feats += _through_ancestors(token, cue)
        feats.append(f"cdir|l={side}|{cue_lemma}")
        out.append(feats)
    return out


def _through_ancestors(token: Token, cue: Token) -> list[str]:
    """How ``token`` hangs from an ancestor of ``cue`` (the subject of "took" in "took to ...
    accuse"), up to three steps above the cue."""
    up: list[str] = []
    above = cue
    for _ in range(3):
        if above.head.i == above.i:
            break
        up.append(above.dep_)
        above = above.head
        current, depth = token, 0
        while current.head.i != current.i and depth < MAX_CLIMB:
            depth += 1
            if current.head.i == above.i:
                if current.i == cue.i:
                    break
                return [f"cup={'>'.join(up)}|{current.dep_}", f"cup|arc={current.dep_}"]
            current = current.head
    return ["crel=none"]
