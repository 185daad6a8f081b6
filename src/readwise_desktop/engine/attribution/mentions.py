"""Who the text has named, for typing the sources that refer back to them.

:class:`MentionIndex` holds one document's named mentions (people and bodies, from the entity
recogniser, or capitalised runs without a model), with those carried over from earlier chunks,
and resolves what refers back: a pronoun or a title ("he", "the President") to the last fitting
person, "the ministry" to the last named body with that word, a surname to the full name given
first, "it" after a sentence about a document to that document. The headline, byline and
dateline are never antecedents.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from readwise_desktop.engine.attribution.noun_phrases import strip_possessive
from readwise_desktop.engine.attribution.persons import (
    SHARED_ROLES,
    has_person_role,
    name_after_place,
    person_names,
    untyped_name,
)
from readwise_desktop.engine.attribution.unparsed import name_runs
from readwise_desktop.engine.results import SourceType
from readwise_desktop.engine.rules.loader import RuleSet
from readwise_desktop.engine.text.ranges import CharRange
from readwise_desktop.engine.text.tokens import has_parse

ORG_LABELS = frozenset({"ORG", "GPE", "FAC"})
RECENT = 200  # how many named mentions back a pronoun or title may reach
SURNAME_LIST = re.compile(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*")


@dataclass(frozen=True, slots=True)
class TypedSource:
    type: SourceType
    name: str | None


@dataclass(frozen=True, slots=True)
class Mention:
    token: int
    name: str
    is_person: bool
    head_words: frozenset[str]
    by_role: bool = False  # a body-typed name that a person's title beside it shows a person


class MentionIndex:
    """One document's named mentions and the lexicons by role; what refers back to them.

    Dependency links (children, lefts, rights) are read only when the Doc has a parse.
    """

    def __init__(
        self,
        doc: Doc,
        rules: RuleSet,
        prior: Sequence[Mention] = (),
        furniture: Sequence[CharRange] = (),
    ) -> None:
        self.doc = doc
        self.furniture = furniture  # headline, byline, dateline: never an antecedent
        self.parsed = has_parse(doc)
        self.lists = rules.words()
        self.by_role: dict[str, dict[str, SourceType]] = {}
        for group in rules.noun_groups:
            table = self.by_role.setdefault(group.role, {})
            for noun in group.nouns:
                table.setdefault(noun, group.source_type)
        earlier = [replace(m, token=k - len(prior)) for k, m in enumerate(prior)]
        own = [m for m in self._mentions() if not self._in_furniture(m.token)]
        self.mentions = earlier + sorted(own, key=lambda m: m.token)
        self._mention_tokens = [m.token for m in self.mentions]
        self.full_names = self._full_names()

    def _in_furniture(self, token: int) -> bool:
        at = self.doc[token].idx
        return any(r.start <= at < r.end for r in self.furniture)

    def _mentions(self) -> list[Mention]:
        if not self.parsed and not self.doc.ents:
            return self._plain_mentions()
        out = []
        titles, shared = self.by_role.get("title", {}), self.lists[SHARED_ROLES]
        for ent in self.doc.ents:
            if ent.label_ == "PERSON" or ent.label_ in ORG_LABELS:
                words = frozenset(t.lower_ for t in ent) | self._titles_near(ent.start, ent.end)
                by_role = ent.label_ in ORG_LABELS and has_person_role(
                    ent, titles, shared, self.parsed
                )
                person = ent.label_ == "PERSON" or by_role
                out.append(Mention(ent.start, strip_possessive(ent.text), person, words, by_role))
        if self.parsed:
            titled = self._titled_names(titles, shared)
            titled += [n for e in self.doc.ents if (n := name_after_place(e, titles)) is not None]
            out += [Mention(n.start, n.text, True, frozenset(), True) for n in titled]
        return sorted(out, key=lambda m: m.token)

    def _titled_names(self, titles: Collection[str], shared: Collection[str]) -> list[Span]:
        """Proper names the recogniser left untyped that a person's title shows are people:
        "Ricardo Rosselló Nevares, Puerto Rico's governor"."""
        runs = (untyped_name(t) for t in self.doc if t.pos_ == "PROPN" and t.dep_ != "compound")
        return [r for r in runs if r is not None and has_person_role(r, titles, shared, True)]

    def _plain_mentions(self) -> list[Mention]:
        """Without a model: capitalised runs; a run ending in an organisation word is a body."""
        org_heads = self.by_role.get("organisation_head", {})
        out = []
        surnames: dict[str, Mention] = {}
        for start, end in name_runs(self.doc):
            words = frozenset(t.lower_ for t in self.doc[start:end])
            is_person = self.doc[end - 1].lower_ not in org_heads and end - start <= 3
            mention = Mention(
                start, self.doc[start:end].text, is_person, words | self._titles_near(start, end)
            )
            out.append(mention)
            surnames.setdefault(self.doc[end - 1].text, mention)
        for tok in self.doc:
            known = surnames.get(tok.text)
            if known is not None and known.token < tok.i and not self.doc[tok.i - 1].is_title:
                out.append(Mention(tok.i, known.name, known.is_person, known.head_words))
        return sorted(out, key=lambda m: m.token)

    def _titles_near(self, start: int, end: int) -> frozenset[str]:
        """Title words beside a name: "President Putin", "Kim Jong Un, the leader of ..."."""
        titles = self.by_role.get("title", {})
        near = list(self.doc[max(0, start - 3) : start])
        head = self.doc[end - 1]
        if self.parsed:
            near += [c for c in head.children if c.dep_ == "appos"]
        return frozenset(t.lower_ for t in near if t.lower_ in titles)

    def _full_names(self) -> dict[str, str]:
        return person_names((m.name, m.by_role) for m in self.mentions if m.is_person)

    def carried(self) -> list[Mention]:
        """The latest named mentions, for the next chunk of the same article."""
        return self.mentions[-RECENT:]

    def canonical(self, name: str) -> str:
        name = strip_possessive(name)
        return self.full_names.get(name, name)

    def _document_before(self, head: Token) -> TypedSource | None:
        """ "A study was published in May. It suggests ...": "it" is the document that is the
        subject of the sentence before, if that is a document."""
        if not self.parsed or head.sent.start == 0:
            return None
        before = self.doc[head.sent.start - 1].sent
        subject = next((t for t in before if t.dep_ in ("nsubj", "nsubjpass")), None)
        kind = self.by_role.get("source", {}).get(subject.lemma_.lower()) if subject else None
        return TypedSource(SourceType.DOCUMENT, None) if kind is SourceType.DOCUMENT else None

    def _surnames(self, text: str) -> str | None:
        """The full names of people named before, where ``text`` is their surnames ("Pelosi",
        "Biden and Sanders"; a name the recogniser called a person before counts too), else
        None."""
        parts = [p for p in SURNAME_LIST.split(text) if p]
        if len(parts) > 1:
            people = {m.name for m in self.mentions if m.is_person}
            known = all(p in self.full_names or p in people for p in parts)
        else:
            known = bool(parts) and parts[0] in self.full_names
        return " and ".join(self.full_names.get(p, p) for p in parts) if known else None

    def _initials(self, span: Span) -> TypedSource | None:
        """An interviewee's initials as a speaker label ("NG: This study started in 1982"
        after "Natasha Gownaris"): the one person named before with those initials."""
        text = span.text.strip()
        if len(span) != 1 or not (2 <= len(text) <= 3 and text.isalpha() and text.isupper()):
            return None
        people = {
            m.name for m in self.mentions if m.is_person and m.token < span.start and " " in m.name
        }
        fits = {n for n in people if "".join(w[0] for w in n.split()) == text}
        if len(fits) != 1:
            return None
        return TypedSource(SourceType.NAMED_PERSON, self.canonical(fits.pop()))

    def _known_surname(self, head: Token) -> TypedSource | None:
        """A capitalised word the tagger missed that is the surname of a person named before
        ("Donald Trump ... Trump characterized the call")."""
        if head.is_title and head.text in self.full_names:
            return TypedSource(SourceType.NAMED_PERSON, self.full_names[head.text])
        return None

    def _titled(self, before: int, title: str, strict: bool = False) -> TypedSource | None:
        """ "the President": the person named before with that title, else the last person
        named; an office when nobody is named is an unnamed official. ``strict`` (a title with
        its body, "the Chess Federation President"): only a holder of that very title."""
        found = self._resolve(before, person=True, words=frozenset({title}), strict=strict)
        official = self.by_role["title"][title] is SourceType.UNNAMED_OFFICIAL
        if found is None or (official and found.type is SourceType.VAGUE):
            return TypedSource(SourceType.UNNAMED_OFFICIAL, None)
        return found

    def _resolve(
        self, before: int, person: bool, words: frozenset[str], strict: bool = False
    ) -> TypedSource | None:
        """The last named mention before token ``before`` that fits (person or body, title)."""
        upto = bisect.bisect_left(self._mention_tokens, before)
        fitting = [m for m in self.mentions[max(0, upto - RECENT) : upto] if m.is_person == person]
        if words:
            matched = [m for m in fitting if m.head_words & words]
            if matched or strict:
                fitting = matched
        if not fitting:
            if strict:
                return None
            return TypedSource(SourceType.VAGUE if person else SourceType.UNNAMED_OFFICIAL, None)
        last = fitting[-1]
        kind = SourceType.NAMED_PERSON if person else SourceType.NAMED_ORGANISATION
        return TypedSource(kind, self.canonical(last.name) if person else last.name)
