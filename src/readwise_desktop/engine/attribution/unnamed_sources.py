"""Typing sources the text does not name, by their head noun: "officials" and "state radio"
are unnamed officials, "people familiar with the matter" anonymous, "his daughter" a particular
person kept unnamed, "some critics" and "when people say" vague."""

from __future__ import annotations

from functools import cached_property

from spacy.tokens import Token

from readwise_desktop.engine.attribution.heads import of_the_state
from readwise_desktop.engine.attribution.mentions import TypedSource
from readwise_desktop.engine.attribution.named_sources import NameTyper
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
CLOSE_PEOPLE = "list.attribution.close_people"
SEATS = "list.attribution.seats_of_government"
STATE_MODIFIERS = frozenset({"official", "government", "state"})


class UnnamedTyper(NameTyper):
    """The lexicon's types of an unnamed source, refined by the words around its head."""

    def _lexicon_type(self, word: str, kind: SourceType, head: Token) -> TypedSource:
        before = head.lefts if self.parsed else self.doc[max(0, head.i - 3) : head.i]
        mods = {c.lower_ for c in before}
        if kind is SourceType.DOCUMENT and word == "reports" and not mods & DETERMINERS:
            return TypedSource(SourceType.VAGUE, None)
        if kind is SourceType.ANONYMOUS and mods & {"some", "many", "most", "few"}:
            return TypedSource(SourceType.VAGUE, None)
        if kind is SourceType.ANONYMOUS and word in PLAIN_PEOPLE and not self._kept_unnamed(head):
            return TypedSource(SourceType.VAGUE, None)  # "when people say": no kept source
        if kind is SourceType.VAGUE and (mods & STATE_MODIFIERS or self._of_the_state(head)):
            return TypedSource(SourceType.UNNAMED_OFFICIAL, None)
        if kind is SourceType.VAGUE:
            return self._close_people(head) or TypedSource(kind, None)
        return TypedSource(kind, None)

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

    def _kept_unnamed(self, head: Token) -> bool:
        """ "people familiar with the matter", "a person close to the talks": a source the
        writer knows and keeps unnamed."""
        after = " ".join(t.lower_ for t in self.doc[head.i + 1 : head.i + 4])
        return after.startswith(KEPT_UNNAMED)
