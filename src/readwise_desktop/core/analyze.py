"""Text in, :class:`Analysis` out: the one entry point the CLI, the window and exports use.

Long texts are cut at paragraph boundaries and parsed chunk by chunk (``nlp.pipe``), so progress
can be reported and a cancel honoured between chunks; the chunks are joined back into one ``Doc``
before the readwise components run, so coreference and carry-over see the whole article.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Doc

from readwise_desktop.core.components import DocResult
from readwise_desktop.core.layout import detect_layout, paragraphs
from readwise_desktop.core.model import Analysis
from readwise_desktop.core.pipeline import READWISE_PIPES, LoadedPipeline

CHUNK_CHARS = 20_000
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class AnalysisCancelled(Exception):
    """Raised between chunks when the caller asked to stop."""


def normalise_text(text: str) -> str:
    """The text that is analysed: newlines unified, BOM and NUL removed. Offsets point into it."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "").replace("\x00", "")


def analyze_text(
    pipeline: LoadedPipeline,
    text: str,
    *,
    file: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Analysis:
    text = normalise_text(text)
    doc = _parse(pipeline, text, progress, cancelled)
    result: DocResult = doc._.readwise
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
    )


def _parse(
    pipeline: LoadedPipeline, text: str, progress: Progress | None, cancelled: Cancelled | None
) -> Doc:
    nlp = pipeline.nlp
    chunks = list(chunk_text(text))
    total = len(chunks)
    parts: list[Doc] = []
    # batch_size=1: each chunk comes back as soon as it is parsed, for progress and cancel.
    docs = nlp.pipe(chunks, batch_size=1, disable=list(READWISE_PIPES))
    for done, doc in enumerate(docs, start=1):
        if cancelled is not None and cancelled():
            raise AnalysisCancelled
        parts.append(doc)
        if progress is not None:
            progress(done, total + 1)
    if len(parts) > 1:
        # spaCy's stub lacks ``exclude``; the runtime has had it since 3.3.
        merge = Doc.from_docs
        doc = merge(parts, ensure_whitespace=False, exclude=["user_data", "tensor"])  # type: ignore[call-arg]
    else:
        doc = parts[0] if parts else nlp.make_doc(text)
    doc._.rw_layout = detect_layout(text)
    for name in READWISE_PIPES:
        doc = nlp.get_pipe(name)(doc)
    if progress is not None:
        progress(total + 1, total + 1)
    return doc


def chunk_text(text: str, size: int = CHUNK_CHARS) -> Iterator[str]:
    """Consecutive pieces of ``text`` that join back to it exactly, cut only between paragraphs."""
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
