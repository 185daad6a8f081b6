"""Attributions inside a question are no claims: "What should the government have done
differently, according to you?", "In what states should voters expect to see the ticket?".

An interviewer's question (Wikinews interviews are full of them) asks; it reports nothing that a
reader could check. A question that a quotation carries ("He asked: "Why now?"") keeps its
attribution, and so does a verb of asking, whose content is the question itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from readwise_desktop.engine.attribution.candidates import Candidate
from readwise_desktop.engine.text.quotes import Quote

ASKING = frozenset({"ask", "wonder", "question", "inquire", "enquire", "query"})


def outside_questions(doc: Doc, found: list[Candidate], quotes: Sequence[Quote]) -> list[Candidate]:
    """``found`` without the attributions whose cue stands in a question of the writer's."""
    if not doc.has_annotation("SENT_START"):
        return found
    return [c for c in found if not _asked(doc, c, quotes)]


def _asked(doc: Doc, cand: Candidate, quotes: Sequence[Quote]) -> bool:
    cue = doc[cand.cue.start]
    if cue.lemma_.lower() in ASKING:
        return False
    sent = cue.sent
    words = [t for t in sent if not t.is_space]
    if not words or words[-1].text != "?":
        return False
    start, end = sent.start_char, sent.end_char
    return not any(start <= q.start < end or q.start < start < q.end for q in quotes)
