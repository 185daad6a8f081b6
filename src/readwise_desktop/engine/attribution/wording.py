"""Attributions found by their wording ("according to X", "in a statement", "reports emerged")
and by layout (transcript speakers, signed quotes): their drafts, before merging and typing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Token

from readwise_desktop.engine.attribution.candidates import Candidate, CueKind
from readwise_desktop.engine.attribution.noun_phrases import np_range
from readwise_desktop.engine.attribution.spans import cue_range, subject_of, subject_range
from readwise_desktop.engine.attribution.speakers import find_speakers
from readwise_desktop.engine.attribution.unparsed import name_runs, source_after_plain
from readwise_desktop.engine.results import SourceType
from readwise_desktop.engine.rules.schema import PhraseRule
from readwise_desktop.engine.text.lexicon import OPENERS, PERSON_PRONOUNS
from readwise_desktop.engine.text.ranges import CharRange, TokenRange
from readwise_desktop.engine.text.tokens import has_parse


def phrase_candidate(
    doc: Doc,
    rule: PhraseRule,
    start: int,
    end: int,
    is_reason: Callable[[Token], bool] | None = None,
) -> Candidate | None:
    """A candidate attribution from a wording rule's match: cue, source (marked, after or the
    clause's subject) and content. What is cited may be a reason (``is_reason``: "citing age
    and health concerns"): then the clause's subject is the source."""
    flags = source_flags(rule, end - start)
    cue_tokens = [start + k for k, is_src in enumerate(flags) if not is_src]
    cue = TokenRange(cue_tokens[0], cue_tokens[-1] + 1)
    source: TokenRange | None = None
    root: int | None = None
    governor: int | None = None
    if rule.source == "marked":
        src = [start + k for k, is_src in enumerate(flags) if is_src]
        source, root = TokenRange(src[0], src[-1] + 1), src[-1]
    elif rule.source in ("after", "cited"):
        source, root = source_after(doc, end)
        if source is None:
            return None
        if rule.source == "cited" and _a_reason(doc, root, is_reason):
            return phrase_candidate(doc, replace(rule, source="subject"), start, end)
    elif rule.source == "subject":
        governor, subject = governing_subject(doc, start)
        if subject is None:
            return None
        source, root = np_range(subject), subject.i
    elif rule.source == "speaker":
        speaker = _speaking_subject(doc[start])
        if speaker is not None:
            source, root = np_range(speaker), speaker.i
    elif rule.source == "none":
        agent = _passive_agent(doc, start, end)
        if agent is not None:  # "was described as 'knife-obsessed' by the police"
            source, root = np_range(agent), agent.i
    sent = doc[start].sent
    content = CharRange(doc[end - 1].idx + len(doc[end - 1]), sent.end_char)
    if rule.source in ("after", "cited") or content[0] >= content[1]:
        content = CharRange(sent.start_char, sent.end_char)
    return Candidate(
        cue=cue,
        source=source,
        content=content,
        kind=CueKind.PHRASE,
        rule_id=rule.id,
        explanation=rule.explanation,
        stance=rule.stance,
        root=root,
        fallback=None if _reason_cited(doc, rule, root) else rule.source_type,
        governor=governor,
        names_source=rule.source in ("after", "cited", "marked")
        or (rule.source == "none" and source is not None),
    )


def _speaking_subject(verb: Token) -> Token | None:
    """A person or a body as the subject of "raised concerns" voices them ("Pierce and Carroll
    raised concerns"); a thing ("These incidents have raised concerns") leaves them agentless."""
    if not has_parse(verb.doc):
        return None
    subject = subject_of(verb, depth=0)
    if subject is None:
        return None
    named = subject.ent_type_ in ("PERSON", "ORG", "GPE") and subject.pos_ == "PROPN"
    return subject if named or subject.lower_ in PERSON_PRONOUNS else None


def _passive_agent(doc: Doc, start: int, end: int) -> Token | None:
    """The agent of a passive verdict the match holds ("described ... by the police")."""
    if not has_parse(doc):
        return None
    for verb in doc[start:end]:
        if verb.tag_ == "VBN":
            by = (c for c in verb.children if c.dep_ == "agent")
            found = next((g for c in by for g in c.children if g.dep_ == "pobj"), None)
            if found is not None:
                return found
    return None


def _a_reason(doc: Doc, root: int | None, is_reason: Callable[[Token], bool] | None) -> bool:
    return has_parse(doc) and root is not None and is_reason is not None and is_reason(doc[root])


def _reason_cited(doc: Doc, rule: PhraseRule, root: int | None) -> bool:
    """ "citing the health crisis": what is cited may be a reason; only a plural ("citing
    local groups") is taken as a source the lexicons do not know."""
    return rule.source == "cited" and root is not None and doc[root].tag_ not in ("NNS", "NNPS")


def speaker_candidates(doc: Doc, not_speakers: frozenset[str]) -> list[Candidate]:
    return [
        Candidate(
            cue=TokenRange(*s.cue),
            source=TokenRange(*s.source),
            content=CharRange(*s.content),
            kind=CueKind.PHRASE,
            rule_id=s.rule_id,
            explanation=s.explanation,
            root=s.source[1] - 1,
            fallback=SourceType.NAMED_PERSON,
        )
        for s in find_speakers(doc, not_speakers)
    ]


def source_after(doc: Doc, end: int) -> tuple[TokenRange | None, int | None]:
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


def governing_subject(doc: Doc, start: int) -> tuple[int | None, Token | None]:
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
    return verb.i, subject_of(verb, depth=0)


def source_flags(rule: PhraseRule, length: int) -> list[bool]:
    for pattern in rule.patterns:
        if len(pattern.source_flags) == length and not pattern.has_optional:
            return list(pattern.source_flags)
    flags = next((list(p.source_flags) for p in rule.patterns if p.has_source), [])
    return (flags + [False] * length)[:length] if flags else [False] * length


COLON_QUOTE = "attribution.frame.colon_quote"
COLON_QUOTE_WHY = (
    'A named speaker introduces a quotation with a colon ("made the following announcement: '
    "'...'\"): the quotation is theirs."
)
NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def colon_quotes(doc: Doc) -> list[Candidate]:
    """A clause with a named subject that ends in a colon and a quotation: "De Blasio spoke on
    MSNBC when he made the announcement: “...”", "Trump took a parting shot on Twitter: “...”"."""
    out = []
    for colon in (t for t in doc if t.text == ":" and t.i + 1 < len(doc)):
        if doc[colon.i + 1].text not in OPENERS:
            continue
        verb = colon.head if colon.head.pos_ in ("VERB", "AUX") else None
        while verb is not None and verb.dep_ in ("advcl", "conj", "relcl") and verb.head != verb:
            verb = verb.head  # "... when he made the announcement:": the main clause speaks
        subject = subject_of(verb, depth=0) if verb is not None else None
        if verb is None or subject is None or subject.ent_type_ not in NAMED_LABELS:
            continue
        sent = colon.sent
        out.append(
            Candidate(
                cue=cue_range(verb),
                source=subject_range(subject),
                content=CharRange(colon.idx + 1, sent.end_char),
                kind=CueKind.PHRASE,
                rule_id=COLON_QUOTE,
                explanation=COLON_QUOTE_WHY,
                root=subject.i,
            )
        )
    return out
