"""The reader's corrections: "not a hedge here", "source is wrong", "mark as sourced by ...".

Remembered per article (by a hash of its text, in the library) and applied to a fresh analysis,
which then shows them as a reviewed state, in the window and in every export.

A claim correction applies to the whole attribution the claim belongs to: every sentence that
attribution sources (a two-sentence quotation, "He added ..."), and the attribution itself
(a wrong source loses its cue highlight; a reader's source renames it). A claim with no
attribution carries the correction to the rest of the quotation it sits in.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from readwise_desktop.engine.results import (
    UNSOURCED,
    Analysis,
    Attribution,
    Hedge,
    Sentence,
    SourceType,
    Stance,
    Summary,
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
    attributions: list[Attribution | None] = list(analysis.attributions)
    by_sentence: dict[int, Correction] = {}  # sentence index -> the correction it takes
    where = {(s.start, s.end): i for i, s in enumerate(analysis.sentences)}
    for told in corrections:
        i = where.get((told.start, told.end))
        if told.kind == NOT_A_HEDGE or i is None or not analysis.sentences[i].is_claim:
            continue
        for j in attribution_group(analysis, i):
            by_sentence[j] = told
    reader: dict[Correction, int] = {}  # reader-marked sources without an attribution
    for i, told in by_sentence.items():
        at = analysis.sentences[i].attribution
        if at is not None:
            attributions[at] = _corrected_attribution(analysis.attributions[at], told)
        elif told.kind == SOURCED_BY and told not in reader:
            attributions.append(_reader_attribution(analysis.sentences[i], told))
            reader[told] = len(attributions) - 1
    kept = [i for i, a in enumerate(attributions) if a is not None]
    moved_to = {old: new for new, old in enumerate(kept)}
    sentences = []
    for i, sentence in enumerate(analysis.sentences):
        moved = tuple(new_index[h] for h in sentence.hedges if h in new_index)
        s = replace(sentence, hedges=moved)
        if len(moved) != len(sentence.hedges):
            s = replace(s, reviewed=NOT_A_HEDGE)
        claim = by_sentence.get(i)
        if claim is not None:
            s = _corrected(s, claim, reader.get(claim))
        sentences.append(
            replace(s, attribution=None if s.attribution is None else moved_to[s.attribution])
        )
    final = tuple(sentences)
    groups: dict[int, list[int]] = {}
    for i, s in enumerate(final):
        if s.attribution is not None:
            groups.setdefault(s.attribution, []).append(i)
    new_attributions: list[Attribution] = []
    for new, old in enumerate(kept):
        kept_one = attributions[old]
        assert kept_one is not None
        if old >= len(analysis.attributions) or kept_one.rule_id == READER_RULE:
            kept_one = replace(kept_one, sentences=tuple(groups.get(new, ())))
        new_attributions.append(kept_one)
    return replace(
        analysis,
        hedges=hedges,
        attributions=tuple(new_attributions),
        sentences=final,
        summary=_summarise(final, new_attributions, hedges),
    )


def _summarise(
    sentences: tuple[Sentence, ...], attributions: list[Attribution], hedges: tuple[Hedge, ...]
) -> Summary:
    from readwise_desktop.engine.claims.labels import summarise  # spaCy: on first use only

    return summarise(sentences, attributions, hedges)


def attribution_group(analysis: Analysis, index: int) -> list[int]:
    """The claims a correction of claim ``index`` applies to: every claim its attribution
    sources, or, with no attribution, the unattributed claims of the quotation it sits in."""
    sentence = analysis.sentences[index]
    if sentence.attribution is not None:
        return [
            i
            for i, s in enumerate(analysis.sentences)
            if s.is_claim and s.attribution == sentence.attribution
        ]
    quote = _quotation_around(analysis.text, sentence.start, sentence.end)
    if quote is None:
        return [index]
    return [
        i
        for i, s in enumerate(analysis.sentences)
        if s.is_claim and s.attribution is None and s.start < quote[1] and s.end > quote[0]
    ] or [index]


def _quotation_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The quotation (opening to closing mark, within the paragraph) that overlaps a span."""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    opened: int | None = None
    for at in range(para_start, para_end):
        ch = text[at]
        if ch == "“" or (ch == '"' and opened is None):
            opened = at
        elif (ch == "”" or ch == '"') and opened is not None:
            if opened < end and at >= start:
                return opened, at + 1
            opened = None
    if opened is not None and opened < end:
        return opened, para_end  # runs on to the paragraph's end
    return None


def _corrected_attribution(attribution: Attribution, claim: Correction) -> Attribution | None:
    """A wrong source is dropped (its cue is no longer highlighted); a reader's source renames
    the attribution, keeping its cue."""
    if claim.kind == SOURCE_WRONG:
        return None
    kind, _, name = claim.value.partition("|")
    return replace(
        attribution,
        source=None,
        source_type=SourceType(kind),
        source_name=name,
        rule_id=READER_RULE,
        explanation=f"Marked by the reader as sourced by {name}.",
    )


def _reader_attribution(sentence: Sentence, claim: Correction) -> Attribution:
    kind, _, name = claim.value.partition("|")
    return Attribution(
        cue=TextSpan(sentence.start, sentence.start, ""),
        source=None,
        source_type=SourceType(kind),
        source_name=name,
        stance=Stance.NEUTRAL,
        content=(sentence.start, sentence.end),
        sentences=(),
        rule_id=READER_RULE,
        explanation=f"Marked by the reader as sourced by {name}.",
    )


def _corrected(sentence: Sentence, claim: Correction, reader_index: int | None) -> Sentence:
    if claim.kind == SOURCE_WRONG:
        return replace(sentence, sourcing=UNSOURCED, attribution=None, reviewed=SOURCE_WRONG)
    kind, _, name = claim.value.partition("|")
    return replace(
        sentence,
        sourcing=SourceType(kind).value,
        attribution=sentence.attribution if reader_index is None else reader_index,
        reviewed=f"{SOURCED_BY} {name}",
    )
