"""Named conditions that a hedge rule may require of a match (its ``guards`` in the data file).

Each guard gets the ``Doc`` and the token range of the match and says whether the match is a real
hedge here. Guards use the parse when the pipeline has one and fall back to the neighbouring
words in the rules-only pipeline. They keep precision high: a reader stops trusting highlights
that fire on plain words ("about" = concerning, "around" of place, "may" the month).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

Guard = Callable[[Doc, int, int], bool]

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
CURRENCY = frozenset({"$", "€", "£", "¥", "us$", "usd", "eur", "a", "an"})
PERSONAL = frozenset({"i", "you", "he", "she", "we", "they", "who"})
MONTH_CONTEXT = frozenset(
    {
        "in",
        "of",
        "since",
        "until",
        "till",
        "by",
        "last",
        "next",
        "early",
        "late",
        "mid",
        "on",
        "from",
        "through",
        "during",
        "this",
        "before",
        "after",
        "between",
        "and",
        "to",
    }
)
PERMISSION_VERBS = frozenset(
    {
        "enter",
        "apply",
        "leave",
        "use",
        "park",
        "attend",
        "vote",
        "submit",
        "contact",
        "access",
        "join",
        "visit",
        "bring",
        "swim",
        "register",
        "proceed",
        "request",
        "borrow",
        "keep",
        "sit",
        "speak",
        "ask",
        "go",
        "come",
        "stay",
        "help",
        "read",
        "write",
        "call",
        "email",
        "choose",
        "opt",
        "find",
        "afford",
        "do",
        "make",
        "hear",
        "feel",
        "remember",
        "understand",
    }
)
PROPOSAL_NOUNS = frozenset(
    {
        "bill",
        "plan",
        "law",
        "proposal",
        "measure",
        "deal",
        "agreement",
        "legislation",
        "rule",
        "policy",
        "order",
        "budget",
        "project",
        "programme",
        "program",
        "amendment",
        "treaty",
        "reform",
        "scheme",
        "tariff",
        "tax",
        "regulation",
        "package",
        "resolution",
        "ordinance",
    }
)
HABIT_WORDS = frozenset(
    {
        "often",
        "usually",
        "always",
        "sometimes",
        "never",
        "like",
        "love",
        "prefer",
        "rather",
        "regularly",
        "later",
    }
)
CONDITIONAL = frozenset({"if", "unless", "otherwise", "without", "wish", "imagine"})
NOT = frozenset({"not", "n't", "never"})
MAKING = frozenset({"make", "render"})
MAKING_FORMS = frozenset({"make", "makes", "made", "making", "render", "renders", "rendered"})
POSSIBLE_BLOCKERS = frozenset(
    {
        "as",
        "if",
        "whenever",
        "wherever",
        "where",
        "when",
        "everything",
        "all",
        "best",
        "made",
        "make",
        "makes",
        "making",
        "whatever",
    }
)


def has_parse(doc: Doc) -> bool:
    return bool(doc.has_annotation("DEP"))


def _next(doc: Doc, i: int) -> Token | None:
    return doc[i] if 0 <= i < len(doc) else None


def number_follows(doc: Doc, start: int, end: int) -> bool:
    """A number or a quantity word comes next ("nearly three dozen", "about $5m", "some 40").

    Not a particle: "handed over millions of dollars" hands something over.
    """
    if has_parse(doc) and doc[start].dep_ == "prt":
        return False
    i = end
    for _ in range(2):
        tok = _next(doc, i)
        if tok is None or tok.lower_ not in CURRENCY:
            break
        i += 1
    tok = _next(doc, i)
    return tok is not None and (tok.like_num or tok.lower_ in QUANTITY_WORDS)


def not_month(doc: Doc, start: int, end: int) -> bool:
    """ "may" is the modal, not the month ("in May", "May 5", "on 3 May")."""
    tok = doc[start]
    after = _next(doc, end)
    if after is not None and after.like_num:
        return False
    if tok.text != "May":
        return True  # lower-case "may" (or "MAY" in a headline) is the modal
    before = doc[start - 1] if start > 0 else None
    if before is not None and (before.lower_ in MONTH_CONTEXT or before.like_num):
        return False
    return bool(tok.is_sent_start)


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


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "expl"):
            return child
    return None


def _is_personal(tok: Token | None) -> bool:
    return tok is not None and (tok.lower_ in PERSONAL or tok.ent_type_ == "PERSON")


AGENTS = frozenset(
    {"government", "state", "regulator", "authority", "official", "leader", "congress", "court"}
    | {"police", "agency", "lawmaker", "other", "people", "voter", "company", "investor", "they"}
    | {"parliament", "commission", "council", "president", "minister", "ministry", "administration"}
)


def _is_agent(tok: Token | None) -> bool:
    return tok is not None and (tok.lemma_.lower() in AGENTS or tok.lower_ in AGENTS)


def epistemic_modal(doc: Doc, start: int, end: int) -> bool:
    """may/might/could of possibility, not permission or ability ("you may go", "he could swim")."""
    modal = doc[start].lower_
    after = _next(doc, end)
    if has_parse(doc) and doc[start].pos_ in ("NOUN", "PROPN"):
        return False  # "with full military might"
    if after is not None and after.lower_ == "as" and doc[end + 1 : end + 2].text == "well":
        return False  # "may as well": an idiom of preference
    if after is not None and after.lower_ in NOT and modal in ("could", "can"):
        return False
    if after is not None and after.lower_ in ("i", "we", "you"):
        return False  # a question or a request: "May I ask"
    verb = _governed_verb(doc, start)
    if verb is None or verb.lower_ in ("be", "have", "become", "well"):
        return verb is not None
    subject = _subject(verb) if has_parse(doc) else (doc[start - 1] if start > 0 else None)
    if subject is not None and subject.lower_ == "you":
        return False
    if modal == "could" and (_is_personal(subject) or _is_agent(subject)):
        return False  # "he could swim", "regulators could hold them liable": ability
    return not (_is_personal(subject) and verb.lemma_.lower() in PERMISSION_VERBS)


def speculative_would(doc: Doc, start: int, end: int) -> bool:
    """ "would" of speculation, not a reported plan, a habit, a condition or a wish."""
    sent = doc[start].sent if doc.has_annotation("SENT_START") else doc[:]
    words = {t.lower_ for t in sent}
    if words & CONDITIONAL:
        return False
    after = _next(doc, end)
    if after is None or after.lower_ in HABIT_WORDS or after.lower_ in NOT:
        return False
    if not has_parse(doc):
        return after.lower_ in ("be", "have", "likely", "probably", "almost", "seem", "appear")
    verb = _governed_verb(doc, start)
    if verb is None or _under_reporting_clause(verb) or _future_in_past(doc, verb, end):
        return False
    if _under_a_plan(sent):
        return False
    if verb.lemma_.lower() not in GUESSING_VERBS or any(c.dep_ == "auxpass" for c in verb.children):
        return False  # "people would enroll", "mines would be sold": a plan's terms
    subject = _subject(verb)
    if subject is not None and (subject.lemma_.lower() in PROPOSAL_NOUNS or _is_personal(subject)):
        return verb.lower_ in ("be", "have") and not _is_personal(subject)
    return True


# Verbs with which "would" guesses at a state of affairs ("that would be the largest loss",
# "it would mean", "would cost"); with other verbs it mostly states a plan's terms in news.
GUESSING_VERBS = frozenset(
    {"be", "have", "seem", "appear", "mean", "suggest", "indicate", "represent", "cost", "take"}
    | {"require", "need", "make", "prove", "amount", "likely", "probably"}
)
NARRATIVE_ADVERBS = frozenset({"later", "eventually", "soon", "subsequently", "then", "go"})
NARRATIVE_VERBS = frozenset({"become", "go", "remain", "grow", "prove", "serve", "spend"})


def _future_in_past(doc: Doc, verb: Token, end: int) -> bool:
    """ "would" telling what happened later, or a purpose or a counterfactual past.

    "which would become his best-known work", "so that the train would stop here",
    "would later marry", "would have won" (a past that did not happen).
    """
    after = _next(doc, end)
    if after is not None and after.lower_ in NARRATIVE_ADVERBS:
        return True
    if verb.dep_ == "relcl" or verb.lemma_.lower() in NARRATIVE_VERBS:
        return True
    marks = {c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod")}
    if {"so", "that"} <= marks or "so" in marks:
        return True
    return verb.tag_ == "VBN" and any(c.lower_ == "have" for c in verb.children)


def _under_reporting_clause(verb: Token) -> bool:
    """True when the clause is the complement of a verb or a statement noun.

    "said he would resign", "his claim that people would learn nothing".
    """
    tok = verb
    while tok.dep_ in ("ccomp", "conj", "xcomp", "advcl", "acl") and tok.head.i != tok.i:
        if tok.dep_ == "ccomp" and tok.head.pos_ in ("VERB", "AUX"):
            return True
        if tok.dep_ in ("acl", "ccomp") and tok.head.lemma_.lower() in STATEMENT_NOUNS:
            return True
        tok = tok.head
    return False


STATEMENT_NOUNS = frozenset(
    {"claim", "prediction", "promise", "pledge", "assertion", "warning", "forecast", "vow"}
)


def _under_a_plan(sent: Span | Doc) -> bool:
    """ "Under the plan, taxpayers would pay ...": the plan's terms, not a speculation."""
    words = [t.lower_ for t in sent]
    if "under" not in words:
        return False
    after = words[words.index("under") + 1 : words.index("under") + 6]
    return any(w in PROPOSAL_NOUNS or w in ("program", "programme", "proposal") for w in after)


