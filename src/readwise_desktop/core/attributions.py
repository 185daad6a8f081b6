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
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from readwise_desktop.core.fallback import (
    left_source,
    name_runs,
    right_source,
    source_after_plain,
)
from readwise_desktop.core.guards import has_parse
from readwise_desktop.core.model import SourceType, Stance
from readwise_desktop.core.quotes import find_quotes, quote_at
from readwise_desktop.core.rules.loader import RuleSet
from readwise_desktop.core.rules.matching import index_rules
from readwise_desktop.core.rules.schema import HedgeRule, PhraseRule, VerbRule
from readwise_desktop.core.sources import Mention, SourceTyper, TypedSource, np_range
from readwise_desktop.core.speakers import find_speakers

CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "xcomp", "oprd"})
CONTENT_DEPS = frozenset(
    {"ccomp", "xcomp", "dobj", "parataxis", "oprd", "attr", "dative", "acl", "relcl"}
)
INHERIT_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "ccomp"})
RELATIVE = frozenset({"who", "that", "which", "whom"})
_Marker = tuple[int, int, PhraseRule]
_Match = tuple[Hashable, int, int]
ANONYMISABLE = frozenset({SourceType.UNNAMED_OFFICIAL, SourceType.VAGUE, SourceType.ANONYMOUS})


@dataclass(frozen=True, slots=True)
class Found:
    """An attribution as found, in token offsets, before its sentences are known."""

    cue: tuple[int, int]
    source: tuple[int, int] | None
    source_type: SourceType
    source_name: str | None
    stance: Stance
    content: tuple[int, int]
    rule_id: str
    explanation: str
    kind: str


@dataclass(frozen=True, slots=True)
class _Draft:
    cue: tuple[int, int]
    source: tuple[int, int] | None
    root: int | None
    rule_id: str
    explanation: str
    stance: Stance
    fallback: SourceType | None
    content: tuple[int, int]
    kind: str
    governor: int | None = None
    names_source: bool = False  # "citing X", "according to X": the wording names the source


