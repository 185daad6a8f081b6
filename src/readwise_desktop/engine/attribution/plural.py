"""A plural "they" as a source takes the source of the report just before it.

"The Chilean Armed Forces said on Sunday ... They said the 36 people were moved": the second
report is the army's, not a vague "they". A reader takes "they" from the last source that can
be plural (a body, officials, anonymous sources, two named people), if it spoke within the
last two sentences; one named person or one document cannot be "they" (a study's researchers
can), and nothing older is reached. With no such report, a named body that is the subject of
the sentence before is "they" ("The NBA did not release details. They did say ...").
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from spacy.tokens import Doc, Span

from readwise_desktop.engine.attribution.candidates import Candidate
from readwise_desktop.engine.attribution.heads import TEAMS
from readwise_desktop.engine.attribution.mentions import ORG_LABELS
from readwise_desktop.engine.attribution.noun_phrases import entity_text
from readwise_desktop.engine.attribution.speakers import TURN
from readwise_desktop.engine.results import SourceType

PLURAL_PRONOUNS = frozenset({"they"})
CAN_BE_THEY = frozenset(
    {SourceType.NAMED_ORGANISATION, SourceType.UNNAMED_OFFICIAL, SourceType.ANONYMOUS}
)
REACH = 2  # sentences back


def carry_plural(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """``found`` with each bare "they" source retyped after the report before it."""
    sents = list(doc.sents)
    starts = [sent.start for sent in sents]

    def sentence(cand: Candidate) -> int:
        return bisect.bisect_right(starts, cand.cue[0])

    last: Candidate | None = None
    carried: dict[int, Candidate] = {}
    for cand in sorted(found, key=lambda c: c.cue[0]):
        if cand.rule_id == TURN[0]:
            continue  # a transcript's turn frames the reports inside it, it is none of them
        if not _bare_they(doc, cand):
            if cand.source is not None:
                last = cand if _can_be_they(doc, cand) else None
            continue
        if last is not None and 0 <= sentence(cand) - sentence(last) <= REACH:
            carried[id(cand)] = replace(
                cand, source_type=last.source_type, source_name=last.source_name
            )
        elif sentence(cand) >= 2 and (body := _body_subject(sents[sentence(cand) - 2])):
            carried[id(cand)] = replace(
                cand, source_type=SourceType.NAMED_ORGANISATION, source_name=body
            )
    return [carried.get(id(c), c) for c in found]


def _can_be_they(doc: Doc, cand: Candidate) -> bool:
    """A body, officials, a group; or named people joined by "and"."""
    if cand.source_type in CAN_BE_THEY:
        return True
    if cand.source_type is SourceType.DOCUMENT and cand.root is not None:
        root = doc[cand.root]  # a study's "researchers", "documents", "the research team"
        return root.tag_ in ("NNS", "NNPS") or root.lower_ in TEAMS
    joined = cand.source is not None and any(
        t.lower_ == "and" for t in doc[cand.source[0] : cand.source[1]]
    )
    return cand.source_type is SourceType.NAMED_PERSON and joined


def _body_subject(sent: Span) -> str | None:
    """The named body that is the subject of ``sent``'s main verb, if any."""
    subject = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.ent_type_ not in ORG_LABELS or subject.pos_ != "PROPN":
        return None
    return entity_text(subject)


def _bare_they(doc: Doc, cand: Candidate) -> bool:
    if cand.source is None or cand.source_type is not SourceType.VAGUE:
        return False
    words = [t for t in doc[cand.source[0] : cand.source[1]] if not t.is_punct]
    return bool(words) and words[0].lower_ in PLURAL_PRONOUNS and len(words) <= 2
