"""The fast ways of driving spaCy give the stock output: numpy's BLAS instead of BLIS, the lookup
attribute ruler instead of spaCy's, chunks parsed in batches, the tokenizer built once, the
model's string table left unloaded. Each is
compared with the unoptimised way in the same run, on real text (the seed article, the bundled
sample, the first PolNeAR dev articles; all 84 in tests/benchmarks/test_analysis_speed.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from readwise_desktop.engine.analyze import TextInput, analyze_text, analyze_texts
from readwise_desktop.engine.lookup_ruler import LookupAttributeRuler, table_entry
from readwise_desktop.engine.ops import measured_choice, ops_for
from readwise_desktop.engine.pipeline import (
    DASH_PATTERN,
    READWISE_PIPES,
    LoadedPipeline,
    load_pipeline,
    split_dashes,
)
from readwise_desktop.export import render
from readwise_desktop.packaged import sample_path
from tests.conftest import SHARED

POLNEAR_DEV = SHARED / "data" / "polnear" / "polnear_dev.jsonl"
SEED = SHARED / "samples" / "seed_article.txt"
POLNEAR_HERE = 3  # the normal run's share of PolNeAR dev: the rest is the benchmark's


def real_texts() -> list[str]:
    """The bundled sample, the seed article and the first PolNeAR dev articles, where present."""
    texts = [sample_path().read_text(encoding="utf-8")]
    if SEED.is_file():
        texts.append(SEED.read_text(encoding="utf-8"))
    if POLNEAR_DEV.is_file():
        lines = POLNEAR_DEV.read_text(encoding="utf-8").splitlines()[:POLNEAR_HERE]
        texts += [json.loads(line)["text"] for line in lines]
    return texts


def as_the_app_runs_it(loaded: LoadedPipeline) -> LoadedPipeline:
    """With the learned attribution tagger, as the session attaches it."""
    from readwise_desktop.app.learned_model import with_learned_model

    return with_learned_model(loaded, ())


@pytest.fixture(scope="module")
def stock() -> LoadedPipeline:
    """The unoptimised pipeline: BLIS kernels, spaCy's own attribute ruler, all the strings."""
    return as_the_app_runs_it(
        load_pipeline(matrix_ops="blis", lookup_ruler=False, model_strings=True)
    )


@pytest.fixture(scope="module")
def fast(pipeline: LoadedPipeline) -> LoadedPipeline:
    """The session's pipeline where it runs on numpy (measured so here), else one that does."""
    if pipeline.matrix_ops == "numpy":
        return pipeline
    return as_the_app_runs_it(load_pipeline(matrix_ops="numpy", lookup_ruler=True))


def token_annotations(nlp: Language, text: str) -> list[tuple[object, ...]]:
    doc = nlp(text, disable=["readwise_layout", *READWISE_PIPES])
    return [
        (t.i, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_)
        for t in doc
    ]


def test_the_fast_pipeline_runs_on_numpy_and_the_lookup_ruler(
    fast: LoadedPipeline, stock: LoadedPipeline
) -> None:
    assert fast.matrix_ops == "numpy" and stock.matrix_ops == "blis"
    assert isinstance(fast.nlp.get_pipe("attribute_ruler"), LookupAttributeRuler)
    assert not isinstance(stock.nlp.get_pipe("attribute_ruler"), LookupAttributeRuler)
    assert fast.nlp.pipe_names == stock.nlp.pipe_names
    # The model's 84,000 strings are loaded only where asked for.
    assert len(fast.nlp.vocab.strings) < 40_000 < len(stock.nlp.vocab.strings)
    # Every layer but the parser's and recogniser's output layer, which spaCy builds on BLIS.
    ner = fast.nlp.get_pipe("ner").model
    on_blis = [n.name for _, c in fast.nlp.pipeline for n in _nodes(c) if n.ops.use_blis]
    assert on_blis == ["linear", "linear"] and len(list(ner.walk())) > 10


def _nodes(component: object) -> list[object]:
    model = getattr(component, "model", None)
    return list(model.walk()) if hasattr(model, "walk") else []


