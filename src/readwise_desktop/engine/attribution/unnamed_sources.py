"""Typing sources the text does not name, by their head noun: "officials" and "state radio"
are unnamed officials, "people familiar with the matter" anonymous, "his daughter" a particular
person kept unnamed, "some critics" and "when people say" vague."""

from __future__ import annotations

from functools import cached_property

from spacy.tokens import Token

from readwise_desktop.engine.attribution.heads import of_the_state
from readwise_desktop.engine.attribution.mentions import TypedSource
from readwise_desktop.engine.attribution.named_sources import NameTyper
from readwise_desktop.engine.attribution.noun_phrases import np_range
from readwise_desktop.engine.results import SourceType
from readwise_desktop.engine.text.lexicon import DETERMINERS

PLAIN_PEOPLE = frozenset({"people", "person", "individual", "individuals"})
KEPT_UNNAMED = (
    "familiar with",
    "close to",
    "with knowledge",
    "briefed on",
    "involved in",
    "who spoke",
    "who asked",
    "who requested",
    "who declined",
    "who was not",
    "who were not",
    "not authorized",
    "not authorised",
)
PSEUDONYMOUS = (
    "using the pseudonym",
    "under the pseudonym",
    "using a pseudonym",
    "identified only",
)
CLOSE_PEOPLE = "list.attribution.close_people"
UNNAMED_INDIVIDUALS = "list.attribution.unnamed_individuals"
INDEFINITE = frozenset({"a", "an", "one", "another"})
SEATS = "list.attribution.seats_of_government"
STATE_MODIFIERS = frozenset({"official", "government", "state"})
PERSONAL_OFFICES = frozenset({"office", "staff"})
ISSUERS = frozenset(
    {SourceType.NAMED_PERSON, SourceType.NAMED_ORGANISATION, SourceType.UNNAMED_OFFICIAL}
)


