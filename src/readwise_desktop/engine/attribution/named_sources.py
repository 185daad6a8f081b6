"""Sources typed by the names in them: the recogniser's people and bodies, corrected where a
reader sees otherwise ("Dr Gazzola" typed a body, "Egyptologists" typed a body, "MP Tanya
Davies" after a role), titles with the person's name beside them, and proper names the
recogniser left untyped. The mentions they refer back to are :class:`MentionIndex`'s.
"""

from __future__ import annotations

from functools import cached_property

from spacy.tokens import Span, Token

from readwise_desktop.engine.attribution.heads import of_body
from readwise_desktop.engine.attribution.mentions import ORG_LABELS, MentionIndex, TypedSource
from readwise_desktop.engine.attribution.noun_phrases import (
    entity_range,
    entity_text,
    strip_possessive,
)
from readwise_desktop.engine.attribution.persons import name_after_place
from readwise_desktop.engine.results import SourceType

# The last word of an outlet's name, which no person's name ends with.
MASTHEAD_WORDS = frozenset(
    {"bulletin", "news", "times", "post", "journal", "herald", "gazette", "tribune", "daily"}
    | {"telegraph", "chronicle", "weekly", "express", "mirror", "monitor", "magazine", "radio"}
    | {"tv", "television", "network", "channel", "agency", "press", "wire"}
)
PERSON_WORDS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sen.", "rep."})


