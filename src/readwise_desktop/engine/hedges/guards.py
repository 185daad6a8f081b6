"""Named conditions that a hedge rule may require of a match (its ``guards`` in the data file).

Each guard gets the ``Doc`` and the token range of the match and says whether the match is a real
hedge here. Guards use the parse when the pipeline has one and fall back to the neighbouring
words in the rules-only pipeline. They keep precision high: a reader stops trusting highlights
that fire on plain words ("about" = concerning, "around" of place, "may" the month).
"""

from __future__ import annotations

from collections.abc import Callable

import regex
from spacy.tokens import Doc, Span, Token

from readwise_desktop.engine.hedges.clause_guards import not_penalty_bound
from readwise_desktop.engine.hedges.modal_guards import epistemic_modal, speculative_would
from readwise_desktop.engine.hedges.possible_guards import (
    POLLING_TERMS,
    not_possible_of_manner,
    not_possibly_of_extent,
)
from readwise_desktop.engine.rules.schema import WordLists
from readwise_desktop.engine.text.lexicon import PERSONAL, POSSESSIVE_DETERMINERS
from readwise_desktop.engine.text.tokens import (
    clause_subject,
    has_parse,
    is_personal,
    next_token,
)

Guard = Callable[[Doc, int, int, WordLists], bool]
MONTH_CONTEXT = "list.hedge.month_context"
NOT_COUNTED = "list.hedge.not_counted"
REQUIREMENT_WORDS = "list.hedge.requirement_words"
NORMATIVE_WORDS = "list.hedge.normative_words"

QUANTITY_WORDS = frozenset(
    {
        "dozen",
        "dozens",
        "half",
        "third",
        "thirds",
        "quarter",
        "quarters",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "billion",
        "billions",
        "trillion",
        "fifth",
        "tenth",
        "twice",
        "double",
        "triple",
        "percent",
        "%",
        "score",
        "one",
    }
)

UNTIL_WORDS = frozenset({"up", "over"})  # the first word of "up to", "over"
CURRENCY = frozenset({"$", "€", "£", "¥", "us$", "usd", "eur", "a", "an"})


def number_follows(doc: Doc, start: int, end: int, lists: WordLists) -> bool:
    """A number or a quantity word comes next ("nearly three dozen", "about $5m", "some 40").

    Not a particle: "handed over millions of dollars" hands something over; nor "over" as
    a preposition ("over ten days" of a span, not "over 200 people").
    """
    if has_parse(doc) and doc[start].dep_ == "prt":
        return False
    if has_parse(doc) and _over_a_span(doc[start]):
        return False  # "spreading it over three days", "the nomination over two contenders"
    i = end
    for _ in range(2):
        tok = next_token(doc, i)
        if tok is None or tok.lower_ not in CURRENCY:
            break
        i += 1
    tok = next_token(doc, i)
    if tok is None or (doc[start].lower_ in UNTIL_WORDS and _year(tok)):
        return False  # "up to 2015", "over 2019": until, during
    clock = CLOCK_TIME.fullmatch(tok.text) is not None
    return tok.like_num or tok.lower_ in QUANTITY_WORDS or clock


def _over_a_span(tok: Token) -> bool:
    """ "over" as a preposition of counted things ("over three days"), not of a number
    ("over a thousand were reported")."""
    if tok.lower_ != "over" or tok.dep_ != "prep":
        return False
    objects = [c for c in tok.children if c.dep_ == "pobj"]
    return any(o.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in o.children) for o in objects)


def _year(tok: Token) -> bool:
    return tok.is_digit and len(tok.text) == 4 and 1800 <= int(tok.text) <= 2100


