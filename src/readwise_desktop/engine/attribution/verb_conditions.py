"""What a reporting verb needs to report: its rule (with a particle: "point out"), the clause
its rule asks for ("added that ...", a quotation, a colon), not another sense of the verb, not
a topic alone ("discussed her career"), not negated without content ("did not comment", "did
not say whether ...").
"""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from readwise_desktop.engine.attribution.senses import (
    DIRECTIVE_VERBS,
    content_clause,
    other_sense,
    takes_thing,
)
from readwise_desktop.engine.attribution.spans import CONTENT_DEPS, chained
from readwise_desktop.engine.rules.loader import RuleSet
from readwise_desktop.engine.rules.schema import VerbRule
from readwise_desktop.engine.text.tokens import is_passive

NOTHING_SAID = "list.attribution.nothing_said"
TOPIC_VERBS = "list.attribution.topic_verbs"
CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "xcomp", "oprd"})
SPEECH_DEPS = frozenset({"ccomp", "parataxis"})


class VerbConditions:
    """The rules' reporting verbs and the conditions each sets."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        self.lists = rules.words()
        self.phrasal: dict[str, dict[str, VerbRule]] = {}
        for verb in rules.verbs.values():
            if len(verb.words) == 2:
                self.phrasal.setdefault(verb.words[0], {})[verb.words[1]] = verb

    def rule(self, tok: Token) -> tuple[VerbRule | None, Token | None]:
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

    def clause_ok(self, tok: Token, rule: VerbRule, quote_starts: list[int]) -> bool:
        """The verb has the clause its rule asks for, if it asks for one."""
        return not rule.needs_clause or self.has_clause(tok, quote_starts, rule.speech_only)

    def has_clause(self, tok: Token, quote_starts: list[int], speech_only: bool) -> bool:
        deps = SPEECH_DEPS if speech_only else CLAUSE_DEPS
        if any(content_clause(tok, c, deps, self.lists) for c in tok.children):
            return True
        sent = tok.sent
        if takes_thing(tok):  # "showed symptoms", but "called his record "a decade of ...""
            return quote_opens(quote_starts, tok.idx, sent.end_char)
        subordinate = any(c.dep_ == "mark" for c in tok.children)  # "is that they learned"
        if tok.dep_ in ("parataxis", "ccomp", "advcl") and tok.head.i < tok.i and not subordinate:
            return True  # "Waiting times fell, a report found.": the clause comes first
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        quoted = quote_opens(quote_starts, sent.start_char, sent.end_char)
        return quoted or (nxt is not None and nxt.text in (":", "that"))

    def reports_through(self, tok: Token, quote_starts: list[int]) -> bool:
        """Its infinitive is itself a reporting verb, which carries the attribution."""
        if tok.lemma_.lower() in self.lists[NOTHING_SAID]:
            return False
        for verb in (c for c in tok.children if chained(tok, c)):
            rule = self.rule(verb)[0]
            if rule is not None and self.clause_ok(verb, rule, quote_starts):
                return True
        return False

    def topic_only(self, tok: Token, quote_starts: list[int]) -> bool:
        """A verb of a topic or a stance with no clause: "discussed her career"."""
        return tok.lemma_.lower() in self.lists[TOPIC_VERBS] and not self.has_clause(
            tok, quote_starts, False
        )

    def allows(self, tok: Token, quote_starts: list[int], sure: bool = False) -> bool:
        """A learned cue on one of the rules' verbs keeps that verb's conditions: "Police found
        a body", "thanked supporters", "chanted slogans" have no clause, so they report nothing.
        A cue the model is ``sure`` of needs no clause, but keeps the verb's other senses, and
        a verb of a topic or a stance needs one always ("discussed her career")."""
        verb = tok.pos_ in ("VERB", "AUX")
        if verb and other_sense(tok, self.lists):
            return False  # "encouraged schools to reopen"
        if tok.lemma_.lower() in self.lists[TOPIC_VERBS]:
            return not self.topic_only(tok, quote_starts)
        rule = self.rule(tok)[0] if verb else None
        if rule is None:
            return not (verb and self._directs_a_thing(tok, quote_starts))
        clause = (sure and not is_passive(tok)) or self.clause_ok(tok, rule, quote_starts)
        return clause and not negated_without_content(tok)

    def _directs_a_thing(self, tok: Token, quote_starts: list[int]) -> bool:
        """ "ordered the killing of 300,000 pigs": a directive verb with no clause."""
        directive = tok.lemma_.lower() in self.lists[DIRECTIVE_VERBS]
        return directive and not self.has_clause(tok, quote_starts, False)

    def says_nothing(self, tok: Token) -> bool:
        """ "refused to answer", "was rejected" (no agent): a learned cue that reports nothing
        or whose speaker is not its source."""
        if tok.lemma_.lower() in self.lists[NOTHING_SAID]:
            return True
        return is_passive(tok) and not any(c.dep_ == "agent" for c in tok.children)


def quote_opens(quote_starts: list[int], start: int, end: int) -> bool:
    """A quotation opens in ``start:end`` (``quote_starts`` sorted)."""
    k = bisect.bisect_left(quote_starts, start)
    return k < len(quote_starts) and quote_starts[k] < end


def negated_without_content(verb: Token) -> bool:
    """ "did not comment", "didn't disclose whether it received warrants": nothing is said."""
    children = list(verb.children)
    return any(c.dep_ == "neg" for c in children) and not any(
        c.dep_ in CONTENT_DEPS and not _open_question(c) and not _addressee(c) for c in children
    )


def _addressee(tok: Token) -> bool:
    """ "did not tell me what ...": who is told is no content."""
    return tok.dep_ in ("dobj", "dative") and tok.pos_ == "PRON" and tok.lower_ != "it"


def _open_question(clause: Token) -> bool:
    """A clause that asks instead of telling: "whether it received", "if they knew", "what
    exactly the work was"."""
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children):
        return True
    first = clause.left_edge
    return first.tag_ in ("WP", "WRB", "WDT") and first.lower_ != "that"
