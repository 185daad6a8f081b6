"""Which named mentions are people, whatever label the entity recogniser gave them.

spaCy's recogniser often types a person's name ORG or GPE ("Independent presidential candidate
Brock Pierce", "Gáspár Maróth, the government commissioner"). A name is taken for a person when
a person's title stands right before it ("candidate Brock Pierce") or is in apposition to it
("Sadie Weiner, Hagan's former spokeswoman"); not a "who" clause, which bodies take too ("the
Navy, who told it"). Roles that bodies hold too ("the owner", "the market leader") are no such
sign; their list is rules data (``word_lists.toml``). Surnames key the full name, with their
particles ("Gloria La Riva": "La Riva"), without a suffix ("Robert Downey Jr.": "Downey"),
and both of two surnames ("Ricardo Rosselló Nevares": "Rosselló", "Nevares").
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from spacy.tokens import Span, Token

SHARED_ROLES = "list.attribution.shared_roles"
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
SURNAME_PARTICLES = frozenset(
    {"al", "bin", "da", "de", "del", "della", "der", "di", "do", "dos", "du", "el", "ibn", "la"}
    | {"le", "van", "von"}
)


def has_person_role(
    ent: Span, roles: Collection[str], shared: Collection[str], parsed: bool
) -> bool:
    """A body-typed name with a person's title before it ("candidate Brock Pierce") or in
    apposition ("Weiner, Hagan's former spokeswoman", "the chancellor, Pradeep Khosla")."""
    doc = ent.doc
    if ent.start > 0 and _role(doc[ent.start - 1], roles, shared):
        return True
    if not parsed:
        return False
    if ent.root.dep_ == "appos" and _role(ent.root.head, roles, shared):
        return True  # "San Diego's chancellor, Pradeep Khosla"
    return any(_appos_role(c, roles, shared) for c in ent.root.rights)


def name_after_place(ent: Span, roles: Collection[str]) -> Span | None:
    """The person's name at the end of a body-typed "place + name" after a title: "Prime
    Minister of [India Narendra Modi]", "First Minister of [Scotland Nicola Sturgeon]": the
    recogniser runs the place into the name. The name is taken as its last two words."""
    doc = ent.doc
    if len(ent) < 3 or ent.start < 2 or doc[ent.start - 1].lower_ != "of":
        return None
    if doc[ent.start - 2].lower_ not in roles or not all(t.pos_ == "PROPN" for t in ent):
        return None
    return doc[ent.end - 2 : ent.end]


def untyped_name(head: Token) -> Span | None:
    """A proper name of two or more words, none of them typed by the recogniser: the head
    and the proper nouns compounded before it ("Ricardo Rosselló Nevares")."""
    first = head.i
    while first > 0 and head.doc[first - 1].pos_ == "PROPN" and head.doc[first - 1].head == head:
        first -= 1
    name = head.doc[first : head.i + 1]
    if len(name) < 2 or any(t.ent_type_ for t in name):
        return None
    return name


def _appos_role(tok: Token, roles: Collection[str], shared: Collection[str]) -> bool:
    """A title in apposition that is not another name's ("ISNA, the prosecutor general,
    Ali Alghasi Mehr": the prosecutor is Mehr, not the agency; "NPR, former Vice President
    Joe Biden": a misparse)."""
    joined = [tok, *(c for c in tok.children if c.dep_ == "conj")]  # "his wife and the chair"
    if tok.dep_ != "appos" or not any(_role(t, roles, shared) for t in joined):
        return False
    doc, end = tok.doc, tok.right_edge.i + 1
    after = [t for t in doc[end : end + 2] if not t.is_punct][:1]  # past the title's comma
    named = [t for t in doc[tok.i + 1 : end] if t.dep_ == "appos" and t.pos_ == "PROPN"]
    return not named and not any(t.ent_type_ == "PERSON" for t in after)


def _role(tok: Token, roles: Collection[str], shared: Collection[str]) -> bool:
    if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in ("ORG", "GPE", "FAC"):
        return False
    lemma = tok.lemma_.lower()
    return (lemma in roles or tok.lower_ in roles) and lemma not in shared


def surname_keys(name: str) -> list[str]:
    """The ways a text refers back to a person by surname: "Gloria La Riva" -> "Riva", "La
    Riva"; "Robert Downey Jr." -> "Downey"; "Ricardo Rosselló Nevares" -> "Nevares",
    "Rosselló", "Rosselló Nevares"; a single name, none."""
    parts = [p.strip(",") for p in name.split()]
    while len(parts) > 2 and parts[-1].lower().strip(".") in NAME_SUFFIXES:
        parts.pop()
    if len(parts) < 2:
        return []
    keys = [parts[-1]]
    if len(parts) > 2 and parts[-2].lower() in SURNAME_PARTICLES:
        keys.append(" ".join(parts[-2:]))
    elif len(parts) == 3 and _word(parts[1]):
        keys += [parts[1], " ".join(parts[1:])]  # two surnames: "Wanda Vázquez Garced"
    return keys


def _word(part: str) -> bool:
    """A name part that is a word, not an initial ("J.") or a nickname in quotes."""
    return len(part) > 2 and part[0].isupper() and part.isalpha()


def person_names(mentions: Iterable[tuple[str, bool]]) -> dict[str, str]:
    """Each surname of the named people (``mentions``: a person's name, and whether a role
    says so), mapped to the first full name given; a name a role marks as a person's is a key
    itself ("Sadie Weiner, Hagan's former spokeswoman", typed ORG). The recogniser's own
    PERSON is not enough for that: it types a body so at times ("Red Hat", "Twitter")."""
    names: dict[str, str] = {}
    for name, by_role in mentions:
        keys = surname_keys(name)
        if by_role:
            keys.append(name)
        for key in keys:
            names.setdefault(key, name)
    return names
