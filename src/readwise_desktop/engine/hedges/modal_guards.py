"""Guards for modal hedges: "may", "might", "could" of possibility, and "would" of speculation.

Not permission or ability ("you may enter", "regulators could hold them liable"), not a reported
plan, a plan's terms, a habit, a condition or a later event told in the past ("said he would
resign", "under the plan, taxpayers would pay", "which would become his best-known work").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from readwise_desktop.engine.hedges.clause_guards import concessive, legal_maximum, purpose
from readwise_desktop.engine.rules.schema import WordLists
from readwise_desktop.engine.text.lexicon import NOT
from readwise_desktop.engine.text.tokens import (
    clause_subject,
    has_parse,
    is_passive,
    is_personal,
    next_token,
)

PERMISSION_VERBS = "list.hedge.permission_verbs"
ABILITY_AGENTS = "list.hedge.ability_agents"
CONDITIONAL = "list.hedge.conditional"
HABIT_WORDS = "list.hedge.habit_words"
PROPOSAL_NOUNS = "list.hedge.proposal_nouns"
NARRATIVE_ADVERBS = "list.hedge.narrative_adverbs"
NARRATIVE_VERBS = "list.hedge.narrative_verbs"
STATEMENT_NOUNS = "list.hedge.statement_nouns"
USE_VERBS = "list.hedge.use_verbs"
FREE_RELATIVES = "list.hedge.free_relatives"
CAPACITY_VERBS = "list.hedge.capacity_verbs"


def _governed_verb(doc: Doc, start: int) -> Token | None:
    """The verb a modal belongs to: its head in a parse, else the next word not an adverb."""
    tok = doc[start]
    if has_parse(doc) and tok.dep_ == "aux" and tok.head.i > tok.i:
        return tok.head
    for nxt in doc[start + 1 : min(len(doc), start + 4)]:
        if nxt.lower_ in NOT or nxt.lower_.endswith("ly"):
            continue
        return nxt
    return None


def _is_agent(tok: Token | None, agents: frozenset[str]) -> bool:
    return tok is not None and (tok.lemma_.lower() in agents or tok.lower_ in agents)


def epistemic_modal(doc: Doc, start: int, end: int, lists: WordLists) -> bool:
    """may/might/could of possibility, not permission or ability ("you may go", "he could swim")."""
    modal = doc[start].lower_
    after = next_token(doc, end)
    if has_parse(doc) and doc[start].pos_ in ("NOUN", "PROPN"):
        return False  # "with full military might"
    if after is not None and after.lower_ == "as" and doc[end + 1 : end + 2].text == "well":
        return False  # "may as well": an idiom of preference
    if after is not None and after.lower_ in NOT and modal in ("could", "can"):
        return False
    if after is not None and after.lower_ in ("i", "we", "you"):
        return False  # a question or a request: "May I ask"
    if modal == "may" and (doc[start - 1 : start].text.lower() == "only" or _after_is(doc, end)):
        return False  # "only Congress may allocate", "they may freely move": authority
    if elliptical(doc, start, end):
        return False  # "if she could", "everything you could": ability, its verb left out
    if any(t.lower_ in lists[FREE_RELATIVES] for t in doc[max(0, start - 3) : start]):
        return False  # "whatever it might be", "wherever they may live": any, not maybe
    verb = _governed_verb(doc, start)
    if verb is None:
        return False
    if modal in ("may", "might") and has_parse(doc) and concessive(verb, doc[start]):
        return False  # "While the restrictions may have justified it": a point granted
    if has_parse(doc) and purpose(verb):
        return False  # "so that they could have a good future"
    subject = clause_subject(verb) if has_parse(doc) else (doc[start - 1] if start > 0 else None)
    if subject is not None and subject.i > start:
        return False  # "May his soul rest", "Could this be the end?": a wish or a question
    if verb.lower_ in ("be", "have", "become", "well"):
        return True
    if modal == "could" and (
        _manner_asked(verb) or _purpose_or_time(verb) or _put_to_use(verb, lists)
    ):
        return False  # "how this could be done", "so researchers could study", "could be used as"
    if modal == "could" and has_parse(doc) and legal_maximum(verb):
        return False  # "could face up to 20 years in prison": the law's maximum
    if modal == "could" and verb.lemma_.lower() in lists[CAPACITY_VERBS]:
        return False  # "the USPS could handle the demand", "the hall could seat 500": capacity
    if subject is not None and subject.lower_ == "you":
        return False
    if modal == "may" and subject is not None and _only(subject):
        return False  # "Because only Congress may allocate funds": authority
    if modal == "could" and (is_personal(subject) or _is_agent(subject, lists[ABILITY_AGENTS])):
        return False  # "he could swim", "regulators could hold them liable": ability
    return not (is_personal(subject) and verb.lemma_.lower() in lists[PERMISSION_VERBS])


def _purpose_or_time(verb: Token) -> bool:
    """ "so (that) researchers could study it", "until it could review the case": the clause
    says what was made possible or when, not how likely something is."""
    if not has_parse(verb.doc):
        return False
    for c in verb.children:
        if c.dep_ == "mark" and (c.lower_ in TIME_MARKS or c.lower_ == "so"):
            return True
        if (
            c.dep_ == "mark"
            and c.lower_ == "that"
            and c.i > 0
            and c.nbor(-1).lower_ in ("so", "order")
        ):
            return True
    return False


def _put_to_use(verb: Token, lists: WordLists) -> bool:
    """ "the invention could be utilized for military purposes": what a thing can serve for."""
    return has_parse(verb.doc) and verb.lemma_.lower() in lists[USE_VERBS] and is_passive(verb)


def _manner_asked(verb: Token) -> bool:
    return has_parse(verb.doc) and any(
        c.dep_ == "advmod" and c.lower_ == "how" for c in verb.children
    )


PERMITTING_ADVERBS = frozenset({"freely", "legally", "lawfully", "only"})
VERBS = frozenset({"VERB", "AUX"})
TIME_MARKS = frozenset({"when", "until", "till", "before", "after", "once", "whenever"})
DURATIONS = frozenset({"DATE", "TIME", "QUANTITY", "MONEY", "CARDINAL"})


def elliptical(doc: Doc, start: int, end: int) -> bool:
    """A modal whose verb is left out: punctuation or the text's end follows it (adverbs
    aside), in a parse that gives it no verb to belong to."""
    modal = doc[start]
    if not has_parse(doc) or (modal.dep_ in ("aux", "auxpass") and modal.head.pos_ in VERBS):
        return False  # a verb to belong to (a parse may hang it on "that" instead)
    for tok in doc[end : min(len(doc), end + 3)]:
        if tok.is_punct or tok.is_space:
            return True
        if tok.pos_ != "ADV":
            return False
    return end >= len(doc) - 1


def _only(subject: Token) -> bool:
    """ "Only Congress may": read from the parse; a Doc without one has no links to read
    (reading them there can crash spaCy)."""
    return has_parse(subject.doc) and any(c.lower_ == "only" for c in subject.children)


def _after_is(doc: Doc, end: int) -> bool:
    """An adverb of permission right after the modal ("may freely", "may legally")."""
    after = next_token(doc, end)
    return after is not None and after.lower_ in PERMITTING_ADVERBS


def speculative_would(doc: Doc, start: int, end: int, lists: WordLists) -> bool:
    """ "would" of speculation, not a reported plan, a habit, a condition or a wish."""
    sent = doc[start].sent if doc.has_annotation("SENT_START") else doc[:]
    words = {t.lower_ for t in sent}
    if words & lists[CONDITIONAL]:
        return False
    after = next_token(doc, end)
    if after is None or after.lower_ in lists[HABIT_WORDS] or after.lower_ in NOT:
        return False
    if not has_parse(doc):
        return after.lower_ in ("be", "have", "likely", "probably", "almost", "seem", "appear")
    verb = _governed_verb(doc, start)
    if (
        verb is None
        or _under_reporting_clause(verb, lists)
        or _future_in_past(doc, verb, end, lists)
    ):
        return False
    if _under_a_plan(sent, lists[PROPOSAL_NOUNS]):
        return False
    if verb.lemma_.lower() not in GUESSING_VERBS or is_passive(verb):
        return False  # "people would enroll", "mines would be sold": a plan's terms
    subject = clause_subject(verb)
    if subject is not None and (
        subject.lemma_.lower() in lists[PROPOSAL_NOUNS] or is_personal(subject)
    ):
        return verb.lower_ in ("be", "have") and not is_personal(subject)
    return True


# Verbs with which "would" guesses at a state of affairs ("that would be the largest loss",
# "it would mean", "would cost"); with other verbs it mostly states a plan's terms in news.

GUESSING_VERBS = frozenset(
    {"be", "have", "seem", "appear", "mean", "suggest", "indicate", "represent", "cost", "take"}
    | {"require", "need", "make", "prove", "amount", "likely", "probably"}
)


def _future_in_past(doc: Doc, verb: Token, end: int, lists: WordLists) -> bool:
    """ "would" telling what happened later, or a purpose or a counterfactual past.

    "which would become his best-known work", "so that the train would stop here",
    "would later marry", "would have won" (a past that did not happen).
    """
    after = next_token(doc, end)
    if after is not None and after.lower_ in lists[NARRATIVE_ADVERBS]:
        return True
    if verb.dep_ == "relcl" or verb.lemma_.lower() in lists[NARRATIVE_VERBS]:
        return True
    marks = {c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod")}
    if {"so", "that"} <= marks or "so" in marks or marks & TIME_MARKS:
        return True  # "so that it would stop", "till her shift would be over"
    if verb.lemma_.lower() == "take" and any(
        c.dep_ == "dobj" and c.ent_type_ not in DURATIONS for c in verb.children
    ):
        return True  # "CentOS would take the source": a step told, not "would take years"
    return verb.tag_ == "VBN" and any(c.lower_ == "have" for c in verb.children)


def _under_reporting_clause(verb: Token, lists: WordLists) -> bool:
    """True when the clause is the complement of a verb or a statement noun.

    "said he would resign", "his claim that people would learn nothing".
    """
    tok = verb
    while tok.dep_ in ("ccomp", "conj", "xcomp", "advcl", "acl") and tok.head.i != tok.i:
        if tok.dep_ == "ccomp" and tok.head.pos_ in ("VERB", "AUX"):
            return True
        if tok.dep_ in ("acl", "ccomp") and tok.head.lemma_.lower() in lists[STATEMENT_NOUNS]:
            return True
        tok = tok.head
    return False


def _under_a_plan(sent: Span | Doc, proposals: frozenset[str]) -> bool:
    """ "Under the plan, taxpayers would pay ...": the plan's terms, not a speculation."""
    words = [t.lower_ for t in sent]
    if "under" not in words:
        return False
    after = words[words.index("under") + 1 : words.index("under") + 6]
    return any(w in proposals or w in ("program", "programme", "proposal") for w in after)
