"""Find attributions: a cue, an optional source and the content it governs.

With a parsed document the cues come from the dependency parse: a reporting verb and its subject
(inherited through participle clauses and conjunctions, taken from the agent of a passive, or from
the noun a participle modifies). Wording rules add "according to X", "in a statement", agentless
reports and anonymity markers; reportative hedges ("reportedly") imply a vague source. Without a
parse (the rules-only pipeline) the verbs are found by their forms and the source is the noun
phrase beside them.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
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
from readwise_desktop.engine.attribution.learned import LEARNED_RULE_ID, cue_head, merge_learned
from readwise_desktop.engine.attribution.noun_phrases import np_range
from readwise_desktop.engine.attribution.plural import carry_plural
from readwise_desktop.engine.attribution.questions import outside_questions
from readwise_desktop.engine.attribution.senses import (
    content_clause,
    no_one,
    other_sense,
    takes_thing,
)
from readwise_desktop.engine.attribution.sources import Mention, SourceTyper, TypedSource
from readwise_desktop.engine.attribution.spans import (
    CONTENT_DEPS,
    antecedent,
    chained,
    content_range,
    cue_range,
    owner_of,
    states_content,
    subject_of,
    subject_range,
)
from readwise_desktop.engine.attribution.unparsed import (
    left_source,
    right_source,
)
from readwise_desktop.engine.attribution.wording import (
    colon_quotes,
    phrase_candidate,
    speaker_candidates,
)
from readwise_desktop.engine.learned.tagger import AttributionTagger, TaggedSpan
from readwise_desktop.engine.results import SourceType, Stance
from readwise_desktop.engine.rules.loader import RuleSet
from readwise_desktop.engine.rules.matching import index_rules
from readwise_desktop.engine.rules.schema import HedgeRule, VerbRule
from readwise_desktop.engine.text.lexicon import UNSPECIFIED
from readwise_desktop.engine.text.quotes import Quote
from readwise_desktop.engine.text.ranges import CharRange, TokenRange
from readwise_desktop.engine.text.tokens import has_parse, is_passive

NOTHING_SAID = "list.attribution.nothing_said"
TOPIC_VERBS = "list.attribution.topic_verbs"
NORMS = "list.attribution.norms"
NOT_SPEAKERS = "list.attribution.not_speakers"
LEARNED_REPORT_FORMS = "list.attribution.learned_report_forms"
BELIEF_VERBS = "list.attribution.belief_verbs"
SPEAKER_NOUNS = "list.attribution.speaker_nouns"
PEOPLE_NOUNS = "list.attribution.people_nouns"
PERSON_ENDINGS = "list.attribution.person_endings"
AS_NEEDED = frozenset({"see", "view", "regard"})
CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "xcomp", "oprd"})
SPEECH_DEPS = frozenset({"ccomp", "parataxis"})
# A learned cue the model is this sure of (its least sure token's marginal) passes the word
# filter, or needs no clause: "Various opinion polls showed ...", "..., wrote Elizabeth Warren
# on Twitter" (the quotation in the sentence before). Below 0.95 "thanked supporters", "Police
# found a body" and "had agreed to" pass the verb filter; below 0.9 "appointed him" passes.
SURE_WORD = 0.9
SURE_VERB = 0.95


class AttributionFinder:
    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        self.matcher, self.phrases = index_rules(rules.phrases)
        self.forms = rules.verb_for_form()
        self.lists = rules.words()
        self.person_endings = tuple(sorted(self.lists[PERSON_ENDINGS]))
        self.tagger: AttributionTagger | None = None  # the learned tagger, when loaded
        self.phrasal: dict[str, dict[str, VerbRule]] = {}
        for verb in rules.verbs.values():
            if len(verb.words) == 2:
                self.phrasal.setdefault(verb.words[0], {})[verb.words[1]] = verb

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
            found = self._with_learned(doc, found, typer, quotes)
        found = within_reports(doc, carry_plural(doc, found))
        found = outside_questions(doc, found, quotes)
        return apply_anonymity(doc, found, anonymous), typer.carried()

    def _with_learned(
        self, doc: Doc, found: list[Candidate], typer: SourceTyper, quotes: Sequence[Quote]
    ) -> list[Candidate]:
        """The hybrid with the learned tagger's spans (:mod:`.learned`); a learned cue inside a
        quotation is left to the quoted speaker, as a rule's is. A learned cue passes the
        filters on reporting words and verb conditions when the model is sure of it."""
        assert self.tagger is not None

        def type_source(source: TokenRange, root: int) -> TypedSource | None:
            typed = typer.type_range(*source, root)  # not any noun: "their presence highlights"
            word = doc[root]
            relative = word.tag_ in ("WP", "WDT") and word.head.dep_ == "relcl"
            if typed is None and source.end - source.start == 1 and relative:
                noun = word.head.head  # "the department, which reported": typed by its noun
                typed = typer.type_range(*np_range(noun), noun.i)
                return typed or _untyped_subject(noun, False, self._speaker_noun)
            return typed

        def stance_of(cue: Token) -> Stance | None:
            lemma = cue.lemma_.lower()
            rule = self.rules.verbs.get(lemma) or self.rules.nominals.get(lemma)
            return rule.stance if rule is not None else None

        merged = merge_learned(doc, found, self.tagger, type_source, stance_of)
        opens = [q.start for q in quotes]

        learned = [
            c for c in merged if c.rule_id == LEARNED_RULE_ID and self._learned_kept(doc, c, opens)
        ]
        kept = {id(c) for c in outside_quotes(doc, learned, quotes)}
        return [c for c in merged if c.rule_id != LEARNED_RULE_ID or id(c) in kept]

    def _learned_kept(self, doc: Doc, c: Candidate, quote_starts: list[int]) -> bool:
        """A learned cue on a reporting word (or one the model is sure of), allowed by its
        verb's conditions, and not a cue that says nothing."""
        assert self.tagger is not None
        head = cue_head(doc, c.cue)
        sure = self.tagger.confidence.get(TaggedSpan("cue", *c.cue), 0.0)
        others = (t for t in doc[c.cue.start : c.cue.end] if t.i != head.i)
        return (
            (sure >= SURE_WORD or self._reporting_word(head))
            and self._verb_allows(head, quote_starts, sure >= SURE_VERB)
            and not self._says_nothing(head)
            and not any(self._topic_only(t, quote_starts) for t in others)  # "spoke to discuss"
        )

    def _topic_only(self, tok: Token, quote_starts: list[int]) -> bool:
        """A verb of a topic or a stance with no clause: "discussed her career"."""
        return tok.lemma_.lower() in self.lists[TOPIC_VERBS] and not self._has_clause(
            tok, quote_starts, False
        )

    def _reporting_word(self, tok: Token) -> bool:
        """A learned cue is kept only on a reporting word: a form PolNeAR marks as a cue at
        least half the time, or a lemma the rules or the model's lexicon know. PolNeAR's cues
        include intentions and actions, which on other news report nothing ("the university
        celebrated", "Blankenship decided not to attend", "they want to get copies")."""
        assert self.tagger is not None
        lemma = tok.lemma_.lower()
        known = self.tagger.lexicon
        return (
            tok.lower_ in self.lists[LEARNED_REPORT_FORMS]
            or lemma in self.rules.verbs
            or lemma in self.rules.nominals
            or lemma in known.nouns
            or any(v == lemma or v.startswith(lemma + "_") for v in known.verbs)
            or (lemma in self.lists[BELIEF_VERBS] and (lemma not in AS_NEEDED or _as_taken(tok)))
        )

    def _speaker_noun(self, lemma: str) -> bool:
        """A noun for people or a body that speaks in news ("the family", "the announcer")."""
        return (
            lemma in self.lists[SPEAKER_NOUNS]
            or lemma in self.lists[PEOPLE_NOUNS]
            or lemma.endswith(self.person_endings)
        )

    def _says_nothing(self, tok: Token) -> bool:
        """ "refused to answer", "was rejected" (no agent): a learned cue that reports nothing
        or whose speaker is not its source."""
        if tok.lemma_.lower() in self.lists[NOTHING_SAID]:
            return True
        return is_passive(tok) and not any(c.dep_ == "agent" for c in tok.children)

    def _verb_allows(self, tok: Token, quote_starts: list[int], sure: bool = False) -> bool:
        """A learned cue on one of the rules' verbs keeps that verb's conditions: "Police found
        a body", "thanked supporters", "chanted slogans" have no clause, so they report nothing.
        A cue the model is ``sure`` of needs no clause, but keeps the verb's other senses, and
        a verb of a topic or a stance needs one always ("discussed her career")."""
        if tok.lemma_.lower() in self.lists[TOPIC_VERBS]:
            return not self._topic_only(tok, quote_starts)
        rule = self._verb_rule(tok)[0] if tok.pos_ in ("VERB", "AUX") else None
        if rule is None:
            return True
        if other_sense(tok, self.lists):
            return False
        clause = (sure and not is_passive(tok)) or self._clause_ok(tok, rule, quote_starts)
        return clause and not _negated_without_content(tok)

    # --- reporting verbs, from the parse ----------------------------------------------------

    def _verbs(self, doc: Doc, quote_starts: list[int]) -> list[Candidate]:
        out = []
        for tok in doc:
            if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("amod", "compound"):
                continue
            rule, particle = self._verb_rule(tok)
            if rule is None:
                continue
            if not self._clause_ok(tok, rule, quote_starts) or other_sense(tok, self.lists):
                continue  # no clause to report; "called it Eastgate"; "if the council says"
            if self._reports_through(tok, quote_starts):
                continue  # "officials continue to frame ...": the inner verb is the cue
            if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in self.lists[NOTHING_SAID]:
                continue  # "failed to disclose", "declined to comment": nothing was said
            if _negated_without_content(tok):
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
            if tok.dep_ == "nsubj" and self._verb_rule(tok.head)[0] is not None:
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

    def _verb_rule(self, tok: Token) -> tuple[VerbRule | None, Token | None]:
        """The verb's rule, and the particle or preposition that belongs to the cue."""
        lemma = tok.lemma_.lower()
        phrasal = self.phrasal.get(lemma, {})
        if not phrasal and lemma not in self.rules.verbs:
            return None, None
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.head.i == tok.i and nxt.lower_ in phrasal:
            return phrasal[nxt.lower_], nxt
        if any(c.dep_ == "prt" for c in tok.rights):
            return None, None  # "call off", "point at": another verb
        return self.rules.verbs.get(lemma), None

    def _reports_through(self, tok: Token, quote_starts: list[int]) -> bool:
        """Its infinitive is itself a reporting verb, which carries the attribution."""
        if tok.lemma_.lower() in self.lists[NOTHING_SAID]:
            return False
        for verb in (c for c in tok.children if chained(tok, c)):
            rule = self._verb_rule(verb)[0]
            if rule is not None and self._clause_ok(verb, rule, quote_starts):
                return True
        return False

    def _clause_ok(self, tok: Token, rule: VerbRule, quote_starts: list[int]) -> bool:
        """The verb has the clause its rule asks for, if it asks for one."""
        return not rule.needs_clause or self._has_clause(tok, quote_starts, rule.speech_only)

    def _has_clause(self, tok: Token, quote_starts: list[int], speech_only: bool) -> bool:
        deps = SPEECH_DEPS if speech_only else CLAUSE_DEPS
        if any(content_clause(tok, c, deps, self.lists) for c in tok.children):
            return True
        sent = tok.sent
        if takes_thing(tok):  # "showed symptoms", but "called his record "a decade of ...""
            return _quote_opens(quote_starts, tok.idx, sent.end_char)
        if tok.dep_ in ("parataxis", "ccomp", "advcl") and tok.head.i < tok.i:
            return True  # "Waiting times fell, a report found.": the clause comes first
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        quoted = _quote_opens(quote_starts, sent.start_char, sent.end_char)
        return quoted or (nxt is not None and nxt.text in (":", "that"))

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
            candidate = phrase_candidate(doc, rule, start, end)
            if candidate is not None and not self._norm_cited(doc, candidate):
                out.append(candidate)
        return out, anonymous

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
                typed = typed or _untyped_subject(head, speaker_only, self._speaker_noun)
                if source[0] != candidate.root and (typed is None or typed.name is None):
                    source = np_range(typer.doc[candidate.root])  # "officials, who said": not "who"
        if typed is None:
            if candidate.kind is CueKind.VERB or candidate.fallback is None:
                return None
            typed = TypedSource(candidate.fallback, None)
        return replace(candidate, source=source, source_type=typed.type, source_name=typed.name)


