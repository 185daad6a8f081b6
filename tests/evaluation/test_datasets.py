"""PolNeAR and CoNLL-2010 readers and scorers on small records written here (no shared data)."""

from __future__ import annotations

import json
from pathlib import Path

from readwise_desktop.engine.analyze import analyze_text
from readwise_desktop.engine.pipeline import LoadedPipeline
from readwise_desktop.evaluation import conll2010, polnear

TEXT = "The senator said the bill would pass. Critics disagree."


def test_polnear_record_scores_cue_and_source(pipeline: LoadedPipeline) -> None:
    record = {
        "id": "d1",
        "text": TEXT,
        "spans": [
            {"id": "T1", "label": "Source", "start": 0, "end": 11, "text": "The senator"},
            {"id": "T2", "label": "Cue", "start": 12, "end": 16, "text": "said"},
            {"id": "T3", "label": "Content", "start": 17, "end": 36, "text": "the bill would pass"},
        ],
    }
    doc = polnear.polnear_doc(record)
    scores = polnear.PolnearScores()
    polnear.score_document(doc, analyze_text(pipeline, doc.text), scores)
    assert scores.counts_for("cue", "exact").tp == 1
    assert scores.counts_for("source", "exact").tp == 1
    assert scores.counts_for("cue", "exact").fn == 0


def test_polnear_reader_limits(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    record = {"id": "x", "text": "a", "spans": []}
    path.write_text("\n".join(json.dumps({**record, "id": str(i)}) for i in range(5)) + "\n")
    assert [d.id for d in polnear.read_polnear(path, limit=2)] == ["0", "1"]


def test_conll_sentence_is_uncertain_by_hedge_or_weasel(pipeline: LoadedPipeline) -> None:
    records = [
        {"doc_id": "w", "text": "Wiki page", "conll2010_label": None, "cues": []},
        {
            "doc_id": "w",
            "text": "The river may flood.",
            "conll2010_label": "uncertain",
            "cues": [{"start": 10, "end": 13}],
        },
        {
            "doc_id": "w",
            "text": "Critics say the dam is unsafe.",
            "conll2010_label": "uncertain",
            "cues": [],
        },
        {
            "doc_id": "w",
            "text": "The dam was built in 1950.",
            "conll2010_label": "certain",
            "cues": [],
        },
    ]
    doc = conll2010.wiki_doc("w", records)
    assert doc.text[doc.sentences[1].cues[0][0] : doc.sentences[1].cues[0][1]] == "may"
    scores = conll2010.UncertaintyScores()
    conll2010.score_document(doc, analyze_text(pipeline, doc.text), scores)
    assert (scores.sentences.tp, scores.sentences.fp, scores.sentences.fn) == (2, 0, 0)
    assert scores.cues.tp == 1


def test_conll_split_is_stable_and_halves_the_documents() -> None:
    ids = [f"doc {n}" for n in range(400)]
    splits = [conll2010.split_of(i) for i in ids]
    assert splits == [conll2010.split_of(i) for i in ids]
    assert 150 < splits.count("dev") < 250
