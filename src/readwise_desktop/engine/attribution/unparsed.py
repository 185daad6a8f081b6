"""Source noun phrases without a parse, for the rules-only pipeline (reduced accuracy).

The source of a reporting verb is the run of words just before it ("the Defence Ministry said")
or, after a quotation, just after it ("..., said Smith"). Capitalisation and a few function words
stand in for the parse.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from readwise_desktop.engine.text.lexicon import SUBJECT_PRONOUNS
from readwise_desktop.engine.text.ranges import TokenRange

SKIP_BEFORE_VERB = frozenset(
    {
        "has",
        "have",
        "had",
        "was",
        "were",
        "is",
        "are",
        "will",
        "would",
        "also",
        "not",
        "n't",
        "later",
        "then",
        "again",
        "previously",
        "publicly",
        "repeatedly",
        "did",
        "does",
        "do",
        "once",
        "further",
        "subsequently",
    }
)
NP_WORDS = frozenset(
    {
        "the",
        "a",
        "an",
        "'s",
        "’s",
        "of",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "their",
        "its",
        "senior",
        "top",
        "local",
        "federal",
        "official",
        "government",
        "military",
        "foreign",
        "unnamed",
        "several",
        "two",
        "three",
        "some",
        "many",
        "other",
        "russian",
        "american",
        "british",
        "western",
        "global",
        "independent",
        "international",
        "former",
    }
)
STOP = frozenset(
    {
        ",",
        ".",
        ";",
        ":",
        "—",
        "–",
        "-",
        "(",
        ")",
        "“",
        "”",
        '"',
        "that",
        "and",
        "but",
        "who",
        "which",
        "when",
        "as",
        "while",
        "after",
        "before",
    }
)
MAX_WORDS = 6


def _is_np_word(tok: Token) -> bool:
    return tok.is_title or tok.is_upper or tok.lower_ in NP_WORDS or tok.is_alpha


def left_source(doc: Doc, verb: int, sent_start: int) -> TokenRange | None:
    """The noun phrase ending just before the verb (skipping auxiliaries and adverbs)."""
    j = verb - 1
    while j >= sent_start and (doc[j].lower_ in SKIP_BEFORE_VERB or doc[j].lower_.endswith("ly")):
        j -= 1
    if j < sent_start or doc[j].is_punct or doc[j].lower_ in STOP:
        return None
    end = j + 1
    if doc[j].lower_ in SUBJECT_PRONOUNS:
        return TokenRange(j, end)
    if doc[j].lower_ in NP_WORDS:
        return None
    start = j
    while (
        start - 1 >= sent_start
        and end - start < MAX_WORDS
        and doc[start - 1].lower_ not in STOP
        and not doc[start - 1].is_punct
        and _is_np_word(doc[start - 1])
        and (doc[start - 1].is_title or doc[start - 1].lower_ in NP_WORDS)
    ):
        start -= 1
    return TokenRange(start, end)


def right_source(doc: Doc, verb: int, sent_end: int) -> TokenRange | None:
    """Inverted order after a quotation: '"...," said Smith.'"""
    closing = ("”", '"', "’", "'")
    before = doc[verb - 1].text if verb > 0 else ""
    if before not in closing and not (before == "," and verb > 1 and doc[verb - 2].text in closing):
        return None
    start = verb + 1
    if start < sent_end and doc[start].lower_ in SUBJECT_PRONOUNS:
        return TokenRange(start, start + 1)
    end = start
    while (
        end < sent_end
        and end - start < MAX_WORDS
        and (doc[end].is_title or doc[end].lower_ in NP_WORDS)
    ):
        end += 1
    while end > start and doc[end - 1].lower_ in NP_WORDS:
        end -= 1
    return TokenRange(start, end) if end > start else None


def name_runs(doc: Doc) -> list[TokenRange]:
    """Runs of two or more capitalised words ("Jonas Berg", "Port Alder Harbour Authority"),
    the rules-only stand-in for named entities."""
    out = []
    i = 0
    while i < len(doc):
        j = i
        while (
            j < len(doc) and doc[j].is_title and doc[j].is_alpha and doc[j].lower_ not in NP_WORDS
        ):
            j += 1
        if j - i >= 2:
            out.append(TokenRange(i, j))
        i = max(j, i + 1)
    return out


def source_after_plain(doc: Doc, start: int) -> TokenRange | None:
    """The noun phrase after "according to" or "citing", up to punctuation or a clause word."""
    end = start
    while (
        end < len(doc)
        and end - start < MAX_WORDS
        and doc[end].lower_ not in STOP
        and not doc[end].is_punct
        and not doc[end].is_space
    ):
        end += 1
    return TokenRange(start, end) if end > start else None
