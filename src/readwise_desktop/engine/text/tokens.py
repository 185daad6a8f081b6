"""Small questions about tokens that several rule modules ask: is there a parse, who is the
subject, is it a person."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from readwise_desktop.engine.text.lexicon import PERSONAL


def has_parse(doc: Doc) -> bool:
    return bool(doc.has_annotation("DEP"))


def next_token(doc: Doc, i: int) -> Token | None:
    return doc[i] if 0 <= i < len(doc) else None


def clause_subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "expl"):
            return child
    return None


def is_passive(verb: Token) -> bool:
    """The verb has a passive auxiliary ("was rejected", "could be used")."""
    return any(c.dep_ == "auxpass" for c in verb.children)


def is_personal(tok: Token | None) -> bool:
    return tok is not None and (tok.lower_ in PERSONAL or tok.ent_type_ == "PERSON")
