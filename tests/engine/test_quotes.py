from __future__ import annotations

from readwise_desktop.engine.text.quotes import find_quotes


def _texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_curly_straight_and_run_on_quotations() -> None:
    text = (
        "He said “we will win this war, no doubt.” Then\n“More quote here\n"
        '“And still going on,” he said.\n"Straight quotes are here" he said.'
    )
    assert _texts(text) == [
        "“we will win this war, no doubt.”",
        "“More quote here\n“And still going on,”",
        '"Straight quotes are here"',
    ]


def test_scare_quotes_and_apostrophes_are_not_speech() -> None:
    assert _texts("Kim called them ‘heroes’ and the army’s ‘victory’ was praised.") == []


def test_an_unclosed_quote_ends_with_its_paragraph() -> None:
    text = "“This will not stand, we promise you\nNext paragraph is narration."
    assert _texts(text) == ["“This will not stand, we promise you"]
