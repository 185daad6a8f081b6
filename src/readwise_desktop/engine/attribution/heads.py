"""What a source's noun phrase says beyond its head word.

- An outlet noun with its name beside it is that named organisation: "the Vox website", "the
  Fars news agency", "the BBC's website".
- People or a gathering of officials are unnamed officials: "people in the Trump
  administration", "an assembly of several foreign ministers", "sources at the ministry".
- A people's name is a party or a body only with its institution: "Democrats in Congress";
  alone ("Americans", "Republicans") it is an unspecified collective.
- The authors of a study named in the same sentence speak for it: "In a new study, scientists
  report".
- People of a state body are officials: "White House doctors", "army engineers".
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Span, Token

from readwise_desktop.engine.results import SourceType
from readwise_desktop.engine.text.tokens import has_parse

OUTLET_NOUNS = frozenset(
    {"website", "site", "newspaper", "paper", "magazine", "outlet", "channel", "network"}
    | {"broadcaster", "station", "agency", "blog", "publication", "tabloid", "daily", "wire"}
)
# Outlets that speak without a name ("local television reported"): a vague source, or an
# official one when the state runs it ("state radio said").
MEDIA_NOUNS = OUTLET_NOUNS | {"television", "tv", "radio"}
MEMBER_PREPOSITIONS = frozenset({"in", "at", "from", "within", "inside", "of", "close"})
KNOWN_DETERMINERS = frozenset({"the", "its", "their", "these", "both"})
BARE_AUTHORS = frozenset({"researchers", "authors"})
GATHERINGS = frozenset(
    {"assembly", "group", "delegation", "meeting", "panel", "team", "coalition", "number"}
    | {"handful", "couple", "pair", "dozen", "dozens", "majority", "bloc", "gathering"}
)


def outlet_name(head: Token) -> str | None:
    """The name beside an outlet noun ("Vox" of "the Vox website"), or None."""
    if head.lemma_.lower() not in OUTLET_NOUNS:
        return None
    named = [
        c
        for c in head.lefts
        if c.dep_ in ("compound", "nmod", "poss") and (c.pos_ == "PROPN" or c.ent_type_ == "ORG")
    ]
    if not named:
        return None
    first, last = named[0].left_edge, named[-1]
    words = [t for t in head.doc[first.i : last.i + 1] if not t.is_punct and t.dep_ != "case"]
    return " ".join(t.text for t in words) or None


def among_officials(head: Token, official_nouns: frozenset[str]) -> bool:
    """People or a gathering whose "in/at/of ..." names an official body or officials:
    "people in the Trump administration", "an assembly of several foreign ministers"."""
    lemma = head.lemma_.lower()
    if lemma not in GATHERINGS and lemma not in ("people", "person", "source", "someone"):
        return False
    for prep in head.rights:
        if prep.dep_ != "prep" or prep.lower_ not in MEMBER_PREPOSITIONS:
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and _official(noun, official_nouns):
                return True
    return False


def _official(noun: Token, official_nouns: frozenset[str]) -> bool:
    words = [noun, *(c for c in noun.children if c.dep_ == "conj")]
    return any(w.lower_ in official_nouns or w.lemma_.lower() in official_nouns for w in words)


def collective_type(span: Span, head: Token, parties: frozenset[str]) -> SourceType | None:
    """A nationality, people or party as the source ("Democrats in Congress said"): a
    named body when it names a party ("Democrats claimed") or an institution is named with
    it, otherwise a vague collective; never a person's name."""
    if head.ent_type_ != "NORP" or head.tag_ != "NNPS":
        return None
    if head.lower_ in parties:
        return SourceType.NAMED_ORGANISATION
    with_body = any(t.ent_type_ in ("ORG", "GPE") and t.i > head.i for t in span)
    return SourceType.NAMED_ORGANISATION if with_body else SourceType.VAGUE


RESEARCH = frozenset({"research", "study", "science", "scientific"})
TEAMS = frozenset({"team", "group"})


def speaks_for_study(
    head: Token, authors: frozenset[str], studies: frozenset[str], speech: frozenset[str]
) -> bool:
    """ "scientists" or "researchers" in the sentence that names their study, or "the
    researchers" telling its findings after it ("A study in Nature ... The researchers
    concluded"): its authors. "..., the researchers said" after it gives their own words."""
    research = any(c.dep_ == "compound" and c.lower_ in RESEARCH for c in head.children)
    if head.lower_ not in authors and not (head.lower_ in TEAMS and research):
        return False  # "the researchers", "the research team"
    if any(t.pos_ == "NOUN" and t.lemma_.lower() in studies for t in head.sent):
        return True
    if head.dep_ == "nsubj" and head.head.lemma_.lower() in speech:
        return False
    return _known_authors(head) and any(
        t.pos_ == "NOUN" and t.lemma_.lower() in studies for t in head.doc[: head.sent.start]
    )


def _known_authors(head: Token) -> bool:
    """ "the researchers", "its authors", "Researchers" alone: the ones the text has met; not
    "other researchers", "some scientists", "researchers at Harvard", a "team", or
    "scientists" alone, who are science at large ("Scientists debate whether ...")."""
    if head.lower_ in ("team", "teams"):
        return False
    lefts = list(head.lefts)
    if any(c.lower_ not in KNOWN_DETERMINERS for c in lefts):
        return False
    if not lefts and head.lower_ not in BARE_AUTHORS:
        return False
    return not any(c.dep_ in ("prep", "relcl", "acl") for c in head.rights)


def of_body(head: Token) -> bool:
    """A title with its place or body: "the mayor of Yartsevo", "the president of the club".
    Without a parse there are no links to read (reading them can crash spaCy)."""
    if not has_parse(head.doc):
        return False
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in prep.children)
    return False


def for_body(head: Token, bodies: Collection[str]) -> bool:
    """An office held for a body: "the spokesperson for the German government", "a
    spokesman for Acme"; the office speaks for it, not a person named before."""
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            return any(
                g.dep_ == "pobj" and (g.pos_ == "PROPN" or g.lemma_.lower() in bodies)
                for g in prep.children
            )
    return False


def of_the_state(head: Token, state_bodies: Collection[str], seats: Collection[str]) -> bool:
    """People named by a state body before them: "White House doctors", "army engineers"."""
    for mod in head.lefts:
        if mod.dep_ != "compound":
            continue
        words = " ".join(t.lower_ for t in mod.subtree)
        if mod.lemma_.lower() in state_bodies or words in seats:
            return True
    return False
