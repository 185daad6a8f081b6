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

from readwise_desktop.engine.text.quotes import find_quotes

FEATURE_SET = "readwise-attribution-crf"
FEATURE_VERSION = "1"

VERB_POS = frozenset({"VERB", "AUX"})
QUOTE_MARKS = frozenset('“”„«»"‘’')
CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "xcomp"})
MAX_PATH = 3
WINDOW = 2
MAX_CLIMB = 8


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
    inside = quoted(doc)
    return [_sequence_features(sent, inside, lexicon) for sent in sentences(doc)]


def quoted(doc: Doc) -> list[bool]:
    """Per token of ``doc``: inside a quotation region (its marks included)."""
    marks = [False] * len(doc)
    for quote in find_quotes(doc.text):
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is not None:
            marks[span.start : span.end] = [True] * len(span)
    return marks


def _shape(token: Token) -> str:
    text = token.text
    if token.is_punct or not any(c.isalnum() for c in text):
        return "P"
    if token.like_num:
        return "D"
    if text.isupper() and len(text) > 1:
        return "XX"
    return "Xx" if text[:1].isupper() else "x"


def _verb_above(token: Token) -> tuple[Token | None, list[str]]:
    """The nearest verb above ``token`` and the dependency labels on the way up to it."""
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


def _governs_clause(verb: Token) -> bool:
    """A clausal complement, a quotation mark or a colon below ``verb`` ("said: ...")."""
    marks = QUOTE_MARKS | {":"}
    return any(c.dep_ in CLAUSE_DEPS or c.text in marks for c in verb.children)


def _base(token: Token, lexicon: Lexicon) -> dict[str, str]:
    """The features of one token that its neighbours also see (short names)."""
    lemma = token.lemma_.lower()
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
        "hl": token.head.lemma_.lower(),
        "hp": token.head.pos_,
        "va": f"{arc}|{verb_kind}",
        "ra": _reporting_above(token, lexicon),
        "path": ">".join(path[:MAX_PATH]),
    }
    if verb is not None:
        verb_lemma = verb.lemma_.lower()
        clause = int(_governs_clause(verb))
        if verb_kind == "rv":
            base["vl"] = verb_lemma
        base["anyv"] = verb_lemma
        base["arc|anyv"] = f"{arc}|{verb_lemma}"
        base["vclause"] = str(clause)
        base["arc|vclause"] = f"{arc}|{clause}"
    return base


def _own(token: Token) -> list[str]:
    """Features of a token that only it uses (not shared with the window)."""
    lemma, head = token.lemma_.lower(), token.head
    feats = [
        f"suf={token.lower_[-3:]}",
        f"pre={token.lower_[:3]}",
        f"d|hl={token.dep_}|{head.lemma_.lower()}",
        f"d|hp={token.dep_}|{head.pos_}",
        f"l|d={lemma}|{token.dep_}",
    ]
    if token.pos_ in VERB_POS:
        deps = {c.dep_ for c in token.children}
        feats += [f"child={d}" for d in sorted(deps & {"nsubj", "nsubjpass", "ccomp", "agent"})]
        if any(c.text in QUOTE_MARKS for c in token.children):
            feats.append("child=quote")
        subject = bool(deps & {"nsubj", "nsubjpass"})
        feats.append(f"l|clause={lemma}|{int(_governs_clause(token))}")
        feats.append(f"l|subj={lemma}|{int(subject)}")
    return feats


def _bucket(n: int) -> str:
    if n < 3:
        return str(n)
    if n < 6:
        return "3-5"
    return "6-10" if n < 11 else "11+"


def _sequence_features(
    sent: Sequence[Token], inside: Sequence[bool], lexicon: Lexicon
) -> list[list[str]]:
    bases = [_base(t, lexicon) for t in sent]
    n, first = len(sent), sent[0]
    root = next((t for t in sent if t.head.i == t.i), first)
    para_start = first.i == 0 or "\n" in first.doc[first.i - 1].text_with_ws
    marks = [k for k, t in enumerate(sent) if t.text in QUOTE_MARKS]
    sentence = [
        f"para_start={int(para_start)}",
        f"sent_quote={int(bool(marks))}",
        f"sent_rv={int(any(b['rv'] == '1' for b in bases))}",
        f"quoted_start={int(inside[first.i])}",
        f"root={root.lemma_.lower()}",
    ]
    out = []
    for k, token in enumerate(sent):
        feats = ["bias", *sentence, *_own(token)]
        feats += [f"{name}={value}" for name, value in bases[k].items()]
        feats += [f"q={int(inside[token.i])}", f"pos_from_start={_bucket(k)}"]
        feats.append(f"pos_from_end={_bucket(n - 1 - k)}")
        if marks:
            before = sum(1 for m in marks if m < k)
            feats.append(f"qbefore={min(before, 2)}|{int(any(m > k for m in marks))}")
        for off in range(-WINDOW, WINDOW + 1):
            j = k + off
            if off == 0:
                continue
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
        feats = [f"cdir={side}", f"cdist={_bucket(abs(cue.i - token.i))}"]
        cue_lemma = cue.lemma_.lower()
        arc, depth, current = "", 0, token
        while current.head.i != current.i and depth < MAX_CLIMB:
            depth += 1
            if current.head.i in head_ids:
                arc, cue_lemma = current.dep_, current.head.lemma_.lower()
                break
            current = current.head
        if arc:
            feats += [f"csub={arc}", f"csub|d={arc}|{_bucket(depth)}"]
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
