from __future__ import annotations

import pytest

from readwise_desktop.engine.text.layout import credit_lines, detect_layout


@pytest.mark.parametrize(
    "text, place, date, agency",
    [
        (
            "Headline\nMOSCOW, Nov 25 (Reuters) - Russia said it had won.",
            "MOSCOW",
            "Nov 25",
            "Reuters",
        ),
        ("Headline\nWashington (AFP) – The US said so.", "Washington", None, "AFP"),
        ("KYIV, Ukraine (AP) — Ukraine said x.", "KYIV, Ukraine", None, "AP"),
        ("LONDON — Prices rose sharply.", "LONDON", None, None),
        ("BERLIN, 3 March 2024 (dpa) -- Talks resumed.", "BERLIN", "3 March 2024", "dpa"),
    ],
)
def test_datelines(text: str, place: str, date: str | None, agency: str | None) -> None:
    layout = detect_layout(text)
    assert layout.dateline is not None
    assert (layout.place, layout.date, layout.agency) == (place, date, agency)
    assert text[layout.dateline.start : layout.dateline.end] == layout.dateline.text


@pytest.mark.parametrize(
    "text",
    [
        "Russia said: no deal.",
        "The U.S. - China relationship is hard.",
        "Talks - again - failed.",
    ],
)
def test_not_datelines(text: str) -> None:
    assert detect_layout(text).dateline is None


def test_headline_only_when_short_without_full_stop() -> None:
    assert detect_layout("Strike spreads\nBody text here.").title is not None
    assert detect_layout("A first sentence that ends.\nBody.").title is None
    long_line = " ".join(["word"] * 30)
    assert detect_layout(long_line + "\nBody.").title is None
    assert detect_layout("Only one line").title is None


def test_byline_and_credits() -> None:
    text = "Strike spreads\nBy Mara Lindqvist\nThe strike spread.\n(Reporting by A; Editing by B)"
    layout = detect_layout(text)
    assert layout.byline is not None and layout.byline.text == "By Mara Lindqvist"
    assert [c.text for c in credit_lines(text)] == ["(Reporting by A; Editing by B)"]
