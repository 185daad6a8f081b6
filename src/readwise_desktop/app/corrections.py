"""The reader's corrections: "not a hedge here", "source is wrong", "mark as sourced by ...".

Remembered per article (by a hash of its text, in the library) and applied to a fresh analysis,
which then shows them as a reviewed state, in the window and in every export.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from readwise_desktop.engine.claims.labels import summarise
from readwise_desktop.engine.results import (
    UNSOURCED,
    Analysis,
    Attribution,
    Sentence,
    SourceType,
    Stance,
    TextSpan,
)

NOT_A_HEDGE = "not a hedge"
SOURCE_WRONG = "source is wrong"
SOURCED_BY = "sourced by"
KINDS = (NOT_A_HEDGE, SOURCE_WRONG, SOURCED_BY)
READER_RULE = "reader.marked_source"


@dataclass(frozen=True, slots=True)
class Correction:
    kind: str
    start: int
    end: int
    value: str = ""  # for SOURCED_BY: "SOURCE_TYPE|name"

    @staticmethod
    def sourced_by(start: int, end: int, source_type: SourceType, name: str) -> Correction:
        return Correction(SOURCED_BY, start, end, f"{source_type.value}|{name.strip()}")


def apply_corrections(analysis: Analysis, corrections: list[Correction]) -> Analysis:
    """The analysis as the reader corrected it; unchanged when there is nothing to apply."""
    if not corrections:
        return analysis
    dropped = {(d.start, d.end) for d in corrections if d.kind == NOT_A_HEDGE}
    keep = [i for i, h in enumerate(analysis.hedges) if (h.start, h.end) not in dropped]
    new_index = {old: new for new, old in enumerate(keep)}
    hedges = tuple(analysis.hedges[i] for i in keep)
    attributions = list(analysis.attributions)
    by_claim = {(d.start, d.end): d for d in corrections if d.kind != NOT_A_HEDGE}
    sentences = []
    for sentence in analysis.sentences:
        moved = tuple(new_index[h] for h in sentence.hedges if h in new_index)
        s = replace(sentence, hedges=moved)
        if len(moved) != len(sentence.hedges):
            s = replace(s, reviewed=NOT_A_HEDGE)
        claim = by_claim.get((sentence.start, sentence.end))
        if claim is not None and s.is_claim:
            s = _corrected(s, claim, attributions)
        sentences.append(s)
    final = tuple(sentences)
    return replace(
        analysis,
        hedges=hedges,
        attributions=tuple(attributions),
        sentences=final,
        summary=summarise(final, attributions, hedges),
    )


def _corrected(sentence: Sentence, claim: Correction, attributions: list[Attribution]) -> Sentence:
    if claim.kind == SOURCE_WRONG:
        return replace(sentence, sourcing=UNSOURCED, attribution=None, reviewed=SOURCE_WRONG)
    kind, _, name = claim.value.partition("|")
    source_type = SourceType(kind)
    attributions.append(
        Attribution(
            cue=TextSpan(sentence.start, sentence.start, ""),
            source=None,
            source_type=source_type,
            source_name=name,
            stance=Stance.NEUTRAL,
            content=(sentence.start, sentence.end),
            sentences=(),
            rule_id=READER_RULE,
            explanation=f"Marked by the reader as sourced by {name}.",
        )
    )
    return replace(
        sentence,
        sourcing=source_type.value,
        attribution=len(attributions) - 1,
        reviewed=f"{SOURCED_BY} {name}",
    )
