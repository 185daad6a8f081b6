"""Print a word list as the ``words = [...]`` line of ``data/rules/word_lists.toml``."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable


def print_words(words: Iterable[str]) -> None:
    quoted = ", ".join(f'"{w}"' for w in words)
    print("words = [")
    print(textwrap.fill(quoted, 96, initial_indent="    ", subsequent_indent="    "))
    print("]")