def nonhuman_subject(doc: Doc, start: int, end: int) -> bool:
    """ "suggests", "indicates", "shows" of evidence, not a person proposing ("he suggested")."""
    tok = doc[start]
    if has_parse(doc):
        if _proposes(tok):
            return False  # "the agency suggested that the program end": a proposal
        subject = _subject(tok)
        if subject is None and tok.dep_ in ("xcomp", "advcl", "conj"):
            subject = _subject(tok.head)  # "he appeared to suggest", "Rendell said, suggesting"
        if subject is None:
            return tok.dep_ not in ("ROOT",) or tok.tag_ in ("VBZ", "VBP")
        return not _is_personal(subject) and subject.ent_type_ not in ("ORG", "GPE", "NORP")
    before = doc[start - 1] if start > 0 else None
    return before is not None and before.lower_ not in PERSONAL and not before.is_title


def _proposes(verb: Token) -> bool:
    """A clause in the subjunctive after the verb ("suggested that the program end")."""
    for child in verb.children:
        if child.dep_ == "ccomp" and child.tag_ == "VB":
            return not any(c.dep_ in ("aux", "auxpass") for c in child.children)
    return False


def not_possible_of_manner(doc: Doc, start: int, end: int) -> bool:
    """ "possible" of likelihood, not "as soon as possible", "made possible" or "possible to do"."""
    before = doc[start - 1] if start > 0 else None
    after = _next(doc, end)
    if before is not None and before.lower_ in POSSIBLE_BLOCKERS:
        return False
    if after is not None and after.lower_ == "to":
        return False
    if has_parse(doc):
        return doc[start].head.lemma_.lower() not in MAKING
    window = doc[max(0, start - 4) : start]
    return not any(t.lower_ in MAKING_FORMS for t in window)