def opinion_clause(doc: Doc, start: int, end: int, lists: WordLists) -> bool:
    """ "I think the vote was rigged": a belief about a clause, not "I think about it" or
    "I believe in the project", nor a conviction about what ought to be ("I think all software
    should be free", "I believe the reform needs to be gradual")."""
    after = next_token(doc, end)
    if after is not None and after.lower_ in NOT_OPINION:
        return False
    if start > 0 and doc[start - 1].lower_ in ("do", "does", "did"):
        return False  # "Do I think there's a need to reform?": a question put to oneself
    return not (has_parse(doc) and _normative(doc[start:end], lists[NORMATIVE_WORDS]))


def _normative(cue: Span, words: frozenset[str]) -> bool:
    """The clause the cue's verb takes says what should be: a modal of obligation on it (not
    of a past expectation), or it is "need"/"have" with an infinitive ("needs to be")."""
    verb = next((t for t in cue if t.pos_ == "VERB"), None)
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None) if verb else None
    if clause is None:
        return False
    if clause.lemma_.lower() in words and any(c.dep_ == "xcomp" for c in clause.children):
        return True
    auxes = {c.lower_ for c in clause.children if c.dep_ == "aux"}
    return not auxes.isdisjoint(words) and "have" not in auxes  # not "should have reached"


def not_case_count(doc: Doc, start: int, end: int, lists: WordLists) -> bool:
    """Not "reported cases" or "suspected cases": an epidemic's count by its status, not a
    claim held at a distance ("a reported sixteenth death" is)."""
    after = next_token(doc, end)
    counted = after is not None and after.lower_ in ("case", "cases")
    return not (counted and doc[start].lower_ in ("reported", "suspected"))


NOT_OPINION = frozenset({"about", "of", "in", "back", "twice", "through", "for", "it"})
CLOCK_TIME = regex.compile(r"\d{1,2}[:.]\d{2}")  # "around 8:30 p.m.", "at about 13:40"


def not_threshold(doc: Doc, start: int, end: int, lists: WordLists) -> bool:
    """A bound that is an estimate, not a rule's threshold: "must receive at least 15% of the
    vote to be eligible", "at least 1,991 delegates are needed" state a requirement. The
    requirement governs the bound: a verb above it, its modal, or its purpose clause."""
    if not has_parse(doc):
        return True
    words = lists[REQUIREMENT_WORDS]
    return not any(t.lower_ in words or t.lemma_.lower() in words for t in _governing(doc[start]))


def _governing(tok: Token) -> list[Token]:
    """Words above the bound; a verb of which it is the active subject ("at least 40 people
    needed care") tells what the counted did, not what a rule asks."""
    out = []
    below = tok
    for verb in tok.ancestors:
        if below.dep_ != "nsubj":
            out.append(verb)
        below = verb
        for child in verb.children:
            if child.dep_ in ("aux", "acomp"):
                out.append(child)
            elif child.dep_ == "nsubj" and verb.lemma_ == "be":
                out.append(child)  # "The criterion was ... at least eight states"
            elif child.dep_ in ("xcomp", "advcl"):
                out += [child, *(c for c in child.children if c.dep_ == "acomp")]
    return out


def not_month(doc: Doc, start: int, end: int, lists: WordLists) -> bool:
    """ "may" is the modal, not the month ("in May", "May 5", "on 3 May")."""
    tok = doc[start]
    after = next_token(doc, end)
    if after is not None and after.like_num:
        return False
    if tok.text != "May":
        return True  # lower-case "may" (or "MAY" in a headline) is the modal
    before = doc[start - 1] if start > 0 else None
    if before is not None and (before.lower_ in lists[MONTH_CONTEXT] or before.like_num):
        return False
    return bool(tok.is_sent_start)


