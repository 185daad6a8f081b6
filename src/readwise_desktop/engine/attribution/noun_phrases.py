"""Noun phrases of sources: the token range a source noun heads, the named entity a token is
in, and a name without its possessive ending."""

from __future__ import annotations

from spacy.tokens import Token

from readwise_desktop.engine.text.ranges import TokenRange
from readwise_desktop.engine.text.tokens import has_parse

NP_LEFT = frozenset(
    {
        "det",
        "compound",
        "amod",
        "poss",
        "nmod",
        "nummod",
        "quantmod",
        "case",
        "predet",
        "advmod",
        "npadvmod",
        "nn",
    }
)
NP_RIGHT = frozenset({"compound", "cc", "conj", "prep", "pobj", "case", "nummod"})


def np_range(tok: Token) -> TokenRange:
    """The token range of the noun phrase headed by ``tok``, without appositions or clauses."""
    if not has_parse(tok.doc):
        return TokenRange(tok.i, tok.i + 1)
    left = tok.i
    for child in tok.lefts:
        if child.dep_ in NP_LEFT:
            left = min(left, child.left_edge.i)
    right = tok.i
    for child in tok.rights:
        if child.dep_ in NP_RIGHT and not _crosses_comma(tok, child):
            right = max(right, child.right_edge.i)
    doc = tok.doc
    while right > left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    while left < right and (doc[left].is_punct or doc[left].is_space):
        left += 1
    return TokenRange(left, right + 1)


def _crosses_comma(head: Token, child: Token) -> bool:
    return any(t.text == "," for t in head.doc[head.i + 1 : child.i])


def entity_range(tok: Token) -> tuple[int, int]:
    """The token range of the named entity ``tok`` is in, from its IOB tags (no scan of
    doc.ents)."""
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def entity_text(tok: Token) -> str:
    """The text of the named entity ``tok`` is in."""
    return tok.doc[slice(*entity_range(tok))].text


def strip_possessive(text: str) -> str:
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            return text[: -len(suffix)].rstrip()
    return text
