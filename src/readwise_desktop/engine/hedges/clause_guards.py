"""Guards that read the clause around a hedge: a concession grants a past point ("While the
rules may have justified it"), a purpose clause says what an act is for ("so that they could"),
and the law's maximum is no guess ("could face up to 20 years", "a prison term of up to")."""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Doc, Token

from readwise_desktop.engine.rules.schema import WordLists
from readwise_desktop.engine.text.tokens import has_parse

CONCESSIVE = frozenset({"while", "whilst", "although", "though", "albeit"})


def concessive(verb: Token, modal: Token) -> bool:
    """ "While historical restrictions may have justified ...": a past point granted, not
    doubted. A concession of what may come still doubts it ("Although drilling may stave
    off ...")."""
    after = [t.lower_ for t in modal.doc[modal.i + 1 : modal.i + 3]]
    perfect = after[:1] == ["have"] or after == ["not", "have"]
    return perfect and any(c.dep_ == "mark" and c.lower_ in CONCESSIVE for c in verb.children)


def purpose(verb: Token) -> bool:
    """ "so that they could have a good future", "so they might be safe": what an act is for,
    not a guess."""
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "so" for c in verb.children
    )


PENALTY_VERBS = frozenset({"face", "receive", "get", "serve"})
PENALTY_WORDS = "list.hedge.penalty_words"


def legal_maximum(verb: Token) -> bool:
    """ "could receive up to a lifetime prison sentence": the law's maximum, not a guess."""
    if verb.lemma_.lower() not in PENALTY_VERBS:
        return False
    words = [t.lower_ for t in verb.subtree]
    return any(a == "up" and b == "to" for a, b in pairwise(words))


def not_penalty_bound(doc: Doc, start: int, end: int, lists: WordLists) -> bool:
    """A bound that is an estimate, not the law's maximum: "a prison term of up to 42 years",
    "fines of up to $10,000", "up to five years in jail" state what the law allows. The
    penalty word is in the bound's own phrase, up to its verb ("Up to 300 prisoners were
    released from the jail" still estimates)."""
    if not has_parse(doc):
        return True
    words = lists[PENALTY_WORDS]
    return not any(t.lemma_.lower() in words for t in _own_phrase(doc[start]))


def _own_phrase(tok: Token) -> list[Token]:
    out = []
    for above in tok.ancestors:
        if above.pos_ in ("VERB", "AUX"):
            break
        out += [above, *above.children]
        out += [g for c in above.children if c.dep_ == "prep" for g in c.children]
    return out
