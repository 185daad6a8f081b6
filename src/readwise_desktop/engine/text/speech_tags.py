"""A quoted question or exclamation and its speech tag are one sentence.

In '“Will you resign?” Vitter demanded.' the parser, left alone, ends a sentence after the
question mark and leaves "Vitter demanded." on its own, so the quotation reads as an unsourced
claim and the tag as a report of nothing. Before the parser runs, the token after ``?”`` or
``!”`` is marked as no sentence start when a speech tag follows: a lowercase word ("he asks",
"a narrator in the ad asks") or, within a few words, a speech verb and the tag's end
("Smith asked.", "Senator Vitter demanded, ...").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

CLOSING_QUOTES = frozenset({"”", '"', "’", "'", "»"})
ENDS = frozenset({"?", "!", "?!", "!?", "!!", "??"})
# The verbs of a speech tag, in the forms a tag uses (closed class: a tag is "X said").
TAG_VERBS = frozenset(
    {
        "said",
        "says",
        "asked",
        "asks",
        "added",
        "adds",
        "told",
        "tells",
        "wrote",
        "writes",
        "replied",
        "replies",
        "answered",
        "answers",
        "demanded",
        "demands",
        "shouted",
        "shouts",
        "yelled",
        "yells",
        "cried",
        "cries",
        "exclaimed",
        "exclaims",
        "wondered",
        "wonders",
        "insisted",
        "insists",
        "continued",
        "continues",
        "explained",
        "explains",
        "recalled",
        "recalls",
        "noted",
        "notes",
        "argued",
        "argues",
        "responded",
        "responds",
        "quipped",
        "quips",
        "joked",
        "jokes",
        "whispered",
        "whispers",
        "screamed",
        "screams",
        "chanted",
        "chant",
        "chants",
        "tweeted",
        "tweets",
        "declared",
        "declares",
        "urged",
        "urges",
        "pleaded",
        "pleads",
        "begged",
        "begs",
    }
)
NEGATIVE = frozenset({"nobody", "no", "none", "neither", "nothing"})  # "Nobody answered." is news
TAG_WINDOW = 6  # words between the quotation and the tag's verb ("a narrator in the Clinton ad")


def is_speech_tag_join(doc: Doc, i: int) -> bool:
    """``doc[i]`` follows ``?”`` or ``!”`` on the same line and begins that quotation's tag."""
    if i < 2 or doc[i - 1].text not in CLOSING_QUOTES or doc[i - 2].text not in ENDS:
        return False
    if "\n" in doc[i - 1].whitespace_:
        return False
    first = doc[i]
    if first.lower_ in NEGATIVE:
        return False
    if first.is_lower and first.is_alpha:
        return True
    return _verb_then_end(doc, i)


def _verb_then_end(doc: Doc, i: int) -> bool:
    for tok in doc[i : i + TAG_WINDOW + 1]:
        if "\n" in tok.text or tok.text in ENDS or tok.text in CLOSING_QUOTES:
            return False
        if tok.i > i and tok.lower_ in TAG_VERBS:
            return _tag_ends(_after(doc, tok))
    return False


def _after(doc: Doc, tok: Token) -> Token | None:
    return doc[tok.i + 1] if tok.i + 1 < len(doc) else None


def _tag_ends(tok: Token | None) -> bool:
    """The verb ends the tag: a full stop, a comma or colon, the paragraph's end, or a time."""
    if tok is None or "\n" in tok.text:
        return True
    return tok.text in {".", ",", ":", ";"} or tok.lower_ in {"on", "in", "at", "to", "of"}