class NameTyper(MentionIndex):
    """Types a source by the names in it; :class:`~.sources.SourceTyper` adds the lexicons."""

    def _named(self, head: Token) -> TypedSource | None:
        label = head.ent_type_
        if label == "PERSON" and self._common_noun(head):
            return None  # "Observers noted": the recogniser's PERSON on a word for a group
        if label in ("PERSON", *ORG_LABELS) and self._group_of_person(head):
            return None  # "Associates of Navalny said": a group the lexicon types
        if label == "PERSON" and _alone(head) and (_owns_its(head) or self._body_elsewhere(head)):
            return TypedSource(SourceType.NAMED_ORGANISATION, head.text)  # "Malawi ... its"
        if label == "PERSON" and head.lower_ in MASTHEAD_WORDS:
            return TypedSource(SourceType.NAMED_ORGANISATION, entity_text(head))  # "... Bulletin"
        if label == "PERSON":
            return TypedSource(SourceType.NAMED_PERSON, self.canonical(entity_text(head)))
        if label in ORG_LABELS and head.lower_ in self.by_role.get("title", {}):
            return self._titled(head.i, head.lower_, strict=True)  # "Chess Federation President"
        if label in ORG_LABELS and self._person_of_body(head):
            return TypedSource(SourceType.NAMED_PERSON, self.canonical(entity_text(head)))
        if label in ORG_LABELS and self._experts(head):
            return TypedSource(SourceType.VAGUE, None)  # "Egyptologists have reported"
        if label in ORG_LABELS:
            text = strip_possessive(entity_text(head))
            if self._honorific(head, text):  # "Dr Gazzola", typed a body
                return TypedSource(SourceType.NAMED_PERSON, self.canonical(text))
            people = self._surnames(text)
            if people is not None:  # "Nancy Pelosi ... Pelosi said": the surname, a person
                return TypedSource(SourceType.NAMED_PERSON, people)
            return TypedSource(SourceType.NAMED_ORGANISATION, text)
        return None

    def _body_elsewhere(self, head: Token) -> bool:
        """A one-word "person" that the text names as a country more often than as a person
        ("Azerbaijan claimed", after "Azerbaijan" typed a country three times)."""
        same = [e.label_ for e in self.doc.ents if e.text == head.text]
        return same.count("GPE") > same.count("PERSON")

    def _experts(self, head: Token) -> bool:
        """A one-word entity that is a plural noun for experts ("Egyptologists"), not a
        surname ("Sanders") or a body ("Doctors Without Borders")."""
        return _alone(head) and head.tag_ == "NNS" and head.lower_.endswith(("ists", "ians"))

    def _honorific(self, head: Token, text: str) -> bool:
        """The entity opens with, or follows, "Dr", "Mrs" ...: a person."""
        start = entity_range(head)[0]
        before = self.doc[start - 1].lower_ if start > 0 else ""
        return before in PERSON_WORDS or text.split()[0].lower() in PERSON_WORDS

    def _common_noun(self, head: Token) -> bool:
        """A one-word entity that a source lexicon knows as a common noun ("Observers")."""
        return _alone(head) and head.lower_ in self.by_role.get("source", {})

    def _person_of_body(self, head: Token) -> bool:
        """ "Nikki Holland of the UK's National Crime Agency": a two-word name the recogniser
        typed a body, then "of" and a body: a person and where they work."""
        start, end = entity_range(head)
        words = self.doc[start:end]
        if len(words) != 2 or end >= len(self.doc) or self.doc[end].lower_ != "of":
            return False
        if not all(t.pos_ == "PROPN" and t.is_title for t in words):
            return False
        bodies = self.by_role.get("organisation_head", {})
        if any(t.lower_ in bodies or t.lower_ in self.by_role.get("source", {}) for t in words):
            return False
        return any(t.ent_type_ == "ORG" and t.i > end for t in self.doc[end].subtree)

    def _group_of_person(self, head: Token) -> bool:
        """An entity opened by a plural group noun of the lexicon and "of" a person
        ("Associates of Navalny", "Supporters of Mr Trump"): people around the person."""
        if head.tag_ not in ("NNS", "NNPS") or head.lower_ not in self.by_role.get("source", {}):
            return False
        if entity_range(head)[0] != head.i or head.i + 1 >= len(self.doc):
            return False
        of = self.doc[head.i + 1]
        named = (t.ent_type_ == "PERSON" or t.pos_ == "PROPN" for t in of.subtree)
        return of.lower_ == "of" and any(named)

    def _person_beside(self, head: Token) -> TypedSource | None:
        """A title with the person's name beside it: "The Labour Party's leader, Jeremy
        Corbyn", "Conservative Party leader and Prime Minister Boris Johnson"."""
        if not self.parsed or head.lower_ not in self.by_role.get("title", {}):
            return None
        beside = [c for c in head.rights if c.dep_ in ("appos", "conj")]
        for child in beside:
            person = next((t for t in child.subtree if t.ent_type_ == "PERSON"), None)
            if person is not None:
                name = self.canonical(entity_text(person))
                return TypedSource(SourceType.NAMED_PERSON, name)
        return None

    def _name_after_role(self, span: Span) -> TypedSource | None:
        """A role closed by the person's full name, whatever the parse makes its head:
        "Longtime Imus in the Morning writer and performer Rob Bartlett", "study co-author Ted
        Scambos of CU Boulder's institute"; not "the lawyer for John Smith"."""
        titles = self.by_role.get("title", {})
        for ent in span.ents:
            placed = name_after_place(ent, titles)  # "Prime Minister of India Narendra Modi"
            if placed is not None:
                return TypedSource(SourceType.NAMED_PERSON, self.canonical(placed.text))
            person = ent.label_ == "PERSON" or ent.text in self.full_names  # "MP Tanya Davies"
            if ent.start == span.start or not person or len(ent) < 2:
                continue
            before, after = span.doc[ent.start - 1], span.doc[ent.end : span.end]
            role = before.lower_ in titles or (
                before.is_lower and before.is_alpha and before.pos_ not in ("ADP", "DET", "PRON")
            )
            closes = not [t for t in after if not t.is_punct] or after[0].lower_ in ("of", ",")
            if role and closes:
                return TypedSource(SourceType.NAMED_PERSON, self.canonical(ent.text))
        return None

    def _relayed(self, span: Span, head: Token) -> TypedSource | None:
        """A body whose appositions end in a person's name: "news agency ISNA, the prosecutor
        general of Tehran, Ali Alghasi Mehr, said": the agency relays, the person speaks."""
        if head.ent_type_ not in ORG_LABELS:
            return None
        return self._person_closing(span)

    def _person_closing(self, span: Span) -> TypedSource | None:
        """A description closed by the person's name: "The delegate to the House, Aumua
        Amata, told"."""
        tokens = [t for t in span if not t.is_punct]
        last = tokens[-1] if tokens else None
        if last is None or not self._person_word(last) or last.i == span.start:
            return None
        first = last.i
        while first > span.start and self._person_word(span.doc[first - 1]):
            first -= 1
        if first > span.start and span.doc[first - 1].lower_ in PERSON_WORDS:
            first -= 1  # "director, Dr. Anthony Fauci"
        if first == span.start or span.doc[first - 1].text != ",":
            return None
        if last.ent_type_ != "PERSON":  # a name the recogniser left untyped, titled as a person
            return TypedSource(
                SourceType.NAMED_PERSON, self.canonical(span.doc[first : last.i + 1].text)
            )
        return TypedSource(SourceType.NAMED_PERSON, self.canonical(entity_text(last)))

    def _person_word(self, tok: Token) -> bool:
        """Part of a person's name: so typed, or an untyped word of a name a title shows."""
        if tok.ent_type_:
            return tok.ent_type_ == "PERSON"
        return tok.pos_ == "PROPN" and tok.text in self._name_words

    @cached_property
    def _name_words(self) -> frozenset[str]:
        return frozenset(w for name in self.full_names for w in name.split())

    def _proper(self, span: object) -> TypedSource:
        """A proper name the entity recogniser did not type: a person or a body."""
        text = str(span).strip()
        first = text.split()[0].lower() if text.split() else ""
        if first in PERSON_WORDS:
            return TypedSource(SourceType.NAMED_PERSON, self.canonical(text))
        words = text.split()
        masthead = bool(words) and words[-1].lower() in MASTHEAD_WORDS  # "Maritime Bulletin"
        if first == "the" or masthead or any(w.isdigit() for w in words):
            return TypedSource(SourceType.NAMED_ORGANISATION, text)  # "The Verge", "News 12"
        last = text.split()[-1] if text.split() else ""
        if len(last) > 1 and last.isupper() and last not in self.full_names:
            return TypedSource(SourceType.NAMED_ORGANISATION, text)  # "Belarusian KGB"
        if text in self.full_names or len(text.split()) in (2, 3):
            return TypedSource(SourceType.NAMED_PERSON, self.canonical(text))
        return TypedSource(SourceType.NAMED_ORGANISATION, strip_possessive(text))

    def _person_in(self, span: Span) -> TypedSource | None:
        """A titled phrase that holds the name: "Mayor of Koszalin Piotr Jedlinski"."""
        person = next((t for t in span if t.ent_type_ == "PERSON" and not of_body(t.head)), None)
        if person is None:
            return None
        return TypedSource(SourceType.NAMED_PERSON, self.canonical(entity_text(person)))


def _alone(head: Token) -> bool:
    """The entity is this one token."""
    start, end = entity_range(head)
    return end - start == 1


def _owns_its(subject: Token) -> bool:
    """A one-word "person" whose verb's object is "its": a country or a body ("Malawi
    confirmed its first infections"), which the recogniser took for a person."""
    if subject.dep_ != "nsubj":
        return False
    objects = (c for c in subject.head.children if c.dep_ == "dobj")
    return any(p.dep_ == "poss" and p.lower_ == "its" for o in objects for p in o.children)
