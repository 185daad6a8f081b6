"""The highlight vocabulary shared by the window and the exports: what each mark looks like.

The Okabe–Ito colour-blind-safe palette plus a non-colour cue per category (an underline style or
a weight), so the categories stay apart in greyscale print and for readers who do not see the
colours. The window turns these into Qt text formats; the HTML export into CSS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from readwise_desktop.engine.results import Analysis, group_of

OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}
HEDGE_KEYS = ("REPORTATIVE", "MODAL", "SPECULATIVE", "PROBABILITY", "APPROXIMATOR")
TOGGLES = (*HEDGE_KEYS, "CUE_NAMED", "CUE_UNNAMED", "UNSOURCED")


@dataclass(frozen=True, slots=True)
class StyleSpec:
    key: str
    label: str
    colour: str
    underline: str | None  # "wavy", "dashed", "dotted", "dash-dot", "solid"
    bold: bool
    italic: bool
    cue: str  # the non-colour cue, in words, for the legend

    @property
    def is_hedge(self) -> bool:
        return self.key in HEDGE_KEYS


def _spec(key: str, label: str, colour: str, underline: str | None, cue: str) -> StyleSpec:
    return StyleSpec(key, label, colour, underline, False, False, cue)


STYLE_SPECS: dict[str, StyleSpec] = {
    "REPORTATIVE": _spec(
        "REPORTATIVE", "Reportative hedge", OKABE_ITO["vermillion"], "wavy", "wavy underline"
    ),
    "MODAL": _spec("MODAL", "Modal hedge", OKABE_ITO["sky_blue"], "dashed", "dashed underline"),
    "SPECULATIVE": _spec(
        "SPECULATIVE",
        "Speculative hedge",
        OKABE_ITO["reddish_purple"],
        "dotted",
        "dotted underline",
    ),
    "PROBABILITY": _spec(
        "PROBABILITY", "Probability hedge", OKABE_ITO["yellow"], "dash-dot", "dash-dot underline"
    ),
    "APPROXIMATOR": _spec(
        "APPROXIMATOR", "Approximate figure", OKABE_ITO["bluish_green"], "solid", "solid underline"
    ),
    "CUE_NAMED": StyleSpec(
        "CUE_NAMED", "Named source and its cue", OKABE_ITO["blue"], None, True, False, "bold"
    ),
    "CUE_UNNAMED": StyleSpec(
        "CUE_UNNAMED",
        "Unnamed or vague source and its cue",
        OKABE_ITO["orange"],
        None,
        True,
        True,
        "bold italic",
    ),
    "UNSOURCED": _spec(
        "UNSOURCED", "Unsourced claim", "#6B6B6B", "dotted", "grey dotted underline and ◆"
    ),
}


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlight: characters, its style key, and what it is (for tooltips and clicks)."""

    start: int
    end: int
    style: str
    kind: str  # "hedge", "cue", "source", "unsourced"
    index: int


def cue_style_key(source_group: str) -> str:
    return "CUE_NAMED" if source_group == "named" else "CUE_UNNAMED"


def marks_of(analysis: Analysis) -> list[Mark]:
    """Every highlight of an analysis, sorted by start (unsourced claims first, so that the
    hedges inside them are merged over the dotted underline)."""
    out = [m for part in mark_parts(analysis) for m in part()]
    return sort_marks(out)


MarkPart = Callable[[], list[Mark]]
PART_SIZE = 1000


def mark_parts(analysis: Analysis, size: int = PART_SIZE) -> list[MarkPart]:
    """The marks in small parts (unsourced claims, attributions, hedges), to be joined and put
    in order with ``sort_marks``. The window computes one part per event-loop tick."""
    kinds: list[tuple[Callable[[Analysis, int, int], list[Mark]], int]] = [
        (_unsourced_marks, len(analysis.sentences)),
        (_attribution_marks, len(analysis.attributions)),
        (_hedge_marks, len(analysis.hedges)),
    ]
    return [
        partial(make, analysis, at, min(count, at + size))
        for make, count in kinds
        for at in range(0, count, size)
    ]


def sort_marks(marks: list[Mark]) -> list[Mark]:
    return sorted(marks, key=lambda m: (m.start, MARK_ORDER[m.kind]))


MARK_ORDER = {"unsourced": 0, "source": 1, "cue": 2, "hedge": 3}


def _unsourced_marks(analysis: Analysis, start: int, stop: int) -> list[Mark]:
    sentences = analysis.sentences
    return [
        Mark(sentences[i].start, sentences[i].end, "UNSOURCED", "unsourced", i)
        for i in range(start, stop)
        if sentences[i].is_claim and sentences[i].sourcing == "UNSOURCED"
    ]


def _attribution_marks(analysis: Analysis, start: int, stop: int) -> list[Mark]:
    out = []
    for i in range(start, stop):
        a = analysis.attributions[i]
        if a.cue.start == a.cue.end:
            continue  # a source the reader marked: nothing in the text to highlight
        key = cue_style_key(group_of(a.source_type.value))
        out.append(Mark(a.cue.start, a.cue.end, key, "cue", i))
        source = a.source
        if source is not None and (source.end <= a.cue.start or source.start >= a.cue.end):
            out.append(Mark(source.start, source.end, key, "source", i))
    return out


def _hedge_marks(analysis: Analysis, start: int, stop: int) -> list[Mark]:
    hedges = analysis.hedges
    return [
        Mark(hedges[i].start, hedges[i].end, hedges[i].category.value, "hedge", i)
        for i in range(start, stop)
    ]
