"""The shipped learned attribution tagger: its files, its metadata and what it finds.

The models are read from the package data, as the app reads them; nothing here trains.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from readwise_desktop.engine.learned import (
    FEATURE_SET,
    FEATURE_VERSION,
    METADATA_FILE,
    MODEL_FILE,
    SOURCE_MODEL_FILE,
    AttributionTagger,
    ModelMismatch,
    TaggedSpan,
    char_ranges,
    merge_with_rules,
)
from readwise_desktop.engine.learned.features import doc_features, sentences
from readwise_desktop.engine.learned.tagger import spans_from_tags
from readwise_desktop.engine.pipeline import LoadedPipeline
from readwise_desktop.packaged import packaged

MAX_BYTES = 25_000_000
SENTENCE = "The minister told reporters on Tuesday that the bridge would reopen."


@pytest.fixture(scope="module")
def metadata() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(packaged("models", METADATA_FILE).read_text("utf-8"))
    return loaded


@pytest.fixture(scope="module")
def tagger(metadata: dict[str, Any]) -> AttributionTagger:
    return AttributionTagger(packaged("models", MODEL_FILE).read_bytes(), metadata)


def test_metadata_matches_the_code(metadata: dict[str, Any]) -> None:
    assert metadata["features"] == {"name": FEATURE_SET, "version": FEATURE_VERSION}
    assert "PolNeAR" in metadata["trained_on"] and "train split" in metadata["trained_on"]
    assert metadata["limit"] is None, "a quick-check model (limit) must not ship"
    assert {"dev", "test"} <= set(metadata["scores"])


def test_the_model_file_is_small_enough(metadata: dict[str, Any]) -> None:
    assert metadata["files"] == {"crf": MODEL_FILE}
    assert len(packaged("models", MODEL_FILE).read_bytes()) <= MAX_BYTES
    assert not packaged("models", SOURCE_MODEL_FILE).is_file()


def test_a_model_of_another_feature_version_is_refused(metadata: dict[str, Any]) -> None:
    other = {**metadata, "features": {"name": FEATURE_SET, "version": "0"}}
    with pytest.raises(ModelMismatch):
        AttributionTagger(packaged("models", MODEL_FILE).read_bytes(), other)


def test_tags_cue_and_source(tagger: AttributionTagger, pipeline: LoadedPipeline) -> None:
    doc = pipeline.nlp(SENTENCE)
    spans = tagger.tag(doc)
    cues = [doc[s.start : s.end].text for s in spans if s.role == "cue"]
    sources = [doc[s.start : s.end].text for s in spans if s.role == "source"]
    assert any(c.split()[0] == "told" for c in cues), spans
    assert sources == ["The minister"], spans
    assert char_ranges(doc, spans, "source", at=100) == [(100, 112)]


def test_the_cascade_path_takes_its_sources_from_the_second_model(
    metadata: dict[str, Any], pipeline: LoadedPipeline
) -> None:
    # No source model ships; the shipped CRF stands in for one (crfsuite ignores the extra
    # cue features it never saw), which exercises the cascade's plumbing.
    model = packaged("models", MODEL_FILE).read_bytes()
    cascade = AttributionTagger(model, metadata, model)
    doc = pipeline.nlp(SENTENCE)
    assert cascade.cascade
    spans = cascade.tag(doc)
    assert [doc[s.start : s.end].text for s in spans if s.role == "source"] == ["The minister"]
    assert sum(s.role == "cue" for s in spans) == 1


def test_features_cover_every_sequence_token(
    tagger: AttributionTagger, pipeline: LoadedPipeline
) -> None:
    doc = pipeline.nlp("“We will rebuild,” she said.\n\nOfficials  declined to comment.")
    feats = doc_features(doc, tagger.lexicon)
    assert [len(f) for f in feats] == [len(s) for s in sentences(doc)]
    assert all(f and all(isinstance(x, str) for x in f) for seq in feats for f in seq)
    assert feats == doc_features(doc, tagger.lexicon)  # a pure function


# Computed with the features the shipped model was trained on; any change here means retraining
# and a new FEATURE_VERSION.
PINNED_TOLD = [
    "bias", "para_start=1", "sent_quote=0", "sent_rv=1", "quoted_start=0", "root=tell",
    "suf=old", "pre=tol", "d|hl=ROOT|tell", "d|hp=ROOT|VERB", "l|d=tell|ROOT",
    "child=ccomp", "child=nsubj", "l|clause=tell|1", "l|subj=tell|1",
    "w=told", "l=tell", "p=VERB", "t=VBD", "d=ROOT", "s=x", "e=O", "rv=1", "sn=0",
    "hl=tell", "hp=VERB", "va=ROOT|none", "ra=", "path=",
    "q=0", "pos_from_start=2", "pos_from_end=6-10",
    "-2:w=the", "-2:p=DET", "-2:rv=0",
    "-1:w=minister", "-1:p=NOUN", "-1:rv=0", "-1:d=nsubj", "-1:e=O", "-1:va=nsubj|rv", "-1:q=0",
    "1:w=reporters", "1:p=NOUN", "1:rv=0", "1:d=dobj", "1:e=O", "1:va=dobj|rv", "1:q=0",
    "2:w=on", "2:p=ADP", "2:rv=0",
    "w-1|w=minister|told", "w|w+1=told|reporters",
]  # fmt: skip
PINNED_BRIDGE = [
    "bias", "para_start=1", "sent_quote=0", "sent_rv=1", "quoted_start=0", "root=tell",
    "suf=dge", "pre=bri", "d|hl=nsubj|reopen", "d|hp=nsubj|VERB", "l|d=bridge|nsubj",
    "w=bridge", "l=bridge", "p=NOUN", "t=NN", "d=nsubj", "s=x", "e=O", "rv=0", "sn=0",
    "hl=reopen", "hp=VERB", "va=nsubj|v", "ra=ccomp", "path=nsubj",
    "anyv=reopen", "arc|anyv=nsubj|reopen", "vclause=0", "arc|vclause=nsubj|0",
    "q=0", "pos_from_start=6-10", "pos_from_end=3-5",
    "-2:w=that", "-2:p=SCONJ", "-2:rv=0",
    "-1:w=the", "-1:p=DET", "-1:rv=0", "-1:d=det", "-1:e=O", "-1:va=nsubj|v", "-1:q=0",
    "1:w=would", "1:p=AUX", "1:rv=0", "1:d=aux", "1:e=O", "1:va=aux|v", "1:q=0",
    "2:w=reopen", "2:p=VERB", "2:rv=0",
    "w-1|w=the|bridge", "w|w+1=bridge|would",
]  # fmt: skip


def test_the_feature_strings_are_pinned(
    tagger: AttributionTagger, pipeline: LoadedPipeline
) -> None:
    doc = pipeline.nlp(SENTENCE)
    (feats,) = doc_features(doc, tagger.lexicon)
    assert [len(f) for f in feats] == [46, 53, 54, 55, 55, 55, 54, 54, 54, 56, 56, 46]
    assert feats[2] == PINNED_TOLD
    assert feats[8] == PINNED_BRIDGE
    assert feats[0][-14:-11] == ["pos_from_end=11+", "-2:edge", "-1:edge"]
    assert feats[0][-1] == "w|w+1=the|minister"
    assert feats[-1][-3:] == ["1:edge", "2:edge", "w-1|w=reopen|."]


def test_bio_tags_become_spans(pipeline: LoadedPipeline) -> None:
    doc = pipeline.nlp.make_doc("Aides to the mayor said on Monday")
    tags = ["B-SRC", "I-SRC", "I-SRC", "I-SRC", "B-CUE", "O", "I-CUE"]
    assert spans_from_tags([t.i for t in doc], tags) == [
        TaggedSpan("source", 0, 4),
        TaggedSpan("cue", 4, 5),
        TaggedSpan("cue", 6, 7),
    ]


def test_hybrid_adds_rule_spans_only_where_the_model_found_none_of_that_role() -> None:
    sentences_at = [(0, 50), (51, 100), (101, 150)]
    model = {"source": [(0, 10)], "cue": [(11, 15), (111, 115)]}
    rules = {"source": [(0, 12), (51, 60), (101, 110)], "cue": [(11, 16), (61, 65), (112, 115)]}
    merged = merge_with_rules(model, rules, sentences_at)
    assert merged == {
        "source": [(0, 10), (51, 60), (101, 110)],
        "cue": [(11, 15), (111, 115), (61, 65)],
    }