def attributive(doc: Doc, start: int, end: int) -> bool:
    """An adjective before a noun ("the alleged attacker"), not a verb ("she alleged that")."""
    after = _next(doc, end)
    if after is None or not after.is_alpha or after.lower_ in ("that", "to", "by"):
        return False
    if has_parse(doc):
        return doc[start].dep_ in ("amod", "compound") or doc[start].pos_ == "ADJ"
    before = doc[start - 1] if start > 0 else None
    return before is None or before.lower_ in ("a", "an", "the", "his", "her", "their", "its")


def not_before_noun_of_plan(doc: Doc, start: int, end: int) -> bool:
    """ "likely"/"potential" of likelihood, not as a noun ("the likely", "potential energy")."""
    after = _next(doc, end)
    if after is not None and after.lower_ in ("energy", "customers", "buyers", "voters", "voter"):
        return False  # "likely voters": a polling term
    if has_parse(doc) and doc[start].pos_ == "NOUN":
        return (
            after is not None and after.lower_ == "for"
        )  # "the potential for", not "his potential"
    return True


def vague_quantity(doc: Doc, start: int, end: int) -> bool:
    """ "some", "many", "most" counting a plural noun or "of" a group, not a number or an adverb.

    "Many residents", "some of the policies", "most economists"; not "some 40" (approximate
    number, another rule), "the most" (a superlative), "many times" or "some time".
    """
    nxt = _next(doc, end)
    if nxt is None or (start > 0 and doc[start - 1].lower_ in ("the", "at", "how", "so", "too")):
        return False
    if nxt.lower_ == "of":
        after = _next(doc, nxt.i + 1)
        if any(t.lower_ == "most" or t.tag_ == "JJS" for t in doc[nxt.i + 2 : nxt.i + 6]):
            return False  # "some of the world's worst conflicts": a superlative, not a count
        return after is not None and after.lower_ in OWNERS
    if nxt.like_num or nxt.lower_ in NOT_COUNTED:
        return False
    if has_parse(doc):
        noun = nxt if nxt.pos_ == "NOUN" else (_next(doc, nxt.i + 1) if nxt.pos_ == "ADJ" else None)
        return noun is not None and noun.pos_ == "NOUN" and noun.tag_ == "NNS"
    return nxt.is_alpha and nxt.lower_.endswith("s")


OWNERS = frozenset({"the", "its", "their", "his", "her", "these", "those", "our", "my", "your"})
NOT_COUNTED = frozenset(
    {"times", "years", "months", "weeks", "days", "hours", "ways", "more", "other"}
)


GUARDS: dict[str, Guard] = {
    "number_follows": number_follows,
    "not_month": not_month,
    "epistemic_modal": epistemic_modal,
    "speculative_would": speculative_would,
    "nonhuman_subject": nonhuman_subject,
    "not_possible_of_manner": not_possible_of_manner,
    "attributive": attributive,
    "not_before_noun_of_plan": not_before_noun_of_plan,
    "vague_quantity": vague_quantity,
}
