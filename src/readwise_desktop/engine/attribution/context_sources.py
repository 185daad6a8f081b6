"""Typing a source by what stands around it: a name in apposition ("a State Department
spokesperson, Morgan Ortagus"), an owner ("according to CNN's projections"), the study a team
or its researchers speak for, and an outlet that relays anonymous sources ("AFP, which cited
sources close to the investigation")."""

from __future__ import annotations

from functools import cached_property

from spacy.tokens import Token

from readwise_desktop.engine.attribution.heads import TEAMS, speaks_for_study
from readwise_desktop.engine.attribution.mentions import TypedSource
from readwise_desktop.engine.attribution.noun_phrases import entity_text, np_range
from readwise_desktop.engine.attribution.unnamed_sources import (
    INDEFINITE,
    UNNAMED_INDIVIDUALS,
    UnnamedTyper,
)
from readwise_desktop.engine.results import SourceType

STUDY_AUTHORS = "list.attribution.study_authors"
STUDY_NOUNS = "list.attribution.study_nouns"
AUTHOR_SPEECH = "list.attribution.author_speech_verbs"

NAMEABLE_BODIES = frozenset(
    {"government", "administration", "military", "army", "ministry", "police", "embassy"}
)


class ContextTyper(UnnamedTyper):
    """The typings of :class:`~.sources.SourceTyper` that read a source's surroundings."""

    @cached_property
    def officials(self) -> frozenset[str]:
        """Nouns for officials; people "in the administration" or "of the ministry" are too."""
        sources = self.by_role.get("source", {})
        official = SourceType.UNNAMED_OFFICIAL
        return frozenset(w for w, t in sources.items() if t is official) | NAMEABLE_BODIES

    def _unnamed_individual(self, head: Token) -> TypedSource | None:
        """ "A witness said", "the bus driver told police", "one interviewee said": one
        particular person the text does not name (ANONYMOUS), not a collective (VAGUE). Not
        "the man", which refers back to a man named before, nor one named in apposition."""
        if not self.parsed or head.tag_ != "NN" or self.apposition(head) is not None:
            return None
        titles = self.by_role.get("title", {})
        dets = [c.lower_ for c in head.children if c.dep_ in ("det", "nummod")]
        definite = dets == ["the"] and head.lower_ not in titles
        one = any(d in INDEFINITE for d in dets)
        if head.lemma_ in self.lists[UNNAMED_INDIVIDUALS] and (definite or one):
            return TypedSource(SourceType.ANONYMOUS, None)
        return None

    def apposition(self, head: Token) -> Token | None:
        """A name in apposition: "The harbour operator, Castellan Logistics, said"."""
        if not self.parsed:
            return None
        for child in head.rights:
            if child.dep_ == "appos" and (child.ent_type_ or child.pos_ == "PROPN"):
                return child
        return None

    def _cites_anonymous(self, head: Token) -> TypedSource | None:
        """ "According to AFP, which cited sources close to the investigation", "the paper
        cited people familiar with the talks": the outlet relays anonymous sources."""
        if not self.parsed:
            return None
        nouns = [head, *(c for c in head.children if c.dep_ == "appos")]  # "the agency Tass"
        verbs = [c for n in nouns for c in n.children if c.dep_ == "relcl"]
        verbs += [head.head] if head.dep_ == "nsubj" else []
        for verb in verbs:
            if verb.lemma_.lower() not in ("cite", "quote"):
                continue
            for obj in (c for c in verb.children if c.dep_ == "dobj"):
                typed = self.type_range(*np_range(obj), obj.i)
                if typed is not None and typed.type is SourceType.ANONYMOUS:
                    return typed
        return None

    def _official_named(self, head: Token) -> TypedSource | None:
        """ "a State Department spokesperson, Morgan Ortagus,": the official named beside."""
        appos = self.apposition(head)
        if appos is None or head.lower_ not in self.officials:
            return None
        if appos.ent_type_ == "PERSON":
            return TypedSource(SourceType.NAMED_PERSON, self.canonical(entity_text(appos)))
        name = self.doc[appos.left_edge.i : appos.right_edge.i + 1]
        bodies = self.by_role.get("organisation_head", {})
        words = [t for t in name if t.pos_ == "PROPN" and t.is_title and t.lower_ not in bodies]
        if 2 <= len(name) <= 3 and len(words) == len(name):  # a name typed a body
            return TypedSource(SourceType.NAMED_PERSON, self.canonical(name.text))
        return None

    def _research_team(self, head: Token) -> TypedSource | None:
        """ "according to the research team" of a study the text reports: the study's word
        (as a subject, a team's act is often no report: "the team posted its findings")."""
        if not self.parsed or head.lower_ not in TEAMS or head.dep_ != "pobj":
            return None
        typed = self._study_or(TypedSource(SourceType.VAGUE, None), head)
        return typed if typed.type is SourceType.DOCUMENT else None

    def _according_to_owner(self, head: Token, owner: Token | None) -> TypedSource | None:
        """ "according to CNN's projections": the named owner of what is cited speaks."""
        if owner is None or owner.dep_ != "poss" or head.dep_ != "pobj":
            return None
        if head.head.lower_ != "to" or head.head.head.lower_ != "according":
            return None
        return self._named(owner) or (self._proper(owner) if owner.pos_ == "PROPN" else None)

    def _study_or(self, typed: TypedSource, head: Token) -> TypedSource:
        """ "In a new study ..., scientists report": the study's authors speak for it."""
        if typed.type is not SourceType.VAGUE or not self.parsed:
            return typed
        authors, studies = self.lists[STUDY_AUTHORS], self.lists[STUDY_NOUNS]
        if speaks_for_study(head, authors, studies, self.lists[AUTHOR_SPEECH]):
            return TypedSource(SourceType.DOCUMENT, None)
        return typed
