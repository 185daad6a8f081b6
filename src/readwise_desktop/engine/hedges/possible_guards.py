"""Guards for "possible" and "possibly" of likelihood: not a manner ("as soon as possible", "made
possible", "possible to do"), not the most there can be ("the longest possible sentence", "as
much as they possibly could")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from readwise_desktop.engine.rules.schema import WordLists
from readwise_desktop.engine.text.tokens import has_parse, next_token

POSSIBLE_BLOCKERS = "list.hedge.possible_blockers"
POLLING_TERMS = "list.hedge.polling_terms"
MAKING = frozenset({"make", "render"})
MAKING_FORMS = frozenset({"make", "makes", "made", "making", "render", "renders", "rendered"})
SUPERLATIVE_TAGS = frozenset({"JJS", "RBS"})


def not_possible_of_manner(doc: Doc, start: int, end: int, lists: WordLists) -> bool:
    """ "possible" of likelihood, not "as soon as possible", "made possible" or "possible to do"."""
    before = doc[start - 1] if start > 0 else None
    after = next_token(doc, end)
    if before is not None and before.lower_ in lists[POSSIBLE_BLOCKERS]:
        return False
    if after is not None and after.lower_ in ("to", *lists[POLLING_TERMS]):
        return False  # "possible to do", "the possible remedies": a way, or candidates
    if has_parse(doc):
        if _denied(doc[start]):
            return False  # "would not be possible absent an amendment": what cannot be done
        if _on_condition(doc[start]):
            return False  # "would only be possible if Democrats won": a condition, not odds
        if _of_a_superlative(doc[start]):
            return False  # "the longest possible sentence": the most there can be
        return doc[start].head.lemma_.lower() not in MAKING
    window = doc[max(0, start - 4) : start]
    return not any(t.lower_ in MAKING_FORMS for t in window)


def _of_a_superlative(adjective: Token) -> bool:
    """ "possible" beside a superlative of its noun: "the faintest possible stars", "the best
    places possible"."""
    near = [*adjective.children, *adjective.head.children]
    return any(t.tag_ in SUPERLATIVE_TAGS and t.i != adjective.i for t in near)


def not_possibly_of_extent(doc: Doc, start: int, end: int, lists: WordLists) -> bool:
    """ "possibly" of doubt, not of the most one can do: "as much as they possibly could",
    "everything you could possibly"."""
    if doc[start].lower_ != "possibly" or not has_parse(doc):
        return True
    tok = doc[start]
    clause = tok.head if tok.dep_ == "advmod" else tok
    modal = [t for t in (doc[start - 1 : start + 2]) if t.lemma_ in ("can", "could")]
    if not modal:
        return True
    as_clause = any(c.dep_ == "mark" and c.lower_ == "as" for c in clause.children)
    of_all = clause.dep_ == "relcl" and clause.head.lower_ in lists[POSSIBLE_BLOCKERS]
    return not (as_clause or of_all)


def _denied(adjective: Token) -> bool:
    """A predicate adjective whose verb is negated: "is not possible"."""
    head = adjective.head
    return adjective.dep_ == "acomp" and any(c.dep_ == "neg" for c in head.children)


def _on_condition(adjective: Token) -> bool:
    """A predicate "possible" with its condition: "possible if both sides agree", "only
    possible with a majority"."""
    head = adjective.head
    if adjective.dep_ != "acomp":
        return False
    marks = (m for c in head.children if c.dep_ == "advcl" for m in c.children)
    conditional = any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in marks)
    return conditional or any(c.lower_ == "only" for c in head.children)
