"""Reporting verbs used in another sense: a name given, a supposition, a thing handled.

"Residents called it Eastgate" names a place; "if the council says no" supposes a statement;
"showed symptoms" and "would not answer questions" take a thing, not words. Each guard reads
the dependency parse of the verb only; the word lists are rules data (``word_lists.toml``).
"""

from __future__ import annotations

from spacy.tokens import Token

from readwise_desktop.engine.rules.schema import WordLists

NAMING_VERBS = "list.attribution.naming_verbs"
INFINITIVE_NOT_SAID = "list.attribution.infinitive_not_said"
HYPOTHETICAL_MARKS = "list.attribution.hypothetical_marks"
THING_PRONOUNS = frozenset({"it", "this", "something", "anything", "nothing", "everything"})


def other_sense(verb: Token, lists: WordLists) -> bool:
    """The verb gives a name or supposes a statement: it reports nothing."""
    return gives_name(verb, lists) or supposed(verb, lists)


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


def clause_deps(verb: Token, deps: frozenset[str], lists: WordLists) -> frozenset[str]:
    """The complements that count as content: not the infinitive of a request or a
    commitment ("asked me to prove it", "agreed to help")."""
    if verb.lemma_.lower() in lists[INFINITIVE_NOT_SAID]:
        return deps - {"xcomp"}
    return deps


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
