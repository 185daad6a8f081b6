"""Token offsets and character offsets, as distinct types so the two are never mixed up.

Both are ``(start, end)`` pairs, end exclusive. Token ranges index one spaCy Doc (a chunk of the
text); character ranges index the text. Only character offsets leave the engine.
"""

from __future__ import annotations

from typing import NamedTuple


class TokenRange(NamedTuple):
    """Tokens ``[start, end)`` of one Doc (a chunk of the text)."""

    start: int
    end: int


class CharRange(NamedTuple):
    """Characters ``[start, end)`` of a text."""

    start: int
    end: int
