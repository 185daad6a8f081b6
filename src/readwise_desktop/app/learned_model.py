"""The shipped learned attribution model, read once and attached to a pipeline.

The model (``data/models/attribution_crf.crfsuite``, a CRF trained on PolNeAR's train split by
``readwise-desktop train attribution``) and its metadata are read through :mod:`packaged`. The
reader switches it off like a rule, by its id (``attribution.learned`` in ``disabled_rules``);
without a parsed model (the rules-only pipeline), a missing file or a model made for other
features, the pipeline runs on the rules alone and its name says so.
"""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from functools import cache
from typing import Any

from readwise_desktop.engine.attribution.learned import LEARNED_RULE_ID
from readwise_desktop.engine.components import AttributionComponent
from readwise_desktop.engine.learned import (
    METADATA_FILE,
    MODEL_FILE,
    AttributionTagger,
    ModelMismatch,
)
from readwise_desktop.engine.pipeline import LoadedPipeline
from readwise_desktop.packaged import packaged

log = logging.getLogger(__name__)

WITH_MODEL = " + learned attribution (CRF, PolNeAR)"
SWITCHED_OFF = " (learned attribution switched off: rules only)"
MISSING = " (learned attribution model not available: rules only)"


@cache
def shipped_model() -> tuple[bytes, dict[str, Any]] | None:
    """The shipped model's bytes and metadata; None when they cannot be read."""
    try:
        metadata = json.loads(packaged("models", METADATA_FILE).read_text("utf-8"))
        return packaged("models", MODEL_FILE).read_bytes(), metadata
    except (OSError, ValueError) as err:
        log.warning("learned attribution model not read: %s", err)
        return None


def with_learned_model(pipeline: LoadedPipeline, disabled_rules: tuple[str, ...]) -> LoadedPipeline:
    """``pipeline`` with the learned tagger in its attribution step, named accordingly."""
    component = pipeline.nlp.get_pipe("readwise_attributions")
    assert isinstance(component, AttributionComponent)
    component.finder.tagger = None
    if pipeline.reduced_accuracy:
        return pipeline  # no parse to tag: the name already says reduced accuracy
    if LEARNED_RULE_ID in disabled_rules:
        return replace(pipeline, name=pipeline.name + SWITCHED_OFF)
    tagger = _tagger()
    if tagger is None:
        return replace(pipeline, name=pipeline.name + MISSING)
    component.finder.tagger = tagger
    return replace(pipeline, name=pipeline.name + WITH_MODEL)


@cache
def _tagger() -> AttributionTagger | None:
    """One tagger per process: it only reads its model, one document at a time."""
    model = shipped_model()
    if model is None:
        return None
    try:
        return AttributionTagger(*model)
    except (ModelMismatch, ValueError, OSError) as err:
        log.warning("learned attribution model not loaded: %s", err)
        return None
