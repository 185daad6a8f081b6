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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from readwise_desktop.engine.attribution.sources import Mention
from readwise_desktop.engine.components import (
    AttributionComponent,
    ChunkParts,
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
# Chunks parsed together by analyze_texts (the terminal): the model's matrices are then larger
# and its per-call overhead shared; the window parses one at a time (analyze_text's default).
BATCH_SIZE = 16
OFF_PIPES = [LAYOUT_PIPE, *READWISE_PIPES]  # run by hand, per chunk, below
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


@dataclass(frozen=True, slots=True)
class TextInput:
    """One text to analyse, with what :func:`analyze_text` takes beside it."""

    text: str
    file: str | None = None
    metadata: dict[str, Any] | None = None
    known: KnownLayout | None = None


def analyze_text(
    pipeline: LoadedPipeline,
    text: str,
    *,
    file: str | None = None,
    metadata: dict[str, Any] | None = None,
    known: KnownLayout | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    batch_size: int = 1,
) -> Analysis:
    """The analysis of ``text``; ``known``: the headline, byline and dateline its importer read.

    ``batch_size``: chunks parsed together. 1 (the window) reports progress and honours a cancel
    after every chunk; more is faster on a long text (progress and cancel after each batch).
    """
    job = ChunkedAnalysis(pipeline, TextInput(text, file, metadata, known))
    docs = pipeline.nlp.pipe(job.prepared(), batch_size=batch_size, disable=OFF_PIPES)
    total = len(job.chunks) + 1
    for done, doc in enumerate(docs, start=1):
        if cancelled is not None and cancelled():
            raise AnalysisCancelled
        job.add(doc)
        if progress is not None:
            progress(done, total)
    analysis = job.analysis()
    if progress is not None:
        progress(total, total)
    return analysis


def analyze_texts(
    pipeline: LoadedPipeline, inputs: Iterable[TextInput], *, batch_size: int = BATCH_SIZE
) -> Iterator[Analysis]:
    """The analyses of ``inputs``, in order, the same as :func:`analyze_text` gives, with the
    chunks of consecutive texts parsed together in batches of ``batch_size`` (the terminal's
    way: no progress, no cancel)."""
    jobs = (ChunkedAnalysis(pipeline, item) for item in inputs)
    chunks = ((doc, job) for job in jobs for doc in job.prepared())
    for doc, job in pipeline.nlp.pipe(
        chunks, batch_size=batch_size, disable=OFF_PIPES, as_tuples=True
    ):
        job.add(doc)
        if job.complete:
            yield job.analysis()


class ChunkedAnalysis:
    """One text on its way through the parse: its chunks (:meth:`prepared`), what was found in
    those parsed so far (:meth:`add`, in order) and, once all are in, the :meth:`analysis`.

    Hedges, then attributions are found per chunk as it comes back from the parse; the named
    mentions of earlier chunks are carried to later ones, so a pronoun or a title resolves
    across a chunk boundary. No chunk Docs are merged: merging holds the GIL for a long time on
    a long text, which would stall the window's thread. Claims are computed over the whole.
    """

    def __init__(self, pipeline: LoadedPipeline, item: TextInput) -> None:
        self.pipeline, self.item = pipeline, item
        self.text = normalise_text(item.text)
        self.structure = TextStructure.of(self.text, item.known)
        self.chunks = list(chunk_text(self.text))
        self.starts = list(accumulate((len(c) for c in self.chunks[:-1]), initial=0))
        self.parts: list[ChunkParts] = []
        self.prior: list[Mention] = []
        hedges = pipeline.nlp.get_pipe("readwise_hedges")
        attributions = pipeline.nlp.get_pipe("readwise_attributions")
        assert isinstance(hedges, HedgeComponent) and isinstance(attributions, AttributionComponent)
        self.hedges, self.attributions = hedges, attributions

    def prepared(self) -> Iterator[Doc]:
        """The chunks' Docs, tokenised and given their sentence starts, ready to parse."""
        for chunk, at in zip(self.chunks, self.starts, strict=True):
            yield _prepared(self.pipeline.nlp, chunk, at, self.structure)

    @property
    def complete(self) -> bool:
        return len(self.parts) == len(self.chunks)

    def add(self, doc: Doc) -> None:
        """Find hedges and attributions in the next parsed chunk."""
        at = self.starts[len(self.parts)]
        doc.spans[HEDGE_SPANS] = self.hedges.finder.spans(doc)
        quotes = self.structure.quotes_in(at, at + len(doc.text))
        furniture = self.structure.furniture_in(at, at + len(doc.text))
        found, self.prior = self.attributions.find(doc, quotes, self.prior, furniture)
        self.parts.append(ChunkParts.of(doc, found, self.hedges.values(doc)).shifted(at))

    def analysis(self) -> Analysis:
        result = result_from_parts(self.text, self.structure, self.parts)
        return Analysis(
            text=self.text,
            pipeline=self.pipeline.name,
            reduced_accuracy=self.pipeline.reduced_accuracy,
            layout=result.layout,
            sentences=result.sentences,
            hedges=result.hedges,
            attributions=result.attributions,
            summary=result.summary,
            file=self.item.file,
            metadata=dict(self.item.metadata or {}),
        )


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
