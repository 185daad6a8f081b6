"""Guards of a modal that read the clause around it: a concession grants a past point ("While
the rules may have justified it"), and the law's maximum is no guess ("could face up to 20
years")."""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Token

CONCESSIVE = frozenset({"while", "whilst", "although", "though", "albeit"})


def concessive(verb: Token, modal: Token) -> bool:
    """ "While historical restrictions may have justified ...": a past point granted, not
    doubted. A concession of what may come still doubts it ("Although drilling may stave
    off ...")."""
    after = [t.lower_ for t in modal.doc[modal.i + 1 : modal.i + 3]]
    perfect = after[:1] == ["have"] or after == ["not", "have"]
    return perfect and any(c.dep_ == "mark" and c.lower_ in CONCESSIVE for c in verb.children)


PENALTY_VERBS = frozenset({"face", "receive", "get", "serve"})


def legal_maximum(verb: Token) -> bool:
    """ "could receive up to a lifetime prison sentence": the law's maximum, not a guess."""
    if verb.lemma_.lower() not in PENALTY_VERBS:
        return False
    words = [t.lower_ for t in verb.subtree]
    return any(a == "up" and b == "to" for a, b in pairwise(words))