class AttributionFinder:
    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        self.matcher, self.phrases = index_rules(rules.phrases)
        self.forms = rules.verb_for_form()
        self.phrasal: dict[str, dict[str, VerbRule]] = {}
        for verb in rules.verbs.values():
            if len(verb.words) == 2:
                self.phrasal.setdefault(verb.words[0], {})[verb.words[1]] = verb

    def find(
        self, doc: Doc, hedges: list[tuple[Span, HedgeRule]], prior: Sequence[Mention] = ()
    ) -> tuple[list[Found], list[Mention]]:
        """The attributions of ``doc``, and the named mentions to carry to the next chunk."""
        typer = SourceTyper(doc, self.rules, prior)
        drafts = (
            self._verbs(doc) + self._nominals(doc) if has_parse(doc) else self._verbs_plain(doc)
        )
        phrase_drafts, anonymous = self._phrases(doc)
        drafts += phrase_drafts + self._from_hedges(hedges) + _speaker_drafts(doc)
        drafts = _outside_quotes(doc, drafts)
        found = [f for d in _dedupe(drafts) if (f := self._typed(d, typer)) is not None]
        return _apply_anonymity(doc, found, anonymous), typer.carried()

    # --- reporting verbs, from the parse ----------------------------------------------------

    def _verbs(self, doc: Doc) -> list[_Draft]:
        out = []
        for tok in doc:
            if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("amod", "compound"):
                continue
            rule, particle = self._verb_rule(tok)
            if rule is None:
                continue
            if rule.needs_clause and not self._has_clause(tok):
                continue
            if _negated_without_content(tok):
                continue  # "the campaign did not comment": nothing is attributed
            subject = _subject(tok, depth=0)
            if subject is None:
                continue
            cue = cue_range(tok, particle)
            source = _subject_range(subject)
            out.append(
                _Draft(
                    cue,
                    source,
                    _antecedent(subject).i,
                    rule.id,
                    rule.explanation,
                    rule.stance,
                    None,
                    _content(tok, source),
                    "verb",
                )
            )
        return out

    def _nominals(self, doc: Doc) -> list[_Draft]:
        """Statement nouns with an owner: "Trump's claim that ...", "a Times report"."""
        out = []
        for tok in doc:
            rule = self.rules.nominals.get(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None
            owner = _owner(tok) if rule is not None else None
            if rule is None or owner is None or not _states_content(tok):
                continue
            if tok.dep_ == "nsubj" and self._verb_rule(tok.head)[0] is not None:
                continue  # "A UN report found ...": the report is the verb's source
            out.append(
                _Draft(
                    (tok.i, tok.i + 1),
                    (owner.left_edge.i, owner.right_edge.i + 1),
                    owner.i,
                    rule.id,
                    rule.explanation,
                    rule.stance,
                    None,
                    _content(tok, (owner.left_edge.i, owner.right_edge.i + 1)),
                    "phrase",
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

    def _has_clause(self, tok: Token) -> bool:
        if any(c.dep_ in CLAUSE_DEPS for c in tok.children):
            return True
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        sent = tok.sent
        quoted = quote_at(find_quotes(sent.text), 0, len(sent.text)) is not None
        return quoted or (nxt is not None and nxt.text in (":", "that"))

    # --- reporting verbs, by their forms (rules-only pipeline) ---------------------------

    def _verbs_plain(self, doc: Doc) -> list[_Draft]:
        out = []
        for tok in doc:
            rule = self.forms.get(tok.lower_)
            if rule is None:
                continue
            sent = tok.sent
            source = left_source(doc, tok.i, sent.start) or right_source(doc, tok.i, sent.end)
            if source is None:
                continue
            content = (sent.start_char, sent.end_char)
            out.append(
                _Draft(
                    (tok.i, tok.i + 1),
                    source,
                    source[1] - 1,
                    rule.id,
                    rule.explanation,
                    rule.stance,
                    None,
                    content,
                    "verb",
                )
            )
        return out

    # --- wording rules --------------------------------------------------------------------

    def _phrases(self, doc: Doc) -> tuple[list[_Draft], list[_Marker]]:
        out: list[_Draft] = []
        anonymous: list[_Marker] = []
        for key, start, end in _longest(self.matcher(doc)):
            rule = self.phrases[str(key)]
            if rule.effect == "anonymous":
                anonymous.append((start, end, rule))
                continue
            draft = self._phrase_draft(doc, rule, start, end)
            if draft is not None:
                out.append(draft)
        return out, anonymous

    def _phrase_draft(self, doc: Doc, rule: PhraseRule, start: int, end: int) -> _Draft | None:
        flags = _source_flags(rule, end - start)
        cue_tokens = [start + k for k, is_src in enumerate(flags) if not is_src]
        cue = (cue_tokens[0], cue_tokens[-1] + 1)
        source: tuple[int, int] | None = None
        root: int | None = None
        governor: int | None = None
        if rule.source == "marked":
            src = [start + k for k, is_src in enumerate(flags) if is_src]
            source, root = (src[0], src[-1] + 1), src[-1]
        elif rule.source == "after":
            source, root = _source_after(doc, end)
            if source is None:
                return None
        elif rule.source == "subject":
            governor, subject = _governing_subject(doc, start)
            if subject is None:
                return None
            source, root = np_range(subject), subject.i
        sent = doc[start].sent
        content = (doc[end - 1].idx + len(doc[end - 1]), sent.end_char)
        if rule.source == "after" or content[0] >= content[1]:
            content = (sent.start_char, sent.end_char)
        return _Draft(
            cue,
            source,
            root,
            rule.id,
            rule.explanation,
            rule.stance,
            rule.source_type,
            content,
            "phrase",
            governor,
            rule.source in ("after", "marked"),
        )

    def _from_hedges(self, hedges: list[tuple[Span, HedgeRule]]) -> list[_Draft]:
        out = []
        for span, rule in hedges:
            if rule.implies_source is None:
                continue
            sent = span.sent
            out.append(
                _Draft(
                    (span.start, span.end),
                    None,
                    None,
                    rule.id,
                    rule.explanation,
                    Stance.NEUTRAL,
                    rule.implies_source,
                    (sent.start_char, sent.end_char),
                    "hedge",
                )
            )
        return out

    # --- typing ---------------------------------------------------------------------------

    def _typed(self, draft: _Draft, typer: SourceTyper) -> Found | None:
        typed: TypedSource | None = None
        source = draft.source
        if source is not None:
            typed = typer.type_range(source[0], source[1], draft.root)
            if draft.kind == "verb" and draft.root is not None:
                typed = typed or _untyped_subject(typer.doc[draft.root])
                if source[0] != draft.root and (typed is None or typed.name is None):
                    source = np_range(typer.doc[draft.root])  # "officials, who said": not "who"
        if typed is None:
            if draft.kind == "verb" or draft.fallback is None:
                return None
            typed = TypedSource(draft.fallback, None)
        return Found(
            draft.cue,
            source,
            typed.type,
            typed.name,
            draft.stance,
            draft.content,
            draft.rule_id,
            draft.explanation,
            draft.kind,
        )


CLOSING_MARKS = frozenset('”"’»')
OWNER_PRONOUNS = frozenset({"his", "her", "their", "its"})


def _states_content(noun: Token) -> bool:
    """The noun carries what was said: "claim that ...", "statement: ...", "report saying"."""
    if any(c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX") for c in noun.children):
        return True
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    return nxt is not None and nxt.text in (":", "“", '"', "that")


def _owner(noun: Token) -> Token | None:
    """Who a statement noun belongs to: a possessive or a name before it."""
    for child in noun.lefts:
        named = child.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or child.pos_ == "PROPN"
        if child.dep_ == "poss" and (named or child.lower_ in OWNER_PRONOUNS):
            return child
        if child.dep_ == "compound" and child.ent_type_ in ("PERSON", "ORG"):
            return child
    return None


def _outside_quotes(doc: Doc, drafts: list[_Draft]) -> list[_Draft]:
    """Drop reporting verbs inside a quotation: the quoted speaker is the source there.

    ("He said it over and over," she said.) A quotation's own frame ("..., he said, ...")
    sits outside the marks and stays. A quotation over several paragraphs (an excerpt of
    another report) keeps its attributions, and so does one that never closes.
    """
    text = doc.text
    quotes = [
        (q.start, q.end)
        for q in find_quotes(text)
        if text[q.end - 1] in CLOSING_MARKS and "\n" not in text[q.start : q.end]
    ]
    if not quotes:
        return drafts
    starts = [q[0] for q in quotes]
    kept = []
    for d in drafts:
        char = doc[d.cue[0]].idx
        k = bisect.bisect_right(starts, char) - 1
        inside = k >= 0 and char < quotes[k][1]
        if not (inside and d.kind == "verb"):
            kept.append(d)
    return kept


def _negated_without_content(verb: Token) -> bool:
    children = list(verb.children)
    return any(c.dep_ == "neg" for c in children) and not any(
        c.dep_ in CONTENT_DEPS for c in children
    )


def _speaker_drafts(doc: Doc) -> list[_Draft]:
    return [
        _Draft(
            s.cue,
            s.source,
            s.source[1] - 1,
            s.rule_id,
            s.explanation,
            Stance.NEUTRAL,
            SourceType.NAMED_PERSON,
            s.content,
            "phrase",
        )
        for s in find_speakers(doc)
    ]


def _subject(verb: Token, depth: int) -> Token | None:
    """Who speaks: the verb's subject, a passive agent, or the subject it inherits."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or depth > 3:
        return None
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and verb.tag_ == "VBG":
        return verb.head  # "officials warning that ...", not "a song called ..." (the object)
    if verb.dep_ in INHERIT_DEPS and verb.head.i != verb.i:
        head = verb.head.head if verb.head.pos_ == "ADP" else verb.head
        if head.pos_ in ("VERB", "AUX") and head.i != verb.i:
            return _subject(head, depth + 1)
    return None


def _antecedent(tok: Token) -> Token:
    if (
        tok.lower_ in RELATIVE
        and tok.head.dep_ in ("relcl", "acl")
        and tok.head.head.i != tok.head.i
    ):
        return tok.head.head
    return tok


UNSPECIFIED = frozenset({"they", "them"})


def _untyped_subject(head: Token) -> TypedSource | None:
    """A subject the lexicons do not know ("the group", "Republicans", "they"): a vague source.

    Only nouns and "they": "I", "we", "you" speak inside quotations and are left out.
    """
    if head.lower_ in UNSPECIFIED or head.pos_ == "NOUN" or head.ent_type_ == "NORP":
        return TypedSource(SourceType.VAGUE, None)
    return None


def _subject_range(subject: Token) -> tuple[int, int]:
    """The source span: the subject's noun phrase, or the relative pronoun itself ("who")."""
    if _antecedent(subject) is not subject:
        return subject.i, subject.i + 1
    return subject_span(subject)


def subject_span(head: Token) -> tuple[int, int]:
    """The whole subject with its appositions (PolNeAR's source spans).

    "Brian Fallon, the campaign's press secretary, noted": the closing comma of an apposition
    before the verb belongs to it. A clause set off by a comma ("Trump, speaking in Ohio,",
    "Mulgrew, ..., which represents teachers,") and a leading "both" or "even" do not.
    """
    doc = head.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
    before_verb = head.i < head.head.i  # "said Joseph, who has four children": all of it
    for i in range(head.i + 1, end - 1 if before_verb else head.i + 1):
        if doc[i].text == "," and _opens_aside(doc[i + 1]):
            end = i
            break
    while end - 1 > start and (_is_blank(doc[end - 1]) or _trailing_punct(doc[end - 1])):
        end -= 1
    while start < end - 1 and (
        (doc[start].is_punct and doc[start].text != "(") or doc[start].lower_ in LEADING_WORDS
    ):
        start += 1
    after = end
    while after < len(doc) and _is_blank(doc[after]):
        after += 1
    closes_apposition = after < len(doc) and doc[after].text == "," and after <= head.head.i
    if closes_apposition and any(t.text == "," for t in doc[head.i : end]):
        end = after + 1
    return start, end


LEADING_WORDS = frozenset({"both", "even", "only"})


def _opens_aside(tok: Token) -> bool:
    """After a comma: a relative clause or a participle that describes the subject."""
    return tok.lower_ in ("who", "which", "whose", "whom") or tok.tag_ in ("VBG", "VBN")


def _is_blank(tok: Token) -> bool:
    return tok.is_space or not tok.text.strip()


def _trailing_punct(tok: Token) -> bool:
    return tok.is_punct and tok.text != ")"


CUE_LEFT = frozenset({"aux", "auxpass", "neg"})
CUE_ADVERBS = frozenset(
    {"also", "now", "then", "often", "later", "again", "repeatedly", "publicly", "once", "even"}
)


def cue_range(tok: Token, particle: Token | None = None) -> tuple[int, int]:
    """The cue: the verb with its auxiliaries, negation, particle and a colon right after it.

    "has also said", "did not respond", "called for", "said:" (PolNeAR's cue spans).
    """
    doc = tok.doc
    start = tok.i
    while start > 0:
        prev = doc[start - 1]
        if (
            prev.head.i != tok.i
            or prev.lower_ == "to"
            or not (prev.dep_ in CUE_LEFT or _manner_adverb(prev))
        ):
            break
        start -= 1
    end = tok.i + 1
    for child in tok.rights:
        if child.i == end and (
            child.dep_ == "prt" or (particle is not None and child.i == particle.i)
        ):
            end += 1
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and _content_preposition(tok, nxt):
        end += 1  # "complained about", "warned against", "spoke of"
    if end < len(doc) and doc[end].text == ":":
        end += 1
    return start, end


def _content_preposition(verb: Token, prep: Token) -> bool:
    if prep.head.i != verb.i or prep.dep_ != "prep":
        return False
    return prep.lower_ in CONTENT_PREPOSITIONS.get(verb.lemma_.lower(), ())


def _manner_adverb(tok: Token) -> bool:
    """An adverb right before the verb: "also said", "repeatedly denied", "privately expressed"."""
    if tok.dep_ != "advmod" or tok.tag_ in ("WRB",):
        return False
    return tok.lower_ in CUE_ADVERBS or (tok.pos_ == "ADV" and tok.lower_.endswith("ly"))


CONTENT_PREPOSITIONS: dict[str, tuple[str, ...]] = {
    "complain": ("about", "of"),
    "warn": ("against", "about", "of"),
    "speak": ("of", "about"),
    "talk": ("about", "of"),
    "rail": ("against",),
    "agree": ("with", "to", "on"),
    "plead": ("for",),
    "brag": ("about", "of"),
    "boast": ("about", "of"),
    "joke": ("about", "of"),
    "testify": ("about", "to"),
    "insist": ("on",),
    "comment": ("on",),
    "argue": ("for", "against"),
    "ask": ("about", "for"),
    "write": ("about", "of"),
    "worry": ("about",),
}


def _content(verb: Token, source: tuple[int, int]) -> tuple[int, int]:
    parts = [
        c for c in verb.children if c.dep_ in CONTENT_DEPS and not (source[0] <= c.i < source[1])
    ]
    sent = verb.sent
    if not parts:
        return sent.start_char, sent.end_char
    start = min(c.left_edge.idx for c in parts)
    end = max(c.right_edge.idx + len(c.right_edge) for c in parts)
    return start, end


def _source_after(doc: Doc, end: int) -> tuple[tuple[int, int] | None, int | None]:
    if end >= len(doc):
        return None, None
    if not has_parse(doc):
        rng = source_after_plain(doc, end)
        return (rng, rng[1] - 1) if rng else (None, None)
    sent_end = doc[end].sent.end
    for tok in doc[end:sent_end]:
        if tok.head.i < end or tok.head.i == tok.i:
            if tok.is_punct:
                return None, None
            return np_range(tok), tok.i
    return None, None


def _governing_subject(doc: Doc, start: int) -> tuple[int | None, Token | None]:
    """The verb a phrase such as "in a statement" hangs from, and that verb's subject."""
    if not has_parse(doc):
        sent = doc[start].sent
        runs = [r for r in name_runs(doc[sent.start : start].as_doc()) if r]
        if not runs:
            return None, None
        return None, doc[sent.start + runs[0][1] - 1]
    verb = doc[start].head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb.i, _subject(verb, depth=0)


def _source_flags(rule: PhraseRule, length: int) -> list[bool]:
    for pattern in rule.patterns:
        if len(pattern.source_flags) == length and not pattern.has_optional:
            return list(pattern.source_flags)
    flags = next((list(p.source_flags) for p in rule.patterns if p.has_source), [])
    return (flags + [False] * length)[:length] if flags else [False] * length


def _longest(matches: list[_Match]) -> list[_Match]:
    """Per rule, drop matches inside a longer match of the same rule (optional tokens)."""
    ordered = sorted(matches, key=lambda m: (m[1], -(m[2] - m[1])))
    out: list[_Match] = []
    for m in ordered:
        if any(o[0] == m[0] and o[1] <= m[1] and m[2] <= o[2] for o in out):
            continue
        out.append(m)
    return out


def _dedupe(drafts: list[_Draft]) -> list[_Draft]:
    """One attribution per cue; nested sources inside another cue ("a statement that ...") go."""
    cue_of_token: dict[int, tuple[int, int]] = {}
    for d in drafts:
        for i in range(*d.cue):
            cue_of_token.setdefault(i, d.cue)
    verb_cues = {i for d in drafts if d.kind == "verb" for i in range(*d.cue)}
    verb_ends = {d.cue[1]: d for d in drafts if d.kind == "verb"}
    widened: dict[int, int] = {}  # verb cue start -> new end ("said in an interview")
    kept = []
    for d in drafts:
        inside = cue_of_token.get(d.root) if d.root is not None else None
        if inside is not None and inside != d.cue:
            continue
        if d.governor is not None and d.governor in verb_cues:
            verb = verb_ends.get(d.cue[0])
            if verb is not None:
                widened[verb.cue[0]] = d.cue[1]
            continue
        kept.append(d)
    kept = [
        replace(d, cue=(d.cue[0], widened[d.cue[0]]))
        if d.kind == "verb" and d.cue[0] in widened
        else d
        for d in kept
    ]
    rank = {"verb": 0, "phrase": 1, "hedge": 2}
    kept.sort(key=lambda d: (not d.names_source, d.source is None, rank[d.kind]))
    taken: set[int] = set()
    out: list[_Draft] = []
    for d in kept:
        tokens = set(range(*d.cue))
        if not tokens & taken:
            out.append(d)
            taken |= tokens
    return sorted(out, key=lambda d: d.cue)


def _apply_anonymity(doc: Doc, found: list[Found], markers: list[_Marker]) -> list[Found]:
    """Sentences that say their source is anonymous make unnamed sources ANONYMOUS."""
    out = list(found)
    for start, end, rule in markers:
        sent = doc[start].sent
        inside = [i for i, f in enumerate(out) if sent.start <= f.cue[0] < sent.end]
        for i in inside:
            if out[i].source_type in ANONYMISABLE:
                out[i] = replace(out[i], source_type=SourceType.ANONYMOUS, source_name=None)
        if not inside:
            out.append(
                Found(
                    (start, end),
                    None,
                    SourceType.ANONYMOUS,
                    None,
                    Stance.NEUTRAL,
                    (sent.start_char, sent.end_char),
                    rule.id,
                    rule.explanation,
                    "phrase",
                )
            )
    return sorted(out, key=lambda f: f.cue)
