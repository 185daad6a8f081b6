"""Reporting verbs used in another sense: a name given, a supposition, a thing handled, a
directive, an act performed.

"Residents called it Eastgate" names a place; "if the council says no" supposes a statement;
"showed symptoms" and "would not answer questions" take a thing, not words; "the money the
president had requested" handles the noun it describes; "called on Fox News to fire Griffin"
directs someone to act and states no claim; "declared a state of emergency" and "announced
three days of mourning" perform an act and report nothing; in "it tells me that" the speaker
infers. Each guard reads the dependency parse around the verb only; the word lists are rules
data (``word_lists.toml``).
"""

from __future__ import annotations

from spacy.tokens import Token

from readwise_desktop.engine.rules.schema import WordLists

NAMING_VERBS = "list.attribution.naming_verbs"
INFINITIVE_NOT_SAID = "list.attribution.infinitive_not_said"
HYPOTHETICAL_MARKS = "list.attribution.hypothetical_marks"
DIRECTIVE_VERBS = "list.attribution.directive_verbs"
WORDS_NOUNS = "list.attribution.words_nouns"
PERFORMATIVE_VERBS = "list.attribution.performative_verbs"
PERFORMED_ACTS = "list.attribution.performed_acts"
SHOWING_VERBS = "list.attribution.showing_verbs"
PEOPLE_QUESTIONED = "list.attribution.people_questioned"
OTHER_SENSE_PREPOSITIONS = "list.attribution.other_sense_prepositions"
PERSON_OBJECTS = frozenset({"him", "her", "them"})
THING_SUBJECTS = frozenset({"it", "this", "that"})
FIRST_PERSON = frozenset({"me", "us"})
ACT_OBJECTS = frozenset({"dobj", "oprd", "npadvmod", "attr"})
PURPOSE_MARKS = frozenset({"so", "because"})
RELATIVE_WORDS = frozenset({"which", "that", "who", "whom", "what"})
COMPLEMENTS = frozenset({"dobj", "ccomp", "xcomp", "oprd", "parataxis"})
THING_PRONOUNS = frozenset({"it", "this", "something", "anything", "nothing", "everything"})


def other_sense(verb: Token, lists: WordLists) -> bool:
    """The verb gives a name, supposes a statement, handles the noun it describes or directs
    someone to act: it reports no claim."""
    return (
        gives_name(verb, lists)
        or supposed(verb, lists)
        or imagined(verb, lists)
        or handles_described_noun(verb, lists)
        or directs(verb, lists)
        or performs(verb, lists)
        or tells_speaker(verb, lists)
        or shows_by_act(verb, lists)
        or interrogates(verb, lists)
        or with_other_preposition(verb, lists)
        or appoints(verb)
        or plain_act(verb)
    )


PLEAS = frozenset({"guilty", "innocent"})


def plain_act(verb: Token) -> bool:
    """ "pled guilty" (a plea), "the questions they ask" (asked, not told), "found it
    difficult" (an experience): the verb's sense reports no claim."""
    lemma = verb.lemma_.lower()
    if lemma in ("plead", "pled"):
        return any(c.lower_ in PLEAS for c in verb.children)
    if lemma in ("ask", "answer"):
        return _of_questions(verb)
    if lemma == "find":
        return any(
            c.dep_ in ("ccomp", "xcomp", "oprd") and c.pos_ == "ADJ" and _it_subject(c)
            for c in verb.children
        )
    return False


def _of_questions(verb: Token) -> bool:
    """Its object is a question, or it is the clause of "the question(s)" before it."""
    if any(c.dep_ == "dobj" and c.lemma_.lower() == "question" for c in verb.children):
        return True
    before = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
    return before is not None and before.lemma_.lower() == "question"


def _it_subject(clause: Token) -> bool:
    """ "found it difficult to be objective", not "found it likely that the virus spread"."""
    children = list(clause.children)
    it = any(c.dep_ == "nsubj" and c.lower_ == "it" for c in children)
    return it and not any(c.dep_ == "ccomp" for c in children)


def with_other_preposition(verb: Token, lists: WordLists) -> bool:
    """ "who hails from Arizona", "defended themselves from predators": the preposition gives
    the verb a sense that reports nothing."""
    lemma = verb.lemma_.lower()
    pairs = lists[OTHER_SENSE_PREPOSITIONS]
    return any(c.dep_ == "prep" and f"{lemma} {c.lower_}" in pairs for c in verb.children)


