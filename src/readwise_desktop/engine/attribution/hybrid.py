"""The learned tagger's cues beside the rules' (:mod:`.learned` merges the spans): which learned
cues are kept, and how their sources are typed.

A learned cue inside a quotation is left to the quoted speaker, as a rule's is. It is kept on
a reporting word, within its verb's conditions (:mod:`.verb_conditions`), unless the model is
sure of it.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from readwise_desktop.engine.attribution.candidates import Candidate, outside_quotes
from readwise_desktop.engine.attribution.learned import LEARNED_RULE_ID, cue_head, merge_learned
from readwise_desktop.engine.attribution.noun_phrases import np_range
from readwise_desktop.engine.attribution.sources import SourceTyper, TypedSource
from readwise_desktop.engine.attribution.subjects import SubjectNouns
from readwise_desktop.engine.attribution.verb_conditions import VerbConditions
from readwise_desktop.engine.learned.tagger import AttributionTagger, TaggedSpan
from readwise_desktop.engine.results import Stance
from readwise_desktop.engine.rules.loader import RuleSet
from readwise_desktop.engine.text.quotes import Quote
from readwise_desktop.engine.text.ranges import TokenRange
from readwise_desktop.engine.text.tokens import has_parse

LEARNED_REPORT_FORMS = "list.attribution.learned_report_forms"
BELIEF_VERBS = "list.attribution.belief_verbs"
LEARNED_ACTS = "list.attribution.learned_acts"
AS_NEEDED = frozenset({"see", "view", "regard"})
ISSUING_VERBS = frozenset({"issue", "release", "make", "publish", "post", "give", "deliver"})
# Issued statements that carry content ("a speech", "a briefing" may name only a topic).
STATEMENTS = frozenset(
    {"statement", "statements", "communique", "release", "letter", "summary", "report", "ruling"}
    | {"remarks", "comments", "finding", "findings", "decision", "verdict", "judgment"}
)
# A learned cue the model is this sure of (its least sure token's marginal) passes the word
# filter, or needs no clause: "Various opinion polls showed ...", "..., wrote Elizabeth Warren
# on Twitter" (the quotation in the sentence before). Below 0.95 "thanked supporters", "Police
# found a body" and "had agreed to" pass the verb filter; below 0.9 "appointed him" passes.
# Sureness never passes a verb of an act ("Ford hired a firm, according to Reuters").
SURE_WORD = 0.9
SURE_VERB = 0.95


class LearnedCues:
    def __init__(self, rules: RuleSet, verbs: VerbConditions, subjects: SubjectNouns) -> None:
        self.rules, self.verbs, self.subjects = rules, verbs, subjects
        self.lists = rules.words()

    def merged(
        self,
        doc: Doc,
        found: list[Candidate],
        typer: SourceTyper,
        quotes: Sequence[Quote],
        tagger: AttributionTagger,
    ) -> list[Candidate]:
        """The rules' candidates ``found`` with the tagger's spans and its kept cues."""

        def type_source(source: TokenRange, root: int) -> TypedSource | None:
            typed = typer.type_range(*source, root)  # not any noun: "their presence highlights"
            word = doc[root]
            relative = word.tag_ in ("WP", "WDT") and word.head.dep_ == "relcl"
            if typed is None and source.end - source.start == 1 and relative:
                noun = word.head.head  # "the department, which reported": typed by its noun
                typed = typer.type_range(*np_range(noun), noun.i)
                return typed or self.subjects.untyped(noun, False)
            return typed

        def stance_of(cue: Token) -> Stance | None:
            lemma = cue.lemma_.lower()
            rule = self.rules.verbs.get(lemma) or self.rules.nominals.get(lemma)
            return rule.stance if rule is not None else None

        merged = merge_learned(doc, found, tagger, type_source, stance_of)
        opens = [q.start for q in quotes]
        learned = [
            c for c in merged if c.rule_id == LEARNED_RULE_ID and self._kept(doc, c, opens, tagger)
        ]
        kept = {id(c) for c in outside_quotes(doc, learned, quotes)}
        return [c for c in merged if c.rule_id != LEARNED_RULE_ID or id(c) in kept]

    def _kept(
        self, doc: Doc, c: Candidate, quote_starts: list[int], tagger: AttributionTagger
    ) -> bool:
        """A learned cue on a reporting word (its head or one of its nouns), allowed by its
        verb's conditions, and not a cue that says nothing; no topic verb beside it ("spoke
        to discuss")."""
        head = cue_head(doc, c.cue)
        sure = tagger.confidence.get(TaggedSpan("cue", *c.cue), 0.0)
        others = (t for t in doc[c.cue.start : c.cue.end] if t.i != head.i)
        span = doc[c.cue.start : c.cue.end]
        return (
            self._word_kept(head, span, sure, tagger)
            and self.verbs.allows(head, quote_starts, sure >= SURE_VERB)
            and not self.verbs.says_nothing(head)
            and not any(self.verbs.topic_only(t, quote_starts) for t in others)
        )

    def _word_kept(self, head: Token, span: Span, sure: float, tagger: AttributionTagger) -> bool:
        """A reporting word, a statement issued, or a word the model is sure of, unless it
        names an act ("signed", "plan", "hired": PolNeAR marks some of them)."""
        statements = _statements(span)
        if head.lemma_.lower() in self.lists[LEARNED_ACTS] and not statements:
            return False  # "issued a hurricane warning", but "issued a statement"
        return sure >= SURE_WORD or self._reporting_word(head, tagger) or bool(statements)

    def _reporting_word(self, tok: Token, tagger: AttributionTagger) -> bool:
        """A learned cue is kept only on a reporting word: a form PolNeAR marks as a cue at
        least half the time, or a lemma the rules or the model's lexicon know. PolNeAR's cues
        include intentions and actions, which on other news report nothing ("the university
        celebrated", "Blankenship decided not to attend", "they want to get copies")."""
        lemma = tok.lemma_.lower()
        known = tagger.lexicon
        return (
            tok.lower_ in self.lists[LEARNED_REPORT_FORMS]
            or lemma in self.rules.verbs
            or lemma in self.rules.nominals
            or lemma in known.nouns
            or any(v == lemma or v.startswith(lemma + "_") for v in known.verbs)
            or (lemma in self.lists[BELIEF_VERBS] and (lemma not in AS_NEEDED or _as_taken(tok)))
        )


def _statements(span: Span) -> list[Token]:
    """The cue's statement as a verb of issuing's object: "released a statement" reports by
    its noun; "received criticism", "issued a warning" and "placed a stay until it hears
    arguments" do not."""
    return [
        t
        for t in span
        if t.dep_ == "dobj" and t.head.lemma_.lower() in ISSUING_VERBS and t.lower_ in STATEMENTS
    ]


def _as_taken(verb: Token) -> bool:
    """ "some see it as a failure": the verb of opinion takes an "as" phrase."""
    return has_parse(verb.doc) and any(c.lower_ == "as" for c in verb.children)
