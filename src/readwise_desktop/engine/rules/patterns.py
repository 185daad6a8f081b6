"""The rule pattern language, compiled to spaCy ``Matcher`` token patterns.

A pattern is a sequence of tokens separated by spaces, matched case-insensitively on the
token's text (``LOWER``), so every pattern also works in the rules-only pipeline, which has no
tagger or lemmatiser:

=================  =========================================================
``reportedly``     one word
``may|might``      any of several words
``{BE}``           a macro: a set of words (see :data:`MACROS`) or ``{NUM}``, a number
``word?``          an optional token (also ``{BE}?``)
``[reports]``      part of the *source* (attribution phrases only), not the cue
=================  =========================================================
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

MACROS: dict[str, tuple[str, ...]] = {
    "BE": ("is", "are", "was", "were", "be", "been", "being", "'s", "’s", "'re", "’re", "am"),
    "HAVE": ("has", "have", "had", "having", "'s", "’s", "'ve", "’ve", "'d", "’d"),
    "DET": ("a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her"),
    "OFTEN": (
        "often",
        "generally",
        "widely",
        "commonly",
        "usually",
        "sometimes",
        "frequently",
        "broadly",
        "popularly",
        "largely",
        "traditionally",
        "also",
        "now",
        "still",
        "later",
        "long",
        "once",
    ),
}
NUMBER_MACRO = "NUM"

_WORD = r"[^\s|?\[\]{}]+"
_TOKEN = regex.compile(
    rf"^(?P<open>\[)?(?:\{{(?P<macro>[A-Z]+)\}}|(?P<words>{_WORD}(?:\|{_WORD})*))"
    r"(?P<opt>\?)?(?P<close>\])?$"
)


class PatternError(ValueError):
    """A pattern string that does not follow the pattern language."""


@dataclass(frozen=True, slots=True)
class CompiledPattern:
    """A Matcher pattern plus which matched tokens belong to the source."""

    source: str
    tokens: tuple[dict[str, Any], ...]
    source_flags: tuple[bool, ...]

    @property
    def has_optional(self) -> bool:
        return any("OP" in t for t in self.tokens)

    @property
    def has_source(self) -> bool:
        return any(self.source_flags)


def compile_pattern(pattern: str) -> CompiledPattern:
    """Compile one pattern string, raising :class:`PatternError` with a readable reason."""
    parts = pattern.split()
    if not parts:
        raise PatternError("the pattern is empty")
    tokens: list[dict[str, Any]] = []
    flags: list[bool] = []
    for part in parts:
        token, is_source = _compile_token(part)
        tokens.append(token)
        flags.append(is_source)
    if all("OP" in t for t in tokens):
        raise PatternError("every token is optional, so the pattern could match nothing")
    if all(flags):
        raise PatternError("the whole pattern is marked as source; the cue needs a token")
    return CompiledPattern(pattern, tuple(tokens), tuple(flags))


def _compile_token(part: str) -> tuple[dict[str, Any], bool]:
    match = _TOKEN.match(part)
    if match is None:
        raise PatternError(f"cannot read the token {part!r}")
    if bool(match["open"]) != bool(match["close"]):
        raise PatternError(f"unbalanced source brackets in {part!r}")
    token: dict[str, Any]
    macro = match["macro"]
    if macro == NUMBER_MACRO:
        token = {"LIKE_NUM": True}
    elif macro is not None:
        if macro not in MACROS:
            known = ", ".join(sorted([*MACROS, NUMBER_MACRO]))
            raise PatternError(f"unknown macro {{{macro}}} (known: {known})")
        token = {"LOWER": {"IN": list(MACROS[macro])}}
    else:
        words = match["words"].split("|")
        if any(w != w.lower() for w in words):
            raise PatternError(f"write words in lower case: {part!r}")
        token = {"LOWER": words[0]} if len(words) == 1 else {"LOWER": {"IN": words}}
    if match["opt"]:
        token["OP"] = "?"
    return token, bool(match["open"])
