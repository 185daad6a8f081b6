"""CoNLL-2010 Wikipedia (uncertain sentences) and Szeged WikiWeasel (uncertainty cue spans).

The shared file holds only the CoNLL-2010 *evaluation* documents, so it is split here, by a hash of
the document id, into a dev half (for tuning) and a test half (for reporting); ``all`` is both.
A sentence is predicted uncertain when the analysis finds a hedge in it, or an attribution whose
source is VAGUE or ANONYMOUS (Wikipedia's weasels: "some people say", "critics", "is widely
regarded"). Each document is analysed as one text, one sentence per paragraph.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any

from readwise_desktop.engine.results import Analysis, SourceType
from readwise_desktop.evaluation.scoring import Counts, GoldSpan, match_overlap

WEASEL_TYPES = frozenset({SourceType.VAGUE, SourceType.ANONYMOUS})
SPLITS = ("dev", "test", "all")


@dataclass(frozen=True, slots=True)
class WikiSentence:
    start: int
    end: int
    label: str | None  # CoNLL-2010: "uncertain", "certain" or None (not scored)
    cues: tuple[tuple[int, int], ...]  # Szeged cue spans, offsets into the document text


@dataclass(frozen=True, slots=True)
class WikiDoc:
    id: str
    text: str
    sentences: tuple[WikiSentence, ...]


@dataclass(slots=True)
class UncertaintyScores:
    documents: int = 0
    sentences: Counts = field(default_factory=Counts)
    sentences_no_numbers: Counts = field(default_factory=Counts)  # numeric approximators left out
    cues: Counts = field(default_factory=Counts)
    false_alarms: list[tuple[str, str, str]] = field(default_factory=list)  # rule, doc, sentence
    misses: list[tuple[str, str]] = field(default_factory=list)  # doc, sentence


def split_of(doc_id: str) -> str:
    """dev or test, stable for a document id."""
    return "dev" if hashlib.sha1(doc_id.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def read_wiki(path: Path, split: str = "test", limit: int | None = None) -> Iterator[WikiDoc]:
    with path.open(encoding="utf-8") as handle:
        records = (json.loads(line) for line in handle if line.strip())
        count = 0
        for doc_id, group in groupby(records, key=lambda r: r["doc_id"]):
            if split != "all" and split_of(doc_id) != split:
                continue
            if limit is not None and count >= limit:
                return
            count += 1
            yield wiki_doc(doc_id, list(group))


def wiki_doc(doc_id: str, records: list[dict[str, Any]]) -> WikiDoc:
    parts: list[str] = []
    sentences = []
    offset = 0
    for record in records:
        text = " ".join(record["text"].split("\n"))
        cues = tuple((offset + c["start"], offset + c["end"]) for c in record.get("cues", []))
        sentences.append(WikiSentence(offset, offset + len(text), record["conll2010_label"], cues))
        parts.append(text)
        offset += len(text) + 2
    return WikiDoc(doc_id, "\n\n".join(parts), tuple(sentences))


NUMERIC_APPROXIMATORS = frozenset(
    {
        "hedge.approximator.nearly",
        "hedge.approximator.about",
        "hedge.approximator.an_estimated",
        "hedge.approximator.up_to",
        "hedge.approximator.at_least",
    }
)


def uncertainty_rules(analysis: Analysis, start: int, end: int) -> list[str]:
    """The rule ids that make the text between ``start`` and ``end`` uncertain."""
    rules = [h.rule_id for h in analysis.hedges if start <= h.start < end]
    rules += [
        a.rule_id
        for a in analysis.attributions
        if a.source_type in WEASEL_TYPES and start <= a.cue.start < end
    ]
    return rules


def score_document(doc: WikiDoc, analysis: Analysis, scores: UncertaintyScores) -> None:
    scores.documents += 1
    for sentence in doc.sentences:
        text = doc.text[sentence.start : sentence.end]
        if sentence.label is None:
            continue
        fired = uncertainty_rules(analysis, sentence.start, sentence.end)
        gold = sentence.label == "uncertain"
        _count(scores.sentences_no_numbers, bool(set(fired) - NUMERIC_APPROXIMATORS), gold)
        _count(scores.sentences, bool(fired), gold)
        if fired and not gold:
            scores.false_alarms.extend((rule, doc.id, text) for rule in sorted(set(fired)))
        elif gold and not fired:
            scores.misses.append((doc.id, text))
    gold_cues = [GoldSpan((cue,)) for s in doc.sentences for cue in s.cues]
    predicted = [(h.start, h.end) for h in analysis.hedges]
    scores.cues.add(match_overlap(predicted, gold_cues).counts)


def _count(counts: Counts, predicted: bool, gold: bool) -> None:
    counts.tp += predicted and gold
    counts.fp += predicted and not gold
    counts.fn += gold and not predicted
