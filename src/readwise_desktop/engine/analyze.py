"""Text in, :class:`Analysis` out: the one entry point the CLI, the window and exports use.

Long texts are cut at paragraph boundaries and parsed chunk by chunk (``nlp.pipe``), so progress
can be reported and a cancel honoured between chunks; a paragraph longer than a chunk is cut at
sentence ends, then at a word, so no parse holds more than a chunk. A run of punctuation without
a space (``(`` × 20,000: quadratic in spaCy's tokenizer) is tokenised in short pieces. Hedges
and attributions are found per chunk (named mentions carry over for coreference); claims and
carry-over are computed on the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from itertools import accumulate
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from readwise_desktop.engine.attribution.sources import Mention
from readwise_desktop.engine.components import (
    AttributionComponent,
    ChunkParts,
    DocResult,
    HedgeComponent,
    mark_sentence_starts,
    result_from_parts,
)
from readwise_desktop.engine.hedges.finder import HEDGE_SPANS
from readwise_desktop.engine.pipeline import LAYOUT_PIPE, READWISE_PIPES, LoadedPipeline
from readwise_desktop.engine.results import Analysis, AnalysisCancelled
from readwise_desktop.engine.text.layout import paragraphs
from readwise_desktop.engine.text.structure import KnownLayout, TextStructure

# Some spaCy steps hold the GIL for a whole chunk (the attribute ruler's matcher: 170-185 ms on
# a 20,000-character chunk on a slow day here), and the window's thread waits that long. At 4,000
# characters the longest such wait measured 39 ms; the accuracy is the same.
CHUNK_CHARS = 4_000
# spaCy's tokenizer strips prefixes and suffixes one at a time, each time on the rest of the run:
# 1,000 '(' take 70 ms, 3,000 take 600 ms. Runs this long are tokenised in pieces this long.
PUNCTUATION_RUN = re.compile(r"[^\w\s]{200,}")
RUN_PIECE = 200
SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+")
WORD_END = re.compile(r"\s+")
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


_SURROGATE = re.compile("[\ud800-\udfff]")


def normalise_text(text: str) -> str:
    """The text that is analysed: newlines unified, BOM and NUL removed, a lone surrogate (no
    character: it cannot even be written as UTF-8) replaced by U+FFFD. Offsets point into it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "").replace("\x00", "")
    return _SURROGATE.sub("\ufffd", text)


