"""Our own gold format, for teachers and newsrooms scoring the analysis on their own articles.

One JSON object per line, the shape of the analysis JSON's ``sentences`` and ``hedges``::

    {"id": "harbour-1", "text": "...",
     "sentences": [{"start": 0, "end": 52, "sourcing": "NAMED_PERSON"}, ...],
     "hedges": [{"start": 10, "end": 20, "category": "REPORTATIVE"}, ...]}

``sourcing`` is one of the seven labels of the taxonomy, or null for a headline, byline or dateline
(not a claim, not scored). A record may leave out ``text`` and give ``text_sha256`` instead: the
labels of an article that is not ours to commit, whose text is looked up by ``id`` among texts the
caller reads (``evaluate gold FILE --data DIR``: the Wikinews folder) and checked by its hash. Each
gold sentence takes the label of the predicted claim it overlaps most; a gold claim that overlaps no
predicted claim counts as UNSOURCED.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from readwise_desktop.engine.results import (
    GROUPS,
    SOURCING_LABELS,
    UNSOURCED,
    Analysis,
    HedgeCategory,
    group_of,
)
from readwise_desktop.evaluation.scoring import (
    Counts,
    GoldSpan,
    LabelScores,
    match_exact,
    match_overlap,
)


class GoldFormatError(ValueError):
    """A gold file that does not follow the format; the message names the line."""


@dataclass(frozen=True, slots=True)
class GoldSentence:
    start: int
    end: int
    sourcing: str | None


@dataclass(frozen=True, slots=True)
class GoldHedge:
    start: int
    end: int
    category: HedgeCategory


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str
    sentences: tuple[GoldSentence, ...]
    hedges: tuple[GoldHedge, ...]


@dataclass(slots=True)
class GoldScores:
    documents: int = 0
    labels: LabelScores = field(default_factory=lambda: LabelScores(SOURCING_LABELS))
    groups: LabelScores = field(default_factory=lambda: LabelScores(GROUPS))
    hedges_exact: Counts = field(default_factory=Counts)
    hedges_overlap: Counts = field(default_factory=Counts)
    hedges_category: Counts = field(default_factory=Counts)
    confusions: list[tuple[str, str, str, str]] = field(
        default_factory=list
    )  # id, gold, pred, text
    matrix: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gold, predicted)


Texts = Mapping[str, str]  # article id -> its text, for labels that hold no text


def read_gold(path: Path, texts: Texts | None = None) -> Iterator[GoldArticle]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield parse_gold(line, f"{path.name}:{number}", texts)


def parse_gold(line: str, where: str, texts: Texts | None = None) -> GoldArticle:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise GoldFormatError(f"{where}: not a gold article ({err})") from err
    return gold_from_record(record, where, texts)


def needs_texts(path: Path) -> bool:
    """Whether a gold file holds labels whose texts are elsewhere (``text_sha256``)."""
    with path.open(encoding="utf-8") as handle:
        return any('"text_sha256"' in line for line in handle)


def gold_from_record(record: Any, where: str, texts: Texts | None = None) -> GoldArticle:
    """A gold article from a decoded JSON object (a gold line, or an exercise file)."""
    try:
        text = record["text"] if "text" in record else _referenced_text(record, texts or {})
        sentences = tuple(_sentence(s, len(text)) for s in record.get("sentences", []))
        hedges = tuple(_hedge(h, len(text)) for h in record.get("hedges", []))
        return GoldArticle(str(record.get("id", where)), text, sentences, hedges)
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise GoldFormatError(f"{where}: not a gold article ({err})") from err


def _referenced_text(record: dict[str, Any], texts: Texts) -> str:
    key = str(record["id"])
    if key not in texts:
        raise ValueError(f"no text for article {key!r} (give --data DIR with its folder)")
    text = texts[key]
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != record["text_sha256"]:
        raise ValueError(f"the text of {key!r} is not the one these labels were made on")
    return text


def _offsets(record: dict[str, Any], length: int) -> tuple[int, int]:
    start, end = int(record["start"]), int(record["end"])
    if not 0 <= start < end <= length:
        raise ValueError(f"offsets {start}-{end} outside the text (length {length})")
    return start, end


def _sentence(record: dict[str, Any], length: int) -> GoldSentence:
    label = record.get("sourcing")
    if label is not None and label not in SOURCING_LABELS:
        raise ValueError(f"unknown sourcing label {label!r}")
    return GoldSentence(*_offsets(record, length), label)


def _hedge(record: dict[str, Any], length: int) -> GoldHedge:
    return GoldHedge(*_offsets(record, length), HedgeCategory(record["category"]))


def predicted_label(analysis: Analysis, start: int, end: int) -> str:
    best, label = 0, UNSOURCED
    for sentence in analysis.sentences:
        shared = min(end, sentence.end) - max(start, sentence.start)
        if sentence.is_claim and shared > best:
            best, label = shared, sentence.sourcing or UNSOURCED
    return label


def score_article(article: GoldArticle, analysis: Analysis, scores: GoldScores) -> None:
    scores.documents += 1
    for sentence in article.sentences:
        if sentence.sourcing is None:
            continue
        predicted = predicted_label(analysis, sentence.start, sentence.end)
        scores.labels.add(sentence.sourcing, predicted)
        scores.matrix[sentence.sourcing, predicted] += 1
        scores.groups.add(group_of(sentence.sourcing), group_of(predicted))
        if predicted != sentence.sourcing:
            text = article.text[sentence.start : sentence.end]
            scores.confusions.append((article.id, sentence.sourcing, predicted, text))
    gold = [GoldSpan(((h.start, h.end),)) for h in article.hedges]
    found = [(h.start, h.end) for h in analysis.hedges]
    scores.hedges_exact.add(match_exact(found, gold).counts)
    overlap = match_overlap(found, gold)
    scores.hedges_overlap.add(overlap.counts)
    same = sum(analysis.hedges[p].category is article.hedges[g].category for p, g in overlap.pairs)
    scores.hedges_category.add(Counts(same, len(found) - same, len(gold) - same))