def appoints(verb: Token) -> bool:
    """ "the Senate had not confirmed him", "confirmed Barrett": a person confirmed is
    appointed; "confirmed the deaths" reports."""
    if verb.lemma_.lower() != "confirm":
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    clause = any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)
    person = any(o.ent_type_ == "PERSON" or o.lower_ in PERSON_OBJECTS for o in objects)
    return person and not clause


def interrogates(verb: Token, lists: WordLists) -> bool:
    """ "police questioned the car's owner": a person questioned is interrogated; "questioned
    the decision" doubts it."""
    if verb.lemma_.lower() != "question":
        return False
    return any(
        c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or c.lower_ in lists[PEOPLE_QUESTIONED])
        for c in verb.children
    )


def shows_by_act(verb: Token, lists: WordLists) -> bool:
    """ "holding a rifle to show the invention could be used": an act's purpose, shown."""
    return verb.lemma_.lower() in lists[SHOWING_VERBS] and verb.dep_ == "advcl" and infinitive(verb)


def infinitive(verb: Token) -> bool:
    """A "to" infinitive: "to show", "to comment"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def circumstance(clause: Token) -> bool:
    """ "continued in Portland, where a man was shot": a clause of place or time the parser
    hangs as a complement; it is not what anyone said."""
    first = clause.left_edge
    verb = first.head.head if first.head.dep_ == "conj" else first.head
    wh = first.tag_ == "WRB" and first.lower_ in ("where", "when") and first.dep_ == "advmod"
    after_comma = first.i > 0 and first.nbor(-1).text == ","  # not "described where it went"
    return wh and after_comma and verb.i == clause.i  # not "said when he arrived, the ..."


def no_one(subject: Token) -> bool:
    """ "nobody bothered to ask", "no one said": nobody is the source of anything."""
    if subject.lower_ in ("nobody", "none"):
        return True
    return subject.lower_ == "one" and any(c.lower_ == "no" for c in subject.lefts)


MAYBE_MODALS = frozenset({"might", "could", "may", "should", "must"})


def imagined(verb: Token, lists: WordLists) -> bool:
    """Speech imagined, not reported: "they might have said that's absurd", "if there was a
    picture, they would say ...", "it's hard to say", "it is fair to say"."""
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if auxes & MAYBE_MODALS:
        return True
    marks = lists[HYPOTHETICAL_MARKS]
    if "would" in auxes and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
        for c in verb.children
    ):
        return True
    head = verb.head
    return (
        "to" in auxes
        and verb.dep_ in ("xcomp", "advcl")
        and head.lemma_ == "be"
        and any(c.dep_ == "acomp" for c in head.children)
    )


def handles_described_noun(verb: Token, lists: WordLists) -> bool:
    """ "the money the president had requested", "the plan, which he announced on Monday", "as
    much money as he had requested": the verb's object is the noun its clause describes, a
    thing; "the things he said" still reports words."""
    if verb.dep_ == "advcl":
        marks = [c for c in verb.children if c.dep_ == "mark" and c.lower_ in ("as", "than")]
        compared = any(not _as_reported(m) for m in marks)
        return compared and not any(c.dep_ in COMPLEMENTS for c in verb.children)
    if verb.dep_ == "conj" and not any(c.dep_ == "cc" for c in verb.head.children):
        return _no_own_object(verb)  # "the emergency the governor declared", read as a conjunct
    if verb.dep_ not in ("relcl", "acl") or verb.head.lemma_.lower() in lists[WORDS_NOUNS]:
        return False
    return _no_own_object(verb)


def _as_reported(mark: Token) -> bool:
    """ "As Smith said, the gap is vast", "..., as the report noted": the clause it opens
    reports the sentence's own claim; "as much money as he requested" compares."""
    before = mark.doc[mark.i - 1] if mark.i > mark.sent.start else None
    return mark.lower_ == "as" and (before is None or before.text in (",", "—", ";"))


def _no_own_object(verb: Token) -> bool:
    """The verb has a subject of its own but no object or clause: its object is elsewhere."""
    if not any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in RELATIVE_WORDS for c in verb.children
    ):
        return False  # "officials who said ...": the noun is the speaker
    own = [c for c in verb.children if c.dep_ in COMPLEMENTS]
    return all(c.dep_ == "dobj" and c.lower_ in RELATIVE_WORDS for c in own)