def _quote_opens(quote_starts: list[int], start: int, end: int) -> bool:
    """A quotation opens in ``start:end`` (``quote_starts`` sorted)."""
    k = bisect.bisect_left(quote_starts, start)
    return k < len(quote_starts) and quote_starts[k] < end


def _negated_without_content(verb: Token) -> bool:
    """ "did not comment", "didn't disclose whether it received warrants": nothing is said."""
    children = list(verb.children)
    return any(c.dep_ == "neg" for c in children) and not any(
        c.dep_ in CONTENT_DEPS and not _open_question(c) for c in children
    )


def _open_question(clause: Token) -> bool:
    """A clause that asks instead of telling: "whether it received", "if they knew"."""
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children)


def _untyped_subject(
    head: Token, needs_speaker: bool, speaker_noun: Callable[[str], bool]
) -> TypedSource | None:
    """A subject the lexicons do not know ("the group", "Republicans", "they"): a vague source.

    Only nouns that head sources in news and "they": "I", "we", "you" speak inside quotations
    and are left out, and a thing is no speaker ("a great pleasure discussing this"). A verb
    that also takes things as subjects ("their presence highlights ...") needs more than a noun.
    """
    noun = head.pos_ == "NOUN" and not needs_speaker and speaker_noun(head.lemma_.lower())
    if head.lower_ in UNSPECIFIED or noun or head.ent_type_ == "NORP":
        return TypedSource(SourceType.VAGUE, None)
    return None


def _as_taken(verb: Token) -> bool:
    """ "some see it as a failure": the verb of opinion takes an "as" phrase."""
    return has_parse(verb.doc) and any(c.lower_ == "as" for c in verb.children)
