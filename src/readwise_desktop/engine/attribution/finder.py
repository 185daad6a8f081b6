"""Find attributions: a cue, an optional source and the content it governs.

With a parsed document the cues come from the dependency parse: a reporting verb and its subject
(inherited through participle clauses and conjunctions, taken from the agent of a passive, or from
the noun a participle modifies). Wording rules add "according to X", "in a statement", agentless
reports and anonymity markers; reportative hedges ("reportedly") imply a vague source. Without a
parse (the rules-only pipeline) the verbs are found by their forms and the source is the noun
phrase beside them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from readwise_desktop.engine.attribution.candidates import (
    Candidate,
    CueKind,
    Marker,
    apply_anonymity,
    dedupe,
    longest,
    outside_quotes,
    within_reports,
)
from readwise_desktop.engine.attribution.hybrid import LearnedCues
from readwise_desktop.engine.attribution.noun_phrases import np_range
from readwise_desktop.engine.attribution.plural import carry_plural
from readwise_desktop.engine.attribution.questions import outside_questions
from readwise_desktop.engine.attribution.senses import (
    no_one,
    other_sense,
)
from readwise_desktop.engine.attribution.sources import Mention, SourceTyper, TypedSource
from readwise_desktop.engine.attribution.spans import (
    antecedent,
    content_range,
    cue_range,
    owner_of,
    states_content,
    subject_of,
    subject_range,
)
from readwise_desktop.engine.attribution.subjects import SubjectNouns
from readwise_desktop.engine.attribution.unparsed import (
    left_source,
    right_source,
)
from readwise_desktop.engine.attribution.verb_conditions import (
    NOTHING_SAID,
    VerbConditions,
    negated_without_content,
)
from readwise_desktop.engine.attribution.wording import (
    colon_quotes,
    phrase_candidate,
    speaker_candidates,
)
from readwise_desktop.engine.learned.tagger import AttributionTagger
from readwise_desktop.engine.rules.loader import RuleSet
from readwise_desktop.engine.rules.matching import index_rules
from readwise_desktop.engine.rules.schema import HedgeRule
from readwise_desktop.engine.text.quotes import Quote
from readwise_desktop.engine.text.ranges import CharRange, TokenRange
from readwise_desktop.engine.text.tokens import has_parse

NORMS = "list.attribution.norms"
REASONS_CITED = "list.attribution.reasons_cited"
NOT_SPEAKERS = "list.attribution.not_speakers"


class AttributionFinder:
    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        self.matcher, self.phrases = index_rules(rules.phrases)
        self.forms = rules.verb_for_form()
        self.lists = rules.words()
        self.tagger: AttributionTagger | None = None  # the learned tagger, when loaded
        self.verbs = VerbConditions(rules)
        self.subjects = SubjectNouns(self.lists)
        self.learned = LearnedCues(rules, self.verbs, self.subjects)

    def find(
        self,
        doc: Doc,
        hedges: list[tuple[Span, HedgeRule]],
        quotes: Sequence[Quote],
        prior: Sequence[Mention] = (),
        furniture: Sequence[CharRange] = (),
    ) -> tuple[list[Candidate], list[Mention]]:
        """The attributions of ``doc``, given its hedges, quotations and furniture (headline,
        byline, dateline; in its character offsets); and the named mentions to carry on."""
        typer = SourceTyper(doc, self.rules, prior, furniture)
        if has_parse(doc):
            opens = [q.start for q in quotes]
            candidates = self._verbs(doc, opens) + self._nominals(doc) + colon_quotes(doc)
        else:
            candidates = self._verbs_plain(doc)
        phrase_candidates, anonymous = self._phrases(doc)
        candidates += (
            phrase_candidates
            + self._from_hedges(hedges)
            + speaker_candidates(doc, self.lists[NOT_SPEAKERS])
        )
        candidates = outside_quotes(doc, candidates, quotes)
        found = [f for d in dedupe(candidates) if (f := self._typed(d, typer)) is not None]
        if self.tagger is not None and has_parse(doc):
            found = self.learned.merged(doc, found, typer, quotes, self.tagger)
        found = within_reports(doc, carry_plural(doc, found))
        found = outside_questions(doc, found, quotes)
        return apply_anonymity(doc, found, anonymous), typer.carried()

    # --- reporting verbs, from the parse ----------------------------------------------------

    def _verbs(self, doc: Doc, quote_starts: list[int]) -> list[Candidate]:
        out = []
        for tok in doc:
            if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("amod", "compound"):
                continue
            rule, particle = self.verbs.rule(tok)
            if rule is None:
                continue
            if not self.verbs.clause_ok(tok, rule, quote_starts) or other_sense(tok, self.lists):
                continue  # no clause to report; "called it Eastgate"; "if the council says"
            if self.verbs.reports_through(tok, quote_starts):
                continue  # "officials continue to frame ...": the inner verb is the cue
            if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in self.lists[NOTHING_SAID]:
                continue  # "failed to disclose", "declined to comment": nothing was said
            if negated_without_content(tok):
                continue  # "the campaign did not comment": nothing is attributed
            subject = subject_of(tok, depth=0)
            if subject is None or no_one(subject):
                continue
            cue = cue_range(tok, particle)
            source = subject_range(subject)
            out.append(
                Candidate(
                    cue=cue,
                    source=source,
                    content=content_range(tok, source, particle),
                    kind=CueKind.VERB,
                    rule_id=rule.id,
                    explanation=rule.explanation,
                    stance=rule.stance,
                    root=antecedent(subject).i,
                    needs_speaker=rule.needs_speaker,
                )
            )
        return out

    def _nominals(self, doc: Doc) -> list[Candidate]:
        """Statement nouns with an owner: "Trump's claim that ...", "a Times report"."""
        out = []
        for tok in doc:
            rule = self.rules.nominals.get(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None
            owner = owner_of(tok) if rule is not None else None
            if rule is None or owner is None or not states_content(tok):
                continue
            if tok.dep_ == "nsubj" and self.verbs.rule(tok.head)[0] is not None:
                continue  # "A UN report found ...": the report is the verb's source
            owned = TokenRange(owner.left_edge.i, owner.right_edge.i + 1)
            out.append(
                Candidate(
                    cue=TokenRange(tok.i, tok.i + 1),
                    source=owned,
                    content=content_range(tok, owned),
                    kind=CueKind.PHRASE,
                    rule_id=rule.id,
                    explanation=rule.explanation,
                    stance=rule.stance,
                    root=owner.i,
                )
            )
        return out

    # --- reporting verbs, by their forms (rules-only pipeline) ---------------------------

    def _verbs_plain(self, doc: Doc) -> list[Candidate]:
        out = []
        for tok in doc:
            rule = self.forms.get(tok.lower_)
            if rule is None:
                continue
            sent = tok.sent
            source = left_source(doc, tok.i, sent.start) or right_source(doc, tok.i, sent.end)
            if source is None:
                continue
            out.append(
                Candidate(
                    cue=TokenRange(tok.i, tok.i + 1),
                    source=source,
                    content=CharRange(sent.start_char, sent.end_char),
                    kind=CueKind.VERB,
                    rule_id=rule.id,
                    explanation=rule.explanation,
                    stance=rule.stance,
                    root=source[1] - 1,
                )
            )
        return out

    # --- wording rules --------------------------------------------------------------------

    def _phrases(self, doc: Doc) -> tuple[list[Candidate], list[Marker]]:
        out: list[Candidate] = []
        anonymous: list[Marker] = []
        for key, start, end in longest(self.matcher(doc)):
            rule = self.phrases[str(key)]
            if rule.effect == "anonymous":
                anonymous.append((start, end, rule))
                continue
            candidate = phrase_candidate(doc, rule, start, end, self._a_reason)
            if candidate is not None and not self._norm_cited(doc, candidate):
                out.append(candidate)
        return out, anonymous

    def _a_reason(self, noun: Token) -> bool:
        """What "citing" names is a reason ("citing age and health concerns", "citing the
        recent wildfires"), not a source: a listed reason, or a plural common noun that is
        no speaker ("citing local groups" is one)."""
        lemma = noun.lemma_.lower()
        if lemma in self.lists[REASONS_CITED]:
            return True
        plain = noun.tag_ == "NNS" and not noun.ent_type_
        return plain and not self.subjects.speaker_noun(lemma)

    def _norm_cited(self, doc: Doc, candidate: Candidate) -> bool:
        """ "according to royal laws", "each according to their choice": in accordance with a
        norm or a choice, which is no source."""
        if not candidate.names_source or candidate.root is None:
            return False
        noun = doc[candidate.root]
        nouns = [noun, *(c for c in noun.children if c.dep_ == "conj")]
        return any(n.lemma_.lower() in self.lists[NORMS] for n in nouns)

    def _from_hedges(self, hedges: list[tuple[Span, HedgeRule]]) -> list[Candidate]:
        out = []
        for span, rule in hedges:
            if rule.implies_source is None:
                continue
            sent = span.sent
            out.append(
                Candidate(
                    cue=TokenRange(span.start, span.end),
                    source=None,
                    content=CharRange(sent.start_char, sent.end_char),
                    kind=CueKind.HEDGE,
                    rule_id=rule.id,
                    explanation=rule.explanation,
                    fallback=rule.implies_source,
                )
            )
        return out

    # --- typing ---------------------------------------------------------------------------

    def _typed(self, candidate: Candidate, typer: SourceTyper) -> Candidate | None:
        typed: TypedSource | None = None
        source = candidate.source
        if source is not None:
            typed = typer.type_range(source[0], source[1], candidate.root)
            if candidate.kind is CueKind.VERB and candidate.root is not None:
                head = typer.doc[candidate.root]
                speaker_only = candidate.needs_speaker and not typer.knows(head)
                typed = typed or self.subjects.untyped(head, speaker_only)
                unnamed = typed is None or typed.name is None
                holds_cue = source[0] <= candidate.cue[0] < source[1]  # "a speech declaring"
                if (source[0] != candidate.root and unnamed) or holds_cue:
                    source = np_range(typer.doc[candidate.root])  # "officials, who said": not "who"
        if typed is None:
            if candidate.kind is CueKind.VERB or candidate.fallback is None:
                return None
            typed = TypedSource(candidate.fallback, None)
        return replace(candidate, source=source, source_type=typed.type, source_name=typed.name)
