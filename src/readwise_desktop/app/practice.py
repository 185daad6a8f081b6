"""Practice mode: a student marks hedges and sources, then compares with the expert reading.

A student's mark is a hedge with its category, a source with its type (the claim it sits in is
sourced so), or a claim marked unsourced. The key is an exercise's reviewed answer key, or the
analysis itself for any other article. Each hit, miss and extra mark comes with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from readwise_desktop.engine.advice import hedge_advice, source_advice
from readwise_desktop.engine.results import UNSOURCED, Analysis, HedgeCategory
from readwise_desktop.evaluation.gold import GoldArticle, GoldHedge, GoldSentence
from readwise_desktop.evaluation.scoring import Counts

HEDGE = "hedge"
SOURCE = "source"
UNSOURCED_MARK = "unsourced"
SOURCING = "sourcing"  # the category under which claim labels are scored


@dataclass(frozen=True, slots=True)
class StudentMark:
    kind: str  # hedge, source, unsourced
    start: int
    end: int
    label: str  # a hedge category, a source type, or UNSOURCED


@dataclass(frozen=True, slots=True)
class Finding:
    outcome: str  # "hit", "miss", "extra", "wrong label"
    category: str
    text: str
    reason: str


@dataclass(slots=True)
class PracticeResult:
    counts: dict[str, Counts] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def counts_for(self, category: str) -> Counts:
        return self.counts.setdefault(category, Counts())

    @property
    def overall(self) -> Counts:
        total = Counts()
        for counts in self.counts.values():
            total.add(counts)
        return total

    def missed_most(self) -> list[tuple[str, int]]:
        return sorted(((c, n.fn) for c, n in self.counts.items() if n.fn), key=lambda x: -x[1])


def key_from_analysis(analysis: Analysis) -> GoldArticle:
    """The expert reading of any article: the analysis as an answer key."""
    sentences = tuple(
        GoldSentence(s.start, s.end, (s.sourcing or UNSOURCED) if s.is_claim else None)
        for s in analysis.sentences
    )
    hedges = tuple(GoldHedge(h.start, h.end, h.category) for h in analysis.hedges)
    return GoldArticle("analysis", analysis.text, sentences, hedges)


def check(marks: list[StudentMark], key: GoldArticle) -> PracticeResult:
    result = PracticeResult()
    _check_hedges([m for m in marks if m.kind == HEDGE], key, result)
    _check_claims([m for m in marks if m.kind != HEDGE], key, result)
    return result


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _check_hedges(marks: list[StudentMark], key: GoldArticle, result: PracticeResult) -> None:
    used: set[int] = set()
    for mark in marks:
        match = next(
            (i for i, h in enumerate(key.hedges)
             if i not in used and _overlaps((mark.start, mark.end), (h.start, h.end))),
            None,
        )  # fmt: skip
        text = key.text[mark.start : mark.end]
        if match is None:
            result.counts_for(mark.label).fp += 1
            result.findings.append(
                Finding("extra", mark.label, text, "Not a hedge here: the writer commits to it.")
            )
            continue
        used.add(match)
        gold = key.hedges[match]
        advice = hedge_advice(gold.category.value)
        if gold.category.value == mark.label:
            result.counts_for(mark.label).tp += 1
            result.findings.append(Finding("hit", mark.label, text, advice.why))
        else:
            result.counts_for(mark.label).fp += 1
            result.counts_for(gold.category.value).fn += 1
            result.findings.append(
                Finding("wrong label", gold.category.value, text, f"{advice.label}: {advice.why}")
            )
    for i, gold in enumerate(key.hedges):
        if i not in used:
            result.counts_for(gold.category.value).fn += 1
            advice = hedge_advice(gold.category.value)
            text = key.text[gold.start : gold.end]
            result.findings.append(Finding("miss", gold.category.value, text, advice.why))


def _claim_of(key: GoldArticle, start: int) -> GoldSentence | None:
    return next((s for s in key.sentences if s.start <= start < s.end and s.sourcing), None)


def _check_claims(marks: list[StudentMark], key: GoldArticle, result: PracticeResult) -> None:
    """Each claim the student labelled (by a source mark in it, or as unsourced) is scored."""
    said: dict[tuple[int, int], str] = {}
    for mark in marks:
        claim = _claim_of(key, mark.start)
        if claim is not None:
            said[(claim.start, claim.end)] = mark.label
    counts = result.counts_for(SOURCING)
    for claim in key.sentences:
        if claim.sourcing is None:
            continue
        text = " ".join(key.text[claim.start : claim.end].split())
        label = said.get((claim.start, claim.end))
        gold = claim.sourcing
        advice = source_advice(gold)
        if label == gold:
            counts.tp += 1
            result.findings.append(Finding("hit", SOURCING, text, f"{advice.label}: {advice.why}"))
        elif label is None:
            counts.fn += 1
            result.findings.append(Finding("miss", SOURCING, text, f"{advice.label}: {advice.why}"))
        else:
            counts.fp += 1
            counts.fn += 1
            result.findings.append(
                Finding(
                    "wrong label", SOURCING, text, f"It is {advice.label.lower()}: {advice.why}"
                )
            )


HEDGE_CATEGORIES = tuple(c.value for c in HedgeCategory)
