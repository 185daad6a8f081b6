from __future__ import annotations

import pytest

from readwise_desktop.engine.rules.patterns import PatternError, compile_pattern


def test_words_alternatives_macros_optional_and_source_marks() -> None:
    pattern = compile_pattern("[reports|rumours] {BE}? emerged {NUM}")
    assert pattern.tokens[0] == {"LOWER": {"IN": ["reports", "rumours"]}}
    assert pattern.tokens[1]["OP"] == "?" and "is" in pattern.tokens[1]["LOWER"]["IN"]
    assert pattern.tokens[2] == {"LOWER": "emerged"}
    assert pattern.tokens[3] == {"LIKE_NUM": True}
    assert pattern.source_flags == (True, False, False, False)


@pytest.mark.parametrize("bad", ["", "{WHAT}", "Reportedly", "[open", "x?", "[only]", "a||b"])
def test_bad_patterns_say_why(bad: str) -> None:
    with pytest.raises(PatternError):
        compile_pattern(bad)
