"""Frozen values that cross layers and threads: no spaCy object ever leaves the engine.

Every span is a pair of character offsets into :attr:`Analysis.text` (end exclusive), and
``text[start:end]`` is always the span's ``text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

SCHEMA = "readwise-desktop/analysis/1"


class HedgeCategory(StrEnum):
    REPORTATIVE = "REPORTATIVE"
    MODAL = "MODAL"
    SPECULATIVE = "SPECULATIVE"
    PROBABILITY = "PROBABILITY"
    APPROXIMATOR = "APPROXIMATOR"


class SourceType(StrEnum):
    """Attribution source types, most specific first (the claim precedence order)."""

    NAMED_PERSON = "NAMED_PERSON"
    NAMED_ORGANISATION = "NAMED_ORGANISATION"
    DOCUMENT = "DOCUMENT"
    UNNAMED_OFFICIAL = "UNNAMED_OFFICIAL"
    ANONYMOUS = "ANONYMOUS"
    VAGUE = "VAGUE"

    @property
    def precedence(self) -> int:
        return _PRECEDENCE[self]

    @property
    def group(self) -> str:
        return "named" if self.precedence <= 2 else "unnamed"


_PRECEDENCE = {kind: rank for rank, kind in enumerate(SourceType)}


class Stance(StrEnum):
    NEUTRAL = "NEUTRAL"
    DISTANCING = "DISTANCING"
    ENDORSING = "ENDORSING"


UNSOURCED = "UNSOURCED"
SOURCING_LABELS: tuple[str, ...] = (*(t.value for t in SourceType), UNSOURCED)
GROUPS: tuple[str, ...] = ("named", "unnamed", "unsourced")


def group_of(label: str) -> str:
    """The summary group (named, unnamed, unsourced) of a sourcing label."""
    return _GROUP_OF[label]


_GROUP_OF = {**{kind.value: kind.group for kind in SourceType}, UNSOURCED: "unsourced"}


class SentenceRole(StrEnum):
    HEADLINE = "headline"
    BYLINE = "byline"
    DATELINE = "dateline"
    NOTE = "note"  # editorial furniture: a date alone, "Correction appended", "Sources"
    BODY = "body"


@dataclass(frozen=True, slots=True)
class TextSpan:
    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Hedge:
    start: int
    end: int
    text: str
    category: HedgeCategory
    rule_id: str
    explanation: str

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "category": self.category.value,
            "rule_id": self.rule_id,
            "explanation": self.explanation,
        }


@dataclass(frozen=True, slots=True)
class Attribution:
    cue: TextSpan
    source: TextSpan | None
    source_type: SourceType
    source_name: str | None
    stance: Stance
    content: tuple[int, int]
    sentences: tuple[int, ...]
    rule_id: str
    explanation: str
    second_hand: bool = False  # "Elena Morris reportedly told": her words, as reported

    @property
    def display_source(self) -> str:
        """What a reader calls this source: the resolved name or the span, "(reported)" when it
        comes second-hand; an agentless report ("reportedly") names no one, and no hedge word
        is ever shown as a source."""
        if self.source_name or self.source is not None:
            name = self.source_name or (self.source.text if self.source else "")
            return f"{name} (reported)" if self.second_hand else name
        return AGENTLESS.get(self.source_type, "an unnamed source")

    def to_json(self) -> dict[str, Any]:
        return {
            "cue": self.cue.to_json(),
            "source": self.source.to_json() if self.source else None,
            "source_type": self.source_type.value,
            "source_name": self.source_name,
            "stance": self.stance.value,
            "content": {"start": self.content[0], "end": self.content[1]},
            "sentences": list(self.sentences),
            "rule_id": self.rule_id,
            "explanation": self.explanation,
            "second_hand": self.second_hand,
        }


AGENTLESS = {
    SourceType.VAGUE: "unnamed reports",
    SourceType.ANONYMOUS: "anonymous sources",
    SourceType.UNNAMED_OFFICIAL: "unnamed officials",
    SourceType.DOCUMENT: "an unnamed document",
}


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    role: SentenceRole
    sourcing: str | None
    attribution: int | None
    hedges: tuple[int, ...]
    reviewed: str | None = None  # what the reader said of this claim, if anything

    @property
    def is_claim(self) -> bool:
        return self.role is SentenceRole.BODY

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "is_claim": self.is_claim,
            "role": self.role.value,
            "sourcing": self.sourcing,
            "attribution": self.attribution,
            "hedges": list(self.hedges),
        }
        if self.reviewed:
            out["reviewed"] = self.reviewed
        return out


@dataclass(frozen=True, slots=True)
class SourceCount:
    name: str
    type: SourceType
    claims: int

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type.value, "claims": self.claims}


@dataclass(frozen=True, slots=True)
class Summary:
    claims: int
    by_sourcing: dict[str, int]
    by_group: dict[str, int]
    hedges_by_category: dict[str, int]
    sources: tuple[SourceCount, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "claims": self.claims,
            "by_sourcing": dict(self.by_sourcing),
            "by_group": dict(self.by_group),
            "hedges_by_category": dict(self.hedges_by_category),
            "sources": [s.to_json() for s in self.sources],
        }


@dataclass(frozen=True, slots=True)
class Layout:
    """Where the article's furniture is: headline, byline and dateline, with wire metadata."""

    title: TextSpan | None = None
    byline: TextSpan | None = None
    dateline: TextSpan | None = None
    agency: str | None = None
    place: str | None = None
    date: str | None = None

    def to_json(self) -> dict[str, Any]:
        def span(s: TextSpan | None) -> dict[str, Any] | None:
            return s.to_json() if s else None

        return {
            "title": span(self.title),
            "byline": span(self.byline),
            "dateline": span(self.dateline),
            "agency": self.agency,
            "place": self.place,
            "date": self.date,
        }


@dataclass(frozen=True, slots=True)
class Analysis:
    text: str
    pipeline: str
    reduced_accuracy: bool
    layout: Layout
    sentences: tuple[Sentence, ...]
    hedges: tuple[Hedge, ...]
    attributions: tuple[Attribution, ...]
    summary: Summary
    file: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def title(self) -> str | None:
        return self.layout.title.text if self.layout.title else None

    def claims(self) -> list[tuple[int, Sentence]]:
        return [(i, s) for i, s in enumerate(self.sentences) if s.is_claim]

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "file": self.file,
            "title": self.title,
            "text": self.text,
            "pipeline": self.pipeline,
            "reduced_accuracy": self.reduced_accuracy,
            "layout": self.layout.to_json(),
            "sentences": [s.to_json() for s in self.sentences],
            "hedges": [h.to_json() for h in self.hedges],
            "attributions": [a.to_json() for a in self.attributions],
            "summary": self.summary.to_json(),
            "metadata": dict(self.metadata),
        }


class AnalysisCancelled(Exception):
    """Raised between chunks when the caller asked to stop (a newer request came)."""
