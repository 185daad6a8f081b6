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


@pytest.mark.parametrize(
    ("bad", "why"),
    [
        ("", "the pattern is empty"),
        ("{WHAT}", "unknown macro {WHAT} (known: BE, DET, HAVE, NUM, OFTEN)"),
        ("Reportedly", "write words in lower case: 'Reportedly'"),
        ("[open", "unbalanced source brackets in '[open'"),
        ("x?", "every token is optional, so the pattern could match nothing"),
        ("[only]", "the whole pattern is marked as source; the cue needs a token"),
        ("a||b", "cannot read the token 'a||b'"),
    ],
)
def test_bad_patterns_say_why(bad: str, why: str) -> None:
    with pytest.raises(PatternError) as caught:
        compile_pattern(bad)
    assert str(caught.value) == why