def directs(verb: Token, lists: WordLists) -> bool:
    """ "called on Fox News to fire Griffin", "advised citizens to leave", "told me not to
    worry": a directive with an infinitive and no clause that states something."""
    if verb.lemma_.lower() not in lists[DIRECTIVE_VERBS]:
        return False
    to_do = finite = False
    for c in verb.children:
        if c.dep_ in ("xcomp", "ccomp"):
            to = infinitive(c)
            to_do |= to
            finite |= not to
    return to_do and not finite


def performs(verb: Token, lists: WordLists) -> bool:
    """ "declared a state of emergency", "announced three days of mourning", "the curfew the
    mayor declared": the verb performs an act of office and reports no words. With a clause
    of its own ("declared that the war was over") it reports."""
    if verb.lemma_.lower() not in lists[PERFORMATIVE_VERBS]:
        return False
    if _own_clause(verb):
        return False
    acts = lists[PERFORMED_ACTS]
    objects = [c for c in verb.children if c.dep_ in ACT_OBJECTS]
    if any(_names_act(o, acts) for o in objects):
        return True
    if any(o.ent_type_ != "DATE" for o in objects):
        return False  # "declared victory", "announced the results"; not "last Friday"
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.left_edge.i == 0:
        return False
    described = verb.doc[subject.left_edge.i - 1]  # "the state of emergency [Trump] declared"
    return described.lemma_.lower() in acts


def tells_speaker(verb: Token, lists: WordLists) -> bool:
    """ "it tells me that they knew": a thing tells the speaker, who draws the inference;
    nobody is quoted."""
    if verb.lemma_.lower() != "tell":
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    told = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    return (
        subject is not None
        and subject.lower_ in THING_SUBJECTS
        and any(c.lower_ in FIRST_PERSON for c in told)
    )


def _own_clause(verb: Token) -> bool:
    """A clause that tells what was declared; not one of purpose ("so he could fund a wall")."""
    return any(
        c.dep_ in ("ccomp", "parataxis", "xcomp")
        and not any(m.dep_ == "mark" and m.lower_ in PURPOSE_MARKS for m in c.children)
        for c in verb.children
    )


def _names_act(noun: Token, acts: frozenset[str]) -> bool:
    """The object or its "of" noun is an act: "a state of emergency", "days of mourning"."""
    words = [noun, *(c for c in noun.children if c.dep_ == "conj")]
    words += [g for w in list(words) for p in w.children if p.lower_ == "of" for g in p.children]
    return any(w.lemma_.lower() in acts for w in words)


def gives_name(verb: Token, lists: WordLists) -> bool:
    """ "called it Eastgate", "Called the Ineos 1:59 Challenge, it ...": a proper name as the
    object's complement is a name; "called the order swift" or "a disgrace" judges."""
    if verb.lemma_.lower() not in lists[NAMING_VERBS]:
        return False
    return any(c.dep_ == "oprd" and c.pos_ == "PROPN" for c in verb.children)


def supposed(verb: Token, lists: WordLists) -> bool:
    """ "if the council says no", "unless the court rules otherwise": a supposition."""
    marks = lists[HYPOTHETICAL_MARKS]
    return any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children)


def content_clause(verb: Token, clause: Token, deps: frozenset[str], lists: WordLists) -> bool:
    """A complement that counts as content: not a clause of place or time (:func:`circumstance`)
    nor the infinitive of a request or a commitment ("asked me to prove it", "agreed to help",
    "declined to comment"); "wrote denying them citizenship violated ..." reports."""
    if clause.dep_ not in deps or circumstance(clause):
        return False
    if clause.dep_ != "xcomp" or verb.lemma_.lower() not in lists[INFINITIVE_NOT_SAID]:
        return True
    return not infinitive(clause)


def takes_thing(verb: Token) -> bool:
    """A direct object that is a thing, not a person told: "showed symptoms", "would not
    answer questions", "would believe it"; such a verb has no clause of its own. Two objects
    are a verdict ("calling it "The death of CentOS"")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objects) > 1:
        return False
    for child in objects:
        if child.lower_ in THING_PRONOUNS:
            return True
        if child.pos_ in ("NOUN", "PROPN") and child.ent_type_ not in ("PERSON", "ORG", "NORP"):
            return True
    return False
