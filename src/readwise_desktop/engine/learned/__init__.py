"""A learned attribution tagger: CRF models over features of the spaCy parse.

:mod:`.features` turns a parsed Doc into per-token feature strings (pure, versioned);
:mod:`.tagger` loads trained models from bytes the caller reads and tags a Doc with source, cue and
content spans. The models are trained by :mod:`readwise_desktop.evaluation.train_attribution` on
the PolNeAR train split; they hold weights and feature strings, never the articles.
"""

from readwise_desktop.engine.learned.features import FEATURE_SET, FEATURE_VERSION, Lexicon
from readwise_desktop.engine.learned.tagger import (
    METADATA_FILE,
    MODEL_FILE,
    SOURCE_MODEL_FILE,
    AttributionTagger,
    ModelMismatch,
    TaggedSpan,
    char_ranges,
    merge_with_rules,
)

__all__ = [
    "FEATURE_SET",
    "FEATURE_VERSION",
    "METADATA_FILE",
    "MODEL_FILE",
    "SOURCE_MODEL_FILE",
    "AttributionTagger",
    "Lexicon",
    "ModelMismatch",
    "TaggedSpan",
    "char_ranges",
    "merge_with_rules",
]
