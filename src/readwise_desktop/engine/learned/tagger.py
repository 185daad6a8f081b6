"""Tag a parsed Doc with attribution sources, cues and contents, using a trained CRF.

The shipped model is one linear-chain CRF (python-crfsuite) that labels each sentence's tokens BIO
Source / Cue / Content. Optionally (the cascade measured against it, not shipped) a second model
sees the same features plus where each token sits relative to the first model's cues
(:func:`features.cue_features`) and gives the sources instead.

The caller reads the files and passes the model bytes and the metadata; the metadata's feature
set and version must be the code's. Spans are token ranges of the Doc, end-exclusive;
:func:`char_ranges` turns them into character offsets. :func:`merge_with_rules` is the hybrid
policy with the rules.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import pycrfsuite
from spacy.tokens import Doc

from readwise_desktop.engine.learned.features import (
    FEATURE_SET,
    FEATURE_VERSION,
    Lexicon,
    cue_features,
    featured_sequences,
)

ROLES = {"SRC": "source", "CUE": "cue", "CON": "content"}
MODEL_FILE = "attribution_crf.crfsuite"
SOURCE_MODEL_FILE = "attribution_crf_source.crfsuite"
METADATA_FILE = "attribution_crf.json"
Range = tuple[int, int]


class ModelMismatch(ValueError):
    """The model was trained with another feature set or version than this code computes."""


class TaggedSpan(NamedTuple):
    """A labelled token range of the Doc, end-exclusive: ``role`` is "source", "cue", "content"."""

    role: str
    start: int
    end: int


def spans_from_tags(seq: Sequence[int], tags: Sequence[str]) -> list[TaggedSpan]:
    """BIO tags of a sequence (its tokens' indices in the Doc) to token spans; an I- without its
    B- opens a span. A span runs on over the whitespace tokens the sequence leaves out ("Donald
    Trump")."""
    out: list[TaggedSpan] = []
    role, start, last = "", -1, -1
    for i, tag in zip(seq, tags, strict=True):
        prefix, _, label = tag.partition("-")
        current = ROLES.get(label, "")
        if role and (prefix != "I" or current != role):
            out.append(TaggedSpan(role, start, last + 1))
            role = ""
        if current and not role:
            role, start = current, i
        last = i
    if role:
        out.append(TaggedSpan(role, start, last + 1))
    return out


def char_ranges(doc: Doc, spans: Sequence[TaggedSpan], role: str, at: int = 0) -> list[Range]:
    """The character ranges of ``role``'s spans, shifted by ``at`` (the chunk's offset)."""
    out = []
    for span in spans:
        if span.role == role:
            first, last = doc[span.start], doc[span.end - 1]
            out.append((at + first.idx, at + last.idx + len(last.text)))
    return out


class AttributionTagger:
    """The loaded models; :meth:`tag` is safe to call from one thread at a time."""

    def __init__(
        self, model: bytes, metadata: Mapping[str, Any], source_model: bytes | None = None
    ) -> None:
        features = metadata.get("features", {})
        found = (features.get("name"), str(features.get("version")))
        if found != (FEATURE_SET, FEATURE_VERSION):
            raise ModelMismatch(
                f"model features {found[0]} {found[1]}, code {FEATURE_SET} {FEATURE_VERSION}"
            )
        lexicon = metadata.get("lexicon", {})
        self.lexicon = Lexicon.of(lexicon.get("verbs", ()), lexicon.get("nouns", ()))
        self.metadata = dict(metadata)
        # crfsuite reads the model from these bytes without copying them: keep them alive.
        self._bytes = (model, source_model)
        self._first = _open(model)
        self._second = _open(source_model) if source_model else None
        # Per cue of the last tag_sequences: the least sure of its tokens' marginals (read by
        # the attribution finder; one worker thread owns the pipeline, so this state is safe).
        self.confidence: dict[TaggedSpan, float] = {}

    @classmethod
    def from_folder(cls, folder: Path) -> AttributionTagger:
        """The models and metadata written by the training command into ``folder``."""
        metadata = json.loads((folder / METADATA_FILE).read_text(encoding="utf-8"))
        second = folder / SOURCE_MODEL_FILE
        return cls(
            (folder / MODEL_FILE).read_bytes(),
            metadata,
            second.read_bytes() if second.exists() else None,
        )

    @property
    def cascade(self) -> bool:
        return self._second is not None

    def tag(self, doc: Doc) -> list[TaggedSpan]:
        """Source, cue and content spans of ``doc`` (a parsed Doc), in text order."""
        out = [span for _, spans in self.tag_sequences(doc) for span in spans]
        return sorted(out, key=lambda s: (s.start, s.end, s.role))

    def tag_sequences(self, doc: Doc) -> list[tuple[list[int], list[TaggedSpan]]]:
        """Each sequence of :func:`features.sentences` (its token indices) with its spans."""
        self.confidence.clear()
        return [(seq, self._spans(doc, seq, f)) for seq, f in featured_sequences(doc, self.lexicon)]

    def _spans(self, doc: Doc, seq: list[int], feats: list[list[str]]) -> list[TaggedSpan]:
        tags = self._first.tag(feats)
        first = spans_from_tags(seq, tags)
        at = {i: k for k, i in enumerate(seq)}
        for s in first:
            if s.role == "cue":
                ks = [at[i] for i in range(s.start, s.end) if i in at]
                self.confidence[s] = min(self._first.marginal(tags[k], k) for k in ks)
        if self._second is None:
            return first
        cue_tokens = {i for s in first if s.role == "cue" for i in range(s.start, s.end)}
        extra = cue_features([doc[i] for i in seq], cue_tokens)
        second = self._second.tag([a + b for a, b in zip(feats, extra, strict=True)])
        sources = [s for s in spans_from_tags(seq, second) if s.role == "source"]
        return [s for s in first if s.role != "source"] + sources


def _open(model: bytes) -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(model)
    return tagger


def _overlaps(a: Range, b: Range) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def merge_with_rules(
    model: Mapping[str, Sequence[Range]],
    rules: Mapping[str, Sequence[Range]],
    sentence_ranges: Sequence[Range],
) -> dict[str, list[Range]]:
    """The hybrid chosen on dev, per role ("source", "cue"; character ranges): the model's spans,
    plus the rules' spans in every sentence where the model found no span of that role."""

    def sentence(span: Range) -> int:
        return next((k for k, s in enumerate(sentence_ranges) if _overlaps(span, s)), -1)

    out: dict[str, list[Range]] = {}
    for role in ("source", "cue"):
        found = list(model.get(role, ()))
        covered = {sentence(span) for span in found}
        out[role] = found + [s for s in rules.get(role, ()) if sentence(s) not in covered]
    return out
