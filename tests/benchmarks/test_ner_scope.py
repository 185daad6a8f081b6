"""Issue 20, point 6, a measurement: would running the entity recogniser only on the sentences
with attribution candidates keep the output? NER is the largest single cost of the parse.

Each PolNeAR dev article is analysed twice, in turns: as the app does, and with the recogniser
switched off in the parse, the attribution finder run once to find its candidates, the recogniser
run on each sentence holding a candidate's cue or source (as a Doc of its own), and the readwise
steps run again on the result. Printed: the articles whose analysis changes, the share of tokens
the recogniser still reads, and the CPU time of both ways.

Run: ``python -m pytest tests/benchmarks/test_ner_scope.py -m benchmark -s``
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from spacy.tokens import Doc, Span

from readwise_desktop.app.learned_model import with_learned_model
from readwise_desktop.engine.analyze import OFF_PIPES, ChunkedAnalysis, TextInput, analyze_text
from readwise_desktop.engine.components import AttributionComponent, HedgeComponent
from readwise_desktop.engine.hedges.finder import HEDGE_SPANS
from readwise_desktop.engine.pipeline import LoadedPipeline, load_pipeline
from readwise_desktop.engine.results import Analysis
from readwise_desktop.export import render


def candidate_sentences(pipeline: LoadedPipeline, doc: Doc) -> list[Span]:
    """The sentences holding the cue or the source of an attribution found without entities."""
    hedges = pipeline.nlp.get_pipe("readwise_hedges")
    attributions = pipeline.nlp.get_pipe("readwise_attributions")
    assert isinstance(hedges, HedgeComponent) and isinstance(attributions, AttributionComponent)
    doc.spans[HEDGE_SPANS] = hedges.finder.spans(doc)
    found, _ = attributions.find(doc, [])
    tokens = {i for f in found for rng in (f.cue, f.source) if rng for i in range(*rng)}
    return [s for s in doc.sents if any(s.start <= i < s.end for i in tokens)]


def recognise_in(pipeline: LoadedPipeline, doc: Doc, sentences: list[Span]) -> int:
    """Entities from the recogniser run on each sentence alone; the tokens it read."""
    ner = pipeline.nlp.get_pipe("ner")
    entities = []
    for sentence in sentences:
        alone = ner(sentence.as_doc())
        entities += [
            Span(doc, sentence.start + e.start, sentence.start + e.end, e.label) for e in alone.ents
        ]
    doc.set_ents(entities, default="outside")
    return sum(len(s) for s in sentences)


def analyse_with_sentence_ner(pipeline: LoadedPipeline, text: str) -> tuple[Analysis, int, int]:
    """The analysis with entities only in candidate sentences; tokens read by NER, of all."""
    job = ChunkedAnalysis(pipeline, TextInput(text))
    read = total = 0
    for doc in pipeline.nlp.pipe(job.prepared(), batch_size=1, disable=[*OFF_PIPES, "ner"]):
        read += recognise_in(pipeline, doc, candidate_sentences(pipeline, doc))
        total += len(doc)
        job.add(doc)
    return job.analysis(), read, total


def test_ner_on_candidate_sentences_only(shared: Path) -> None:
    path = shared / "data" / "polnear" / "polnear_dev.jsonl"
    if not path.is_file():
        pytest.skip("PolNeAR dev split not in ../shared")
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    pipeline = with_learned_model(load_pipeline(), ())
    changed, read, total, full_s, scoped_s = 0, 0, 0, 0.0, 0.0
    for text in texts:
        start = time.process_time()
        full = render(analyze_text(pipeline, text), "json")
        middle = time.process_time()
        scoped, r, t = analyse_with_sentence_ner(pipeline, text)
        scoped_s += time.process_time() - middle
        full_s += middle - start
        changed += render(scoped, "json") != full
        read, total = read + r, total + t
    print(
        f"\nNER on candidate sentences only, PolNeAR dev ({len(texts)} articles): "
        f"{changed} analyses change; NER reads {read:,} of {total:,} tokens "
        f"({100 * read / total:.0f} %); CPU {full_s:.1f} s as the app runs, "
        f"{scoped_s:.1f} s scoped ({scoped_s / full_s:.3f}x)"
    )
    assert 0 <= changed <= len(texts) and 0 < read <= total
