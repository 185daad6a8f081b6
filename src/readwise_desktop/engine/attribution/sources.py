"""Who a source is: its noun-phrase span, its source type, and its resolved name.

Typing uses the named entities when the model has them and the noun lexicons of
``source_nouns.toml`` otherwise. Pronouns ("he") and titles ("the President") resolve to the last
fitting named person; "the ministry" to the last named organisation with that word.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from readwise_desktop.engine.attribution.context_sources import NAMEABLE_BODIES, ContextTyper
from readwise_desktop.engine.attribution.heads import (
    MEDIA_NOUNS,
    among_officials,
    collective_type,
    for_body,
    of_body,
    outlet_name,
)
from readwise_desktop.engine.attribution.mentions import (
    ORG_LABELS,
    Mention,
    TypedSource,
)
from readwise_desktop.engine.attribution.noun_phrases import np_range
from readwise_desktop.engine.attribution.unnamed_sources import PERSONAL_OFFICES
from readwise_desktop.engine.results import SourceType
from readwise_desktop.engine.text.lexicon import (
    ORG_PRONOUNS,
    PERSON_PRONOUNS,
    SKIP_PRONOUNS,
)

__all__ = ["Mention", "SourceTyper", "TypedSource"]
SPEECH_NOUNS = frozenset(
    {
        "statement",
        "statements",
        "communique",
        "remarks",
        "release",
        "letter",
        "tweet",
        "post",
        "briefing",
        "announcement",
        "speech",
    }
)
GENERIC_BODIES = frozenset(
    {"company", "firm", "group", "authority", "agency", "business", "website", "site"}
    | {"publication", "newspaper", "outlet", "magazine", "broadcaster", "channel", "station"}
)


PARTY_PLURALS = "list.attribution.party_plurals"


class SourceTyper(ContextTyper):
    """Types source spans of one document; the named mentions it refers back to are its
    :class:`MentionIndex`."""

    def type_range(self, start: int, end: int, root: int | None = None) -> TypedSource | None:
        """Type the source tokens ``start:end``; None when they cannot be a source."""
        span = self.doc[start:end]
        head = self.doc[root] if root is not None else self._head(start, end)
        lower = head.lower_
        antecedent = self._relative_antecedent(head)
        if antecedent is not None:  # "an agreement, according to which ...": the agreement
            return self.type_range(*np_range(antecedent), antecedent.i)
        if lower in SKIP_PRONOUNS:
            return None
        if lower in PERSON_PRONOUNS:
            unnamed = self._unnamed_antecedent(head)
            return unnamed or self._resolve(head.i, person=True, words=frozenset())
        if lower in ORG_PRONOUNS:
            found = self._document_before(head)
            return found or self._resolve(head.i, person=False, words=frozenset())
        pseudonym = self._pseudonymous(head) or self._cites_anonymous(head)
        if pseudonym is not None:
            return pseudonym
        named = self._initials(span) or self._name_after_role(span) or self._relayed(span, head)
        named = named or self._named(head)
        named = named or self._person_beside(head)
        named = named or self._known_surname(head) or self._person_closing(span)
        named = named or self._by_phrase(head)
        if named is not None:
            return named
        named_official = self._official_named(head) or self._unnamed_individual(head)
        if named_official is not None:
            return named_official
        owner = self._owner(head)
        noun = head.lemma_.lower() if self.parsed else lower
        for word in (lower, noun):
            typed = self._by_lexicon(word, span, head, owner)
            if typed is not None:
                return self._study_or(typed, head)
        parties = self.lists[PARTY_PLURALS]
        collective = collective_type(span, head, parties) if self.parsed else None
        if collective is not None:
            is_body = collective is SourceType.NAMED_ORGANISATION
            return TypedSource(collective, span.text if is_body else None)
        if head.pos_ == "PROPN" or (not self.parsed and head.is_title and not head.is_sent_start):
            return self._proper(span)
        appos = self.apposition(head)
        if appos is None:
            found = self._close_people(head) or self._according_to_owner(head, owner)
            return found or self._research_team(head)
        typed = self.type_range(*np_range(appos), appos.i)
        if typed is not None and typed.name and lower in self.by_role.get("title", {}):
            return TypedSource(SourceType.NAMED_PERSON, self.canonical(typed.name))
        if typed is not None and typed.name and self._kin_named(head, appos):
            return TypedSource(SourceType.NAMED_PERSON, self.canonical(typed.name))
        return typed

    def _relative_antecedent(self, head: Token) -> Token | None:
        """The noun a relative cited in its clause stands for ("an agreement, according to
        which"); a relative subject is its noun already (:func:`.spans.subject_of`)."""
        if not self.parsed or head.lower_ not in ("which", "whom") or head.dep_ != "pobj":
            return None
        clause = next((t for t in head.ancestors if t.dep_ == "relcl"), None)
        noun = clause.head if clause is not None else self._noun_before_comma(head)
        return noun if noun is not None and noun.pos_ in ("NOUN", "PROPN") else None

    def _noun_before_comma(self, relative: Token) -> Token | None:
        """ "signed an agreement, according to which": the parser often leaves the clause
        unattached; the noun that ends the phrase before the comma is the antecedent."""
        at = relative.i - 1
        while at > relative.sent.start and (
            self.doc[at].pos_ == "ADP" or self.doc[at].lower_ == "according"
        ):
            at -= 1
        if at <= relative.sent.start or self.doc[at].text != ",":
            return None
        noun = self.doc[at - 1]
        return noun if noun.dep_ != "compound" else None

    def knows(self, head: Token) -> bool:
        """The noun is in a source lexicon: a speaker or a document, whatever its type here."""
        words = {head.lower_, head.lemma_.lower()}
        return any(words & table.keys() for table in self.by_role.values())

    def _head(self, start: int, end: int) -> Token:
        if self.parsed:
            return self.doc[start:end].root
        return self.doc[end - 1]

    def _by_phrase(self, head: Token) -> TypedSource | None:
        """ "the Vox website" (a named outlet), "people in the administration" (officials)."""
        if not self.parsed:
            return None
        name = outlet_name(head)
        if name is not None:
            return TypedSource(SourceType.NAMED_ORGANISATION, name)
        if among_officials(head, self.officials):
            return TypedSource(SourceType.UNNAMED_OFFICIAL, None)
        return None

    def _owner(self, head: Token) -> Token | None:
        """A named possessor or modifier: "Putin's administration", "the Defence Ministry"."""
        if not self.parsed:
            return None
        for child in head.lefts:
            if child.dep_ in ("poss", "compound") and (
                child.ent_type_ in ("PERSON", *ORG_LABELS) or child.pos_ == "PROPN"
            ):
                return child
        return None

    def _by_lexicon(
        self, word: str, span: Span, head: Token, owner: Token | None
    ) -> TypedSource | None:
        org_heads = self.by_role.get("organisation_head", {})
        sources = self.by_role.get("source", {})
        titles = self.by_role.get("title", {})
        if word in PERSONAL_OFFICES and self._persons_own(head):
            return TypedSource(SourceType.UNNAMED_OFFICIAL, None)  # "his office said"
        if word in org_heads and owner is not None and owner.dep_ == "poss":
            return TypedSource(SourceType.NAMED_ORGANISATION, self._phrase(owner, head))
        if word in org_heads and owner is not None and owner.ent_type_ != "NORP":
            return TypedSource(SourceType.NAMED_ORGANISATION, self._phrase(owner, head))
        if word in org_heads and self._definite(head):
            found = self._resolve(head.i, person=False, words=frozenset({word}), strict=True)
            if found is None and word in GENERIC_BODIES and not owner:
                # "Valdor Foods ... the company said": the last organisation named
                found = self._resolve(head.i, person=False, words=frozenset(), strict=True)
            if found is not None:
                return found
        outlet = word in org_heads and word in MEDIA_NOUNS and owner is None
        if outlet and self.apposition(head) is None:  # "state radio said", not "broadcaster PBS"
            return self._lexicon_type(word, SourceType.VAGUE, head)
        compounded = owner is not None and owner.dep_ == "compound"
        if word in titles and (self._definite(head) or compounded):
            official = titles[word] is SourceType.UNNAMED_OFFICIAL
            with_body = compounded or of_body(head) or (official and for_body(head, org_heads))
            titled = self._person_in(span) or self._titled(head.i, word, strict=with_body)
            if titled is not None:
                return titled
        if titles.get(word) is SourceType.UNNAMED_OFFICIAL and not _name_after(span, head):
            return TypedSource(SourceType.UNNAMED_OFFICIAL, None)  # "a fire officer said"
        if word in SPEECH_NOUNS and owner is not None:
            named = self._named(owner) or (self._proper(owner) if owner.pos_ == "PROPN" else None)
            if named is not None:  # "the Kremlin's statement said": the Kremlin speaks
                return named
        issuer = self._issuer(head) if word in SPEECH_NOUNS else None
        if issuer is not None:  # "Sean Conley issued a statement saying": Conley speaks
            return issuer
        if word in sources and word in NAMEABLE_BODIES:
            body = self._named_body(head)
            if body is not None:
                return body
        if word in sources:
            return self._lexicon_type(word, sources[word], head)
        return None

    def _issuer(self, head: Token) -> TypedSource | None:
        """Who issued the statement, when named: "Sean Conley issued a statement saying", "the
        ministry issued a statement", "a statement released by the Supreme Court"."""
        if not self.parsed or _authored(head):
            return None  # "released a letter from his doctor": the doctor wrote it
        if head.dep_ == "dobj":
            issuer = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
        else:
            agents = (a for v in head.children if v.dep_ == "acl" for a in v.children)
            by = next((a for a in agents if a.dep_ == "agent"), None)
            issuer = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
        if issuer is None:
            return None
        typed = self._named(issuer) or self.type_range(*np_range(issuer), issuer.i)
        named = (SourceType.NAMED_PERSON, SourceType.NAMED_ORGANISATION)
        return typed if typed is not None and typed.type in named else None

    def _named_body(self, head: Token) -> TypedSource | None:
        """A body with a named country or people: "the Turkish government", "the government
        of Burundi" (or of a place the recogniser calls a body, "of American Samoa"), "Russia's
        army": a named organisation."""
        if not self.parsed:
            return None
        named = [c for c in head.lefts if c.ent_type_ in ("GPE", "NORP") and c.dep_ != "det"]
        named += [
            g
            for p in head.rights
            if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children
            if g.dep_ == "pobj" and (g.ent_type_ in ("GPE", "LOC", "ORG") or g.pos_ == "PROPN")
        ]
        if not named:
            return None
        return TypedSource(
            SourceType.NAMED_ORGANISATION, self.doc[head.left_edge.i : head.right_edge.i + 1].text
        )

    def _phrase(self, owner: Token, head: Token) -> str:
        return self.doc[owner.left_edge.i : head.i + 1].text if self.parsed else head.text

    def _definite(self, head: Token) -> bool:
        return any(
            t.lower_ in ("the", "this", "that") for t in self.doc[max(0, head.i - 3) : head.i]
        )


def _name_after(span: Span, head: Token) -> bool:
    """The phrase ends in a proper name after its head ("President of Ukraine Volodymyr
    Zelenskyy"), not a place ("representatives from Iran")."""
    words = [t for t in span if not t.is_punct]
    last = words[-1] if words else span[-1]  # "a spokesperson, Morgan Ortagus,"
    place = last.ent_type_ in ("GPE", "LOC", "NORP")
    return last.i != head.i and last.pos_ == "PROPN" and not place


def _authored(noun: Token) -> bool:
    """The statement names its author: "a letter from his doctor", "a statement by the club"."""
    return any(c.dep_ == "prep" and c.lower_ in ("from", "by") for c in noun.children)