def analyze_text(
    pipeline: LoadedPipeline,
    text: str,
    *,
    file: str | None = None,
    metadata: dict[str, Any] | None = None,
    known: KnownLayout | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Analysis:
    """The analysis of ``text``; ``known``: the headline, byline and dateline its importer read."""
    text = normalise_text(text)
    result = _parse(pipeline, text, TextStructure.of(text, known), progress, cancelled)
    return Analysis(
        text=text,
        pipeline=pipeline.name,
        reduced_accuracy=pipeline.reduced_accuracy,
        layout=result.layout,
        sentences=result.sentences,
        hedges=result.hedges,
        attributions=result.attributions,
        summary=result.summary,
        file=file,
        metadata=dict(metadata or {}),
    )


def _parse(
    pipeline: LoadedPipeline,
    text: str,
    structure: TextStructure,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> DocResult:
    """Parse chunk by chunk and find hedges and attributions in each; claims over the whole.

    The named mentions of earlier chunks are carried to later ones, so a pronoun or a title
    resolves across a chunk boundary. No chunk Docs are merged: merging holds the GIL for a
    long time on a long text, which would stall the window's thread.
    """
    nlp = pipeline.nlp
    hedges, attributions = nlp.get_pipe("readwise_hedges"), nlp.get_pipe("readwise_attributions")
    assert isinstance(hedges, HedgeComponent) and isinstance(attributions, AttributionComponent)
    chunks = list(chunk_text(text))
    starts = list(accumulate((len(c) for c in chunks[:-1]), initial=0))
    total = len(chunks) + 1
    parts: list[ChunkParts] = []
    prior: list[Mention] = []
    prepared = (_prepared(nlp, c, at, structure) for c, at in zip(chunks, starts, strict=True))
    # batch_size=1: each chunk comes back as soon as it is parsed, for progress and cancel.
    docs = nlp.pipe(prepared, batch_size=1, disable=[LAYOUT_PIPE, *READWISE_PIPES])
    for done, (at, doc) in enumerate(zip(starts, docs, strict=True), start=1):
        if cancelled is not None and cancelled():
            raise AnalysisCancelled
        doc.spans[HEDGE_SPANS] = hedges.finder.spans(doc)
        quotes = structure.quotes_in(at, at + len(doc.text))
        furniture = structure.furniture_in(at, at + len(doc.text))
        found, prior = attributions.find(doc, quotes, prior, furniture)
        parts.append(ChunkParts.of(doc, found, hedges.values(doc)).shifted(at))
        if progress is not None:
            progress(done, total)
    result = result_from_parts(text, structure, parts)
    if progress is not None:
        progress(total, total)
    return result


def _prepared(nlp: Language, chunk: str, at: int, structure: TextStructure) -> Doc:
    """The chunk's tokens with its paragraph and dateline sentence starts, ready to parse."""
    end = structure.dateline_end()
    inside = end is not None and at < end <= at + len(chunk)
    return mark_sentence_starts(
        make_doc(nlp, chunk), end - at if end is not None and inside else None
    )


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc``, with each long run of punctuation tokenised in pieces of its own."""
    runs = list(PUNCTUATION_RUN.finditer(text))
    if not runs:
        return nlp.make_doc(text)
    pieces, at = [], 0
    for run in runs:
        pieces.append(text[at : run.start()])
        pieces += [
            text[i : min(i + RUN_PIECE, run.end())]
            for i in range(run.start(), run.end(), RUN_PIECE)
        ]
        at = run.end()
    pieces.append(text[at:])
    return Doc.from_docs([nlp.make_doc(p) for p in pieces if p], ensure_whitespace=False)


def chunk_text(text: str, size: int = CHUNK_CHARS) -> Iterator[str]:
    """Consecutive pieces of ``text`` that join back to it exactly, cut between paragraphs; a
    paragraph longer than ``size`` is cut at its sentence ends, then at a word, then anywhere."""
    for piece in _paragraph_chunks(text, size):
        if len(piece) <= size:
            yield piece
        else:
            yield from _cut_long_paragraphs(piece, size)


def _paragraph_chunks(text: str, size: int) -> Iterator[str]:
    if len(text) <= size:
        yield text
        return
    start = 0
    cut = 0
    for para_start, _ in paragraphs(text):
        if para_start - start > size and cut > start:
            yield text[start:cut]
            start = cut
        cut = para_start
    if len(text) - start > size and cut > start:
        yield text[start:cut]
        start = cut
    yield text[start:]


def _cut_long_paragraphs(piece: str, size: int) -> Iterator[str]:
    """The piece as it is around its paragraphs of at most ``size``; longer ones in parts."""
    at = 0
    for start, end in paragraphs(piece):
        if end - start <= size:
            continue
        if start > at:
            yield piece[at:start]
        while end - start > size:
            cut = _cut_point(piece, start, size)
            yield piece[start:cut]
            start = cut
        at = start
    if at < len(piece):
        yield piece[at:]


def _cut_point(text: str, start: int, size: int) -> int:
    """Where to end a part of a long paragraph that begins at ``start``: after the last sentence
    end in reach, else after the last space, else at ``size`` characters."""
    window = text[start : start + size]
    for pattern in (SENTENCE_END, WORD_END):
        ends = [m.end() for m in pattern.finditer(window) if m.end() > size // 4]
        if ends:
            return start + ends[-1]
    return start + size