def nonhuman_subject(doc: Doc, start: int, end: int, lists: WordLists) -> bool:
    """ "suggests", "indicates", "shows" of evidence, not a person proposing ("he suggested")."""
    tok = doc[start]
    if has_parse(doc):
        if _proposes(tok):
            return False  # "the agency suggested that the program end": a proposal
        subject = clause_subject(tok)
        if subject is None and tok.dep_ in ("xcomp", "advcl", "conj"):
            # "he appeared to suggest", "Rendell said, suggesting"
            subject = clause_subject(tok.head)
        if subject is None:
            return tok.dep_ not in ("ROOT",) or tok.tag_ in ("VBZ", "VBP")
        return not is_personal(subject) and subject.ent_type_ not in ("ORG", "GPE", "NORP")
    before = doc[start - 1] if start > 0 else None
    return before is not None and before.lower_ not in PERSONAL and not before.is_title


def _proposes(verb: Token) -> bool:
    """A clause in the subjunctive after the verb ("suggested that the program end")."""
    for child in verb.children:
        if child.dep_ == "ccomp" and child.tag_ == "VB":
            return not any(c.dep_ in ("aux", "auxpass") for c in child.children)
    return False


def attributive(doc: Doc, start: int, end: int, lists: WordLists) -> bool:
    """An adjective before a noun ("the alleged attacker"), not a verb ("she alleged that")."""
    after = next_token(doc, end)
    if after is None or not after.is_alpha or after.lower_ in ("that", "to", "by"):
        return False
    if has_parse(doc):
        return doc[start].dep_ in ("amod", "compound") or doc[start].pos_ == "ADJ"
    before = doc[start - 1] if start > 0 else None
    return before is None or before.lower_ in ("a", "an", "the", "his", "her", "their", "its")


def not_before_noun_of_plan(doc: Doc, start: int, end: int, lists: WordLists) -> bool:
    """ "likely"/"potential" of likelihood, not as a noun ("the likely", "potential energy")."""
    after = next_token(doc, end)
    if after is not None and after.lower_ in lists[POLLING_TERMS]:
        return False  # "likely voters": a polling term
    if has_parse(doc) and doc[start].pos_ == "NOUN":
        return (
            after is not None and after.lower_ == "for"
        )  # "the potential for", not "his potential"
    return True


def vague_quantity(doc: Doc, start: int, end: int, lists: WordLists) -> bool:
    """ "some", "many", "most" counting a plural noun or "of" a group, not a number or an adverb.

    "Many residents", "some of the policies", "most economists"; not "some 40" (approximate
    number, another rule), "the most" (a superlative), "many times" or "some time".
    """
    nxt = next_token(doc, end)
    if nxt is None or (start > 0 and doc[start - 1].lower_ in ("the", "at", "how", "so", "too")):
        return False
    if nxt.lower_ == "of":
        after = next_token(doc, nxt.i + 1)
        if any(t.lower_ == "most" or t.tag_ == "JJS" for t in doc[nxt.i + 2 : nxt.i + 6]):
            return False  # "some of the world's worst conflicts": a superlative, not a count
        return after is not None and after.lower_ in POSSESSIVE_DETERMINERS
    if nxt.like_num or nxt.lower_ in lists[NOT_COUNTED]:
        return False
    if has_parse(doc):
        after = next_token(doc, nxt.i + 1)
        noun = nxt if nxt.pos_ == "NOUN" else (after if nxt.pos_ == "ADJ" else None)
        return noun is not None and noun.pos_ == "NOUN" and noun.tag_ == "NNS"
    return nxt.is_alpha and nxt.lower_.endswith("s")


GUARDS: dict[str, Guard] = {
    "opinion_clause": opinion_clause,
    "not_case_count": not_case_count,
    "number_follows": number_follows,
    "not_month": not_month,
    "not_threshold": not_threshold,
    "not_penalty_bound": not_penalty_bound,
    "epistemic_modal": epistemic_modal,
    "speculative_would": speculative_would,
    "nonhuman_subject": nonhuman_subject,
    "not_possible_of_manner": not_possible_of_manner,
    "not_possibly_of_extent": not_possibly_of_extent,
    "attributive": attributive,
    "not_before_noun_of_plan": not_before_noun_of_plan,
    "vague_quantity": vague_quantity,
}
