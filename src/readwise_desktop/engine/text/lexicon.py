"""Closed-class English words and marks that several engine modules ask about, in one place.

Pronouns, determiners, negation and quotation marks are grammar, not tuning: they never change
with the news, so they live here as code. The word lists that tune precision (which words block a
guard, which nouns are no speaker) are rule data instead, in ``data/rules/word_lists.toml``, with
ids the Rules dialog and ``disabled_rules`` reach. Each set keeps the exact members its users
were tuned with; two sets that look alike (``SIGNED_QUOTE_CLOSERS`` holds the straight
apostrophe, ``CLOSING_MARKS`` does not) differ on purpose.
"""

from __future__ import annotations

# --- pronouns ------------------------------------------------------------------------------------
PERSONAL = frozenset({"i", "you", "he", "she", "we", "they", "who"})  # subjects that are people
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})  # resolve to a named person
ORG_PRONOUNS = frozenset({"it"})  # resolves to a named organisation
SKIP_PRONOUNS = frozenset({"i", "we", "you", "me", "us", "this", "that", "which", "what"})
UNSPECIFIED = frozenset({"they", "them"})  # a vague source when they speak
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we"})  # rules-only sources
OWNER_PRONOUNS = frozenset({"his", "her", "their", "its"})  # "his claim that ..."
RELATIVE = frozenset({"who", "that", "which", "whom"})

# --- determiners and negation --------------------------------------------------------------------
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their"})
POSSESSIVE_DETERMINERS = frozenset(
    {"the", "its", "their", "his", "her", "these", "those", "our", "my", "your"}
)
NOT = frozenset({"not", "n't", "never"})

# --- quotation marks and dashes ------------------------------------------------------------------
OPENERS = {"“": "”", "„": "“", "«": "»", '"': '"', "‘": "’"}  # opening mark -> its closer
CLOSING_MARKS = frozenset('”"’»')  # marks that end a quotation (not "“", which may open one)
SIGNED_QUOTE_CLOSERS = frozenset({"”", '"', "’", "'"})  # '"..." ― Name' may end in either
SIGNED_QUOTE_OPENERS = frozenset({"“", '"', "‘", "'", "("})