def test_every_token_annotation_is_the_stock_one(
    fast: LoadedPipeline, stock: LoadedPipeline
) -> None:
    for text in real_texts():
        assert token_annotations(fast.nlp, text) == token_annotations(stock.nlp, text)


def test_batched_analyses_are_the_one_at_a_time_stock_ones(
    fast: LoadedPipeline, stock: LoadedPipeline
) -> None:
    texts = real_texts()
    long_text = "\n\n".join(texts[:3])  # several chunks of one text in one batch
    batched = analyze_texts(fast, [TextInput(t) for t in [*texts, long_text]], batch_size=4)
    for text, analysis in zip([*texts, long_text], batched, strict=True):
        assert render(analysis, "json") == render(analyze_text(stock, text), "json")
    one = analyze_text(fast, long_text, batch_size=3)
    assert render(one, "json") == render(analyze_text(stock, long_text), "json")


def test_analyze_texts_keeps_the_order_and_each_text_its_own_file(
    rules_only: LoadedPipeline,
) -> None:
    inputs = [TextInput("Officials said it rained.", file="a.txt"), TextInput("", file="b.txt")]
    inputs.append(TextInput("It may snow, reports say.\n\n" * 600, file="c.txt"))
    analyses = list(analyze_texts(rules_only, inputs, batch_size=2))
    assert [a.file for a in analyses] == ["a.txt", "b.txt", "c.txt"]
    assert analyses[1].sentences == () and len(analyses[2].hedges) == 600


def test_one_token_patterns_go_in_the_table_the_rest_to_the_matcher() -> None:
    vocab = spacy.blank("en").vocab
    columns, keys = table_entry([{"TAG": {"IN": ["VBP", "VBZ"]}, "LOWER": "ai"}], vocab) or ((), [])
    assert len(columns) == 2 and len(keys) == 2
    assert table_entry([{"LOWER": {"REGEX": "^y'?$"}}], vocab) is None
    assert table_entry([{"LOWER": "gon"}, {"LOWER": "na"}], vocab) is None
    assert table_entry([{"LOWER": "a", "OP": "?"}], vocab) is None
    assert table_entry([{"IS_SPACE": True}], vocab) is not None


def test_the_lookup_ruler_serialises_as_the_stock_one(fast: LoadedPipeline) -> None:
    ruler = fast.nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, LookupAttributeRuler)
    copy = LookupAttributeRuler(fast.nlp.vocab).from_bytes(ruler.to_bytes())
    assert copy.patterns == ruler.patterns and len(copy.patterns) == 179
    # 8 rules of several tokens, and 4 of one with a REGEX or NOT_IN, are left to the Matcher.
    in_table = {
        rule for table in copy.tables.values() for rules in table.values() for rule in rules
    }
    assert len(in_table) == 167 and len(copy.rest) == 12


def test_a_setting_that_names_no_ops_is_refused() -> None:
    assert not ops_for("numpy").use_blis and ops_for("blis").use_blis
    assert ops_for("auto").use_blis == (measured_choice() == "blis")
    with pytest.raises(ValueError, match="auto, numpy, blis"):
        ops_for("mkl")


def test_the_tokenizer_built_once_splits_as_one_set_at_a_time() -> None:
    built_once, one_by_one = spacy.blank("en"), spacy.blank("en")
    split_dashes(built_once)
    defaults, tokenizer = one_by_one.Defaults, one_by_one.tokenizer
    tokenizer.prefix_search = compile_prefix_regex([*defaults.prefixes, DASH_PATTERN]).search
    tokenizer.suffix_search = compile_suffix_regex([*defaults.suffixes, DASH_PATTERN]).search
    tokenizer.infix_finditer = compile_infix_regex([*defaults.infixes, DASH_PATTERN]).finditer
    text = "“Fraud.”― Pamela said justice―period; don't, U.S. can't (a.m.) :) e.g. ’tis"
    for sample in [text, *real_texts()]:
        assert [t.text for t in built_once(sample)] == [t.text for t in one_by_one(sample)]
    assert len(built_once.tokenizer.rules) == len(one_by_one.tokenizer.rules) > 1000


def test_real_texts_are_found(shared: Path) -> None:
    assert len(real_texts()) >= 2  # the sample and the seed article at least
