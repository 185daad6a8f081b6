"""Subjects the source lexicons do not know: which of them still speak in news, as a vague
source ("the group", "Republicans", "they", "the announcer")."""

from __future__ import annotations

from spacy.tokens import Token

from readwise_desktop.engine.attribution.mentions import TypedSource
from readwise_desktop.engine.results import SourceType
from readwise_desktop.engine.rules.schema import WordLists
from readwise_desktop.engine.text.lexicon import UNSPECIFIED

SPEAKER_NOUNS = "list.attribution.speaker_nouns"
PEOPLE_NOUNS = "list.attribution.people_nouns"
PERSON_ENDINGS = "list.attribution.person_endings"


class SubjectNouns:
    def __init__(self, lists: WordLists) -> None:
        self.speakers = lists[SPEAKER_NOUNS] | lists[PEOPLE_NOUNS]
        self.person_endings = tuple(sorted(lists[PERSON_ENDINGS]))

    def speaker_noun(self, lemma: str) -> bool:
        """A noun for people or a body that speaks in news ("the family", "the announcer")."""
        return lemma in self.speakers or lemma.endswith(self.person_endings)

    def untyped(self, head: Token, needs_speaker: bool) -> TypedSource | None:
        """A subject the lexicons do not know: a vague source, or None.

        Only nouns that head sources in news and "they": "I", "we", "you" speak inside
        quotations and are left out, and a thing is no speaker ("a great pleasure discussing
        this"). A verb that also takes things as subjects ("their presence highlights ...")
        needs more than a noun.
        """
        lemma = head.lemma_.lower()
        noun = head.pos_ == "NOUN" and not needs_speaker and self.speaker_noun(lemma)
        if head.lower_ in UNSPECIFIED or noun or head.ent_type_ == "NORP":
            return TypedSource(SourceType.VAGUE, None)
        return None