class UnnamedTyper(NameTyper):
    """The lexicon's types of an unnamed source, refined by the words around its head."""

    def type_range(self, start: int, end: int, root: int | None = None) -> TypedSource | None:
        raise NotImplementedError  # SourceTyper's: the typing that these refinements call back

    def _lexicon_type(self, word: str, kind: SourceType, head: Token) -> TypedSource:
        before = head.lefts if self.parsed else self.doc[max(0, head.i - 3) : head.i]
        mods = {c.lower_ for c in before}
        if word == "reports" and not mods & DETERMINERS:
            return self._reports_from(head) or TypedSource(SourceType.VAGUE, None)
        if kind is SourceType.ANONYMOUS and mods & {"some", "many", "most", "few"}:
            return TypedSource(SourceType.VAGUE, None)
        if kind is SourceType.ANONYMOUS and word in PLAIN_PEOPLE and not self._kept_unnamed(head):
            return TypedSource(SourceType.VAGUE, None)  # "when people say": no kept source
        if kind is SourceType.VAGUE and (mods & STATE_MODIFIERS or self._of_the_state(head)):
            return TypedSource(SourceType.UNNAMED_OFFICIAL, None)
        if kind is SourceType.VAGUE:
            return self._close_people(head) or TypedSource(kind, None)
        return TypedSource(kind, None)

    def _reports_from(self, head: Token) -> TypedSource | None:
        """ "reports from the ministry of internal affairs of Belarus": the named issuer's."""
        if not self.parsed:
            return None
        by = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "from"), None)
        issuer = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
        if issuer is None:
            return None
        typed = self.type_range(*np_range(issuer), issuer.i)
        return typed if typed is not None and typed.type in ISSUERS else None

    def _of_the_state(self, head: Token) -> bool:
        return self.parsed and of_the_state(head, self._state_bodies, self.lists[SEATS])

    @cached_property
    def _state_bodies(self) -> frozenset[str]:
        """The source nouns that are bodies by themselves ("army", "ministry")."""
        sources = self.by_role.get("source", {})
        return frozenset(w for w, kind in sources.items() if kind is SourceType.NAMED_ORGANISATION)

    def _close_people(self, head: Token) -> TypedSource | None:
        """Someone's own relatives or lawyers ("his daughter", "Fields' lawyers"): particular
        people the text does not name, not an unspecified group."""
        if not self.parsed or head.lemma_.lower() not in self.lists[CLOSE_PEOPLE]:
            return None
        if not any(c.dep_ == "poss" for c in head.children):
            return None
        return TypedSource(SourceType.ANONYMOUS, None)

    def _unnamed_antecedent(self, pronoun: Token) -> TypedSource | None:
        """ "There is a girl near my house, she was crying and telling me": "she" is the
        unnamed girl, brought in as a subject, when no name comes between her and the pronoun
        (this sentence and the one before)."""
        if not self.parsed:
            return None
        sent = pronoun.sent
        start = sent.start if sent.start == 0 else self.doc[sent.start - 1].sent.start
        for tok in reversed(self.doc[start : pronoun.i]):
            if tok.ent_type_ == "PERSON":
                return None
            topic = tok.dep_ in ("nsubj", "nsubjpass") or _there_is(tok)  # not "met a student"
            if topic and self._one_unnamed(tok):
                return TypedSource(SourceType.ANONYMOUS, None)
        return None

    def _one_unnamed(self, tok: Token) -> bool:
        """ "a girl", "one of the victims": one person of a kind, not named."""
        kinds = self.lists[UNNAMED_INDIVIDUALS]
        if tok.lower_ == "one":
            of = (g for c in tok.children if c.lower_ == "of" for g in c.children)
            return any(g.dep_ == "pobj" and g.lemma_ in kinds for g in of)
        indefinite = any(c.lower_ in INDEFINITE for c in tok.children if c.dep_ == "det")
        return indefinite and tok.lemma_ in kinds

    def _kin_named(self, head: Token, appos: Token) -> bool:
        """ "his wife, Amanda": a relative named in apposition by a short proper name is a
        person, whatever type the recogniser gave the name."""
        if not self.parsed or head.lemma_.lower() not in self.lists[CLOSE_PEOPLE]:
            return False
        name = self.doc[appos.left_edge.i : appos.right_edge.i + 1]
        return len(name) <= 3 and all(t.pos_ == "PROPN" for t in name)

    def _persons_own(self, head: Token) -> bool:
        """ "his office", "the senator's staff": a person's own office speaks for them."""
        poss = next((c for c in head.children if c.dep_ == "poss"), None)
        if poss is None:
            return False
        named_post = any(c.dep_ == "compound" or c.pos_ == "PROPN" for c in poss.children)
        titled = poss.lemma_.lower() in self.by_role.get("title", {}) and not named_post
        return poss.lower_ in ("his", "her") or poss.ent_type_ == "PERSON" or titled

    def _pseudonymous(self, head: Token) -> TypedSource | None:
        """ "a protester using the pseudonym Katya", "a man identified only as Ali": a
        person the text keeps unnamed."""
        return (
            TypedSource(SourceType.ANONYMOUS, None)
            if self._followed_by(head, PSEUDONYMOUS)
            else None
        )

    def _kept_unnamed(self, head: Token) -> bool:
        """ "people familiar with the matter", "a person close to the talks": a source the
        writer knows and keeps unnamed."""
        return self._followed_by(head, KEPT_UNNAMED)

    def _followed_by(self, head: Token, phrases: tuple[str, ...]) -> bool:
        """The three words after ``head`` open with one of ``phrases``."""
        after = " ".join(t.lower_ for t in self.doc[head.i + 1 : head.i + 4])
        return after.startswith(phrases)


def _there_is(tok: Token) -> bool:
    """ "There was a girl": brought in by "there", not said of someone ("he is a student")."""
    return tok.dep_ == "attr" and any(c.dep_ == "expl" for c in tok.head.children)
