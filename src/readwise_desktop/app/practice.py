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
from readwise_desktop.export.styles import STYLE_SPECS

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
    start: int = -1  # where it is in the text (the student's mark, or the key's span)
    end: int = -1


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


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """A selection widened to whole words and trimmed of spaces and punctuation at its ends:
    "xpected to re" becomes "expected to reopen"."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    while start < end and not _word_char(text[start]):
        start += 1
    while end > start and not _word_char(text[end - 1]):
        end -= 1
    if start == end:
        return start, end
    while start > 0 and _word_char(text[start - 1]):
        start -= 1
    while end < len(text) and _word_char(text[end]):
        end += 1
    return start, end


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "'’-"


def snapped(mark: StudentMark, text: str) -> StudentMark:
    start, end = snap_to_words(text, mark.start, mark.end)
    return StudentMark(mark.kind, start, end, mark.label)


def check(marks: list[StudentMark], key: GoldArticle) -> PracticeResult:
    """Score the marks, each first snapped to whole words."""
    marks = [m for m in (snapped(m, key.text) for m in marks) if m.start < m.end]
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
                Finding(
                    "extra",
                    mark.label,
                    text,
                    "Not a hedge here: the writer commits to it.",
                    mark.start,
                    mark.end,
                )
            )
            continue
        used.add(match)
        gold = key.hedges[match]
        advice = hedge_advice(gold.category.value)
        if gold.category.value == mark.label:
            result.counts_for(mark.label).tp += 1
            result.findings.append(
                Finding("hit", mark.label, text, advice.why, mark.start, mark.end)
            )
        else:
            result.counts_for(mark.label).fp += 1
            result.counts_for(gold.category.value).fn += 1
            result.findings.append(
                Finding(
                    "wrong label",
                    gold.category.value,
                    text,
                    f"It is {hedge_name(gold.category.value).lower()}: {advice.why}",
                    mark.start,
                    mark.end,
                )
            )
    for i, gold in enumerate(key.hedges):
        if i not in used:
            result.counts_for(gold.category.value).fn += 1
            advice = hedge_advice(gold.category.value)
            text = key.text[gold.start : gold.end]
            result.findings.append(
                Finding("miss", gold.category.value, text, advice.why, gold.start, gold.end)
            )


def _claim_of(key: GoldArticle, start: int) -> GoldSentence | None:
    return next((s for s in key.sentences if s.start <= start < s.end and s.sourcing), None)


def _check_claims(marks: list[StudentMark], key: GoldArticle, result: PracticeResult) -> None:
    """Each claim the student labelled (by a source mark in it, or as unsourced) is scored."""
    said: dict[tuple[int, int], str] = {}
    where: dict[tuple[int, int], tuple[int, int]] = {}
    for mark in marks:
        claim = _claim_of(key, mark.start)
        if claim is not None:
            said[(claim.start, claim.end)] = mark.label
            where[(claim.start, claim.end)] = (mark.start, mark.end)
    counts = result.counts_for(SOURCING)
    for claim in key.sentences:
        if claim.sourcing is None:
            continue
        text = " ".join(key.text[claim.start : claim.end].split())
        label = said.get((claim.start, claim.end))
        gold = claim.sourcing
        advice = source_advice(gold)
        start, end = where.get((claim.start, claim.end), (claim.start, claim.end))
        if label == gold:
            counts.tp += 1
            result.findings.append(
                Finding("hit", SOURCING, text, f"{advice.label}: {advice.why}", start, end)
            )
        elif label is None:
            counts.fn += 1
            result.findings.append(
                Finding("miss", SOURCING, text, f"{advice.label}: {advice.why}", start, end)
            )
        else:
            counts.fp += 1
            counts.fn += 1
            result.findings.append(
                Finding(
                    "wrong label",
                    SOURCING,
                    text,
                    f"It is {advice.label.lower()}: {advice.why}",
                    start,
                    end,
                )
            )


HEDGE_CATEGORIES = tuple(c.value for c in HedgeCategory)


def hedge_name(category: str) -> str:
    """The legend's name of a hedge kind: "Reportative hedge", "Approximate figure"."""
    return STYLE_SPECS[category].label


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def hedge_words(result: PracticeResult) -> str:
    """ "You found 3 of the 4 hedges; 1 of your marks is not a hedge." """
    found = sum(result.counts.get(c, Counts()).tp for c in HEDGE_CATEGORIES)
    to_find = found + sum(result.counts.get(c, Counts()).fn for c in HEDGE_CATEGORIES)
    extra = sum(result.counts.get(c, Counts()).fp for c in HEDGE_CATEGORIES)
    wrong = sum(1 for f in result.findings if f.outcome == "wrong label" and f.category != SOURCING)
    extra -= wrong  # a hedge given the wrong kind is not "not a hedge"
    if to_find == 0:
        head = "There was no hedge to find here"
    else:
        head = f"You found {found} of the {_n(to_find, 'hedge', 'hedges')}"
    tail = []
    if wrong:
        tail.append(
            f"{_n(wrong, 'of your marks is a hedge', 'of your marks are hedges')} of another kind"
        )
    if extra:
        tail.append(f"{_n(extra, 'of your marks is', 'of your marks are')} not a hedge")
    return head + ("; " + "; ".join(tail) if tail else "") + "."


def claim_words(result: PracticeResult) -> str:
    """ "You sourced 2 of the 5 claims as the key does; 1 you labelled differently." """
    counts = result.counts.get(SOURCING, Counts())
    claims = counts.tp + counts.fn
    if claims == 0:
        return "There was no claim to label here."
    wrong = sum(1 for f in result.findings if f.outcome == "wrong label" and f.category == SOURCING)
    out = f"You labelled {counts.tp} of the {_n(claims, 'claim', 'claims')} as the key does"
    return out + (f"; {wrong} you labelled differently." if wrong else ".")


def kind_words(result: PracticeResult, category: str) -> str:
    """One kind in words: "found 1 of 2, 1 extra", or "nothing to find here"."""
    counts = result.counts.get(category, Counts())
    to_find = counts.tp + counts.fn
    if to_find == 0:
        text = "nothing to find here"
        return text + (f"; {_n(counts.fp, 'mark', 'marks')} of yours" if counts.fp else "")
    text = f"found {counts.tp} of {to_find}"
    return text + (f", {counts.fp} extra" if counts.fp else "")
