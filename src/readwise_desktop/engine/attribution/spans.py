"""Where an attribution's parts are in the parse: the speaker, the cue span, the source span.

The spans follow PolNeAR's conventions, which are also what a reader expects to see marked: the
cue takes its auxiliaries, negation, adverbs and particle ("has also said", "called for"); the
source is the whole subject with its appositions ("Brian Fallon, the campaign's press
secretary,"), but not an aside set off by commas ("Trump, speaking in Ohio,").
"""

from __future__ import annotations

from spacy.tokens import Token

from readwise_desktop.engine.text.lexicon import CLOSING_MARKS, OWNER_PRONOUNS, RELATIVE
from readwise_desktop.engine.text.ranges import CharRange, TokenRange

CONTENT_DEPS = frozenset(
    {"ccomp", "xcomp", "dobj", "parataxis", "oprd", "attr", "dative", "acl", "relcl"}
)

INHERIT_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "ccomp"})


def states_content(noun: Token) -> bool:
    """The noun carries what was said: "claim that ...", "statement: ...", "report saying"."""
    if any(c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX") for c in noun.children):
        return True
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    return nxt is not None and nxt.text in (":", "“", '"', "that")


def owner_of(noun: Token) -> Token | None:
    """Who a statement noun belongs to: a possessive or a name before it."""
    for child in noun.lefts:
        named = child.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or child.pos_ == "PROPN"
        if child.dep_ == "poss" and (named or child.lower_ in OWNER_PRONOUNS):
            return child
        if child.dep_ == "compound" and child.ent_type_ in ("PERSON", "ORG"):
            return child
    return None


def subject_of(verb: Token, depth: int) -> Token | None:
    """Who speaks: the verb's subject, a passive agent, or the subject it inherits."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and _wordlike(c)]
    if subjects:  # not a dash the parser took for a noun ("public ― Trump boasted")
        spoken = [s for s in subjects if not _quoted_before(s, verb)] or subjects[:1]
        # "His daughter, and member of the INC, Sharmistha Mukherjee wrote": two subjects
        # where the parse lost the apposition; the name is the speaker.
        return next((s for s in spoken if s.ent_type_ == "PERSON"), spoken[0])
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    inverted = _after_the_quote(verb) if depth == 0 else None
    if inverted is not None:
        return inverted
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or depth > 3:
        return None
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and verb.tag_ == "VBG":
        return verb.head  # "officials warning that ...", not "a song called ..." (the object)
    if verb.dep_ in INHERIT_DEPS and verb.head.i != verb.i:
        head = verb.head.head if verb.head.pos_ == "ADP" else verb.head
        if head.pos_ in ("VERB", "AUX") and head.i != verb.i:
            return _shared_subject(verb, head) or subject_of(head, depth + 1)
    return None


def _after_the_quote(verb: Token) -> Token | None:
    """ "'A lot of people think that,' said a protester": right after a quotation, the noun
    after the verb speaks, whatever the parser hung it as (here an object)."""
    if verb.i == 0 or verb.doc[verb.i - 1].text not in CLOSING_MARKS:
        return None
    return next(
        (
            c
            for c in verb.children
            if c.dep_ in ("dobj", "attr", "npadvmod")
            and c.i <= verb.i + 3
            and c.pos_ in ("NOUN", "PROPN")
        ),
        None,
    )


def _shared_subject(verb: Token, head: Token) -> Token | None:
    """ "Mukherjee was elected ... but did not seek reelection, citing ...": an active verb
    joined to a passive one shares its subject."""
    if verb.dep_ != "conj" or verb.tag_ in ("VBD", "VBN"):  # not "was elected and admitted"
        return None
    return next((c for c in head.children if c.dep_ == "nsubjpass" and _wordlike(c)), None)


def _wordlike(tok: Token) -> bool:
    return any(ch.isalnum() for ch in tok.text)


def _quoted_before(subject: Token, verb: Token) -> bool:
    """A quotation closes between the subject and the verb: the words are quoted, and the
    speaker is the other subject ("'... Full panic mode,' said Leslie Wimes")."""
    return subject.i < verb.i and any(
        t.text in CLOSING_MARKS for t in subject.doc[subject.i : verb.i]
    )


def antecedent(tok: Token) -> Token:
    if (
        tok.lower_ in RELATIVE
        and tok.head.dep_ in ("relcl", "acl")
        and tok.head.head.i != tok.head.i
    ):
        return tok.head.head
    return tok


def subject_range(subject: Token) -> TokenRange:
    """The source span: the subject's noun phrase, or the relative pronoun itself ("who")."""
    if antecedent(subject) is not subject:
        return TokenRange(subject.i, subject.i + 1)
    return subject_span(subject)


def subject_span(head: Token) -> TokenRange:
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
    return TokenRange(start, end)


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


def cue_range(tok: Token, particle: Token | None = None) -> TokenRange:
    """The cue: the verb with its auxiliaries, negation, particle and a colon right after it.

    "has also said", "did not respond", "called for", "said:" (PolNeAR's cue spans).
    """
    doc = tok.doc
    start = _chain_start(tok)
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
    return TokenRange(start, end)


def _chain_start(tok: Token) -> int:
    """Where a verb chain begins: "continue to frame", "went on to discuss", "tries to draw"."""
    while chained(tok.head, tok):
        tok = tok.head
    return tok.i


def chained(head: Token, verb: Token) -> bool:
    """``verb`` is the infinitive right after ``head``: "continue to frame", "went on to"."""
    if verb.dep_ != "xcomp" or head.pos_ != "VERB" or not head.i < verb.i:
        return False
    between = verb.doc[head.i + 1 : verb.i]
    return any(t.lower_ == "to" for t in between) and all(
        t.lower_ == "to" or t.dep_ in ("prt", "advmod") for t in between
    )


def _content_preposition(verb: Token, prep: Token) -> bool:
    if prep.head.i != verb.i or prep.dep_ != "prep":
        return False
    return prep.lower_ in CONTENT_PREPOSITIONS.get(verb.lemma_.lower(), ())


def _manner_adverb(tok: Token) -> bool:
    """An adverb right before the verb: "also said", "repeatedly denied", "privately expressed"."""
    if tok.dep_ != "advmod" or tok.tag_ in ("WRB",):
        return False
    if tok.lower_ in HEDGE_ADVERBS:
        return False  # "reportedly told": the hedge is flagged on its own
    return tok.lower_ in CUE_ADVERBS or (tok.pos_ == "ADV" and tok.lower_.endswith("ly"))


HEDGE_ADVERBS = frozenset(
    {"reportedly", "allegedly", "apparently", "reputedly", "purportedly", "supposedly"}
    | {"possibly", "probably", "likely", "presumably", "seemingly", "potentially", "perhaps"}
)


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


def content_range(verb: Token, source: TokenRange, particle: Token | None = None) -> CharRange:
    """What the verb reports: its complements, the object of its particle ("called for an end
    to the campaign"), else its whole sentence."""
    parts = [
        c for c in verb.children if c.dep_ in CONTENT_DEPS and not (source[0] <= c.i < source[1])
    ]
    if particle is not None:
        parts += [c for c in particle.children if c.dep_ in ("pobj", "pcomp")]
    sent = verb.sent
    if not parts:
        return CharRange(sent.start_char, sent.end_char)
    start = min(c.left_edge.idx for c in parts)
    end = max(c.right_edge.idx + len(c.right_edge) for c in parts)
    return CharRange(start, end)
