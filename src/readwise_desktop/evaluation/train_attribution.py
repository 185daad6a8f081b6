"""Train the learned attribution tagger on PolNeAR (train split) and score it on dev and test.

``train(data_dir, output_dir)`` parses every article with the app's pipeline (the same
tokenizer, chunks and sentence starts as :func:`analyze_text`), labels each token BIO Source / Cue
/ Content from the gold spans, and trains a linear-chain CRF (python-crfsuite, L-BFGS) over
:func:`features.doc_features`: the shipped ``attribution_crf.crfsuite``.

``cascade=True`` also trains the design that was measured against it: a *source* model over the
same features plus :func:`features.cue_features` relative to the first model's cues, whose
training cues come from a two-fold jackknife on train (each half tagged by a model trained on the
other half). On dev it did no better, so it is not shipped.

Dev and test are scored as ``readwise-desktop evaluate polnear`` scores the rules (exact and overlap
per role, gold discontinuous spans by their extent), for the rules, each model alone, and each
model merged with the rules (:func:`tagger.merge_with_rules`). Training is deterministic: the same
data and seed give the same model files. Only weights and feature strings are written, never texts.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pycrfsuite
from spacy.tokens import Doc, Token

from readwise_desktop.engine.analyze import OFF_PIPES, ChunkedAnalysis, TextInput
from readwise_desktop.engine.components import AttributionComponent
from readwise_desktop.engine.learned import features as feats
from readwise_desktop.engine.learned import tagger as tg
from readwise_desktop.engine.pipeline import LoadedPipeline, load_pipeline
from readwise_desktop.engine.rules.loader import default_rules
from readwise_desktop.evaluation.polnear import ROLES, PolnearDoc, polnear_doc, predicted_ranges
from readwise_desktop.evaluation.scoring import Counts, Range, match_exact, match_overlap

TRAINED_ON = "PolNeAR v1.0.0, train split (Newell, Margolin & Ruths, LREC 2018)"
TAGS = {"Source": "SRC", "Cue": "CUE", "Content": "CON"}
PARAMS: dict[str, Any] = {
    "c1": 1.0,
    "c2": 0.01,
    "max_iterations": 250,
    "feature.possible_transitions": True,
}
FOLDS = 2
Progress = Callable[[str], None]


@dataclass(slots=True)
class Article:
    gold: PolnearDoc
    chunks: list[tuple[int, Doc]]  # (character offset, parsed chunk)
    spans: list[tuple[str, int, int]]  # (label, start, end) of every Source/Cue/Content fragment
    rules: dict[str, list[Range]]
    app: dict[str, list[Range]]  # the analysis with the tagger: the app's own hybrid


def polnear_file(data_dir: Path, split: str) -> Path:
    """``data_dir`` may be the PolNeAR folder itself or the folder that holds ``polnear/``."""
    name = f"polnear_{split}.jsonl"
    return data_dir / name if (data_dir / name).exists() else data_dir / "polnear" / name


def read_articles(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if limit is not None and n >= limit:
                return
            if line.strip():
                record = json.loads(line)
                # Same-length clean-up (a stray BOM in two train articles): the offsets hold.
                text = record["text"]
                record["text"] = text.replace("\ufeff", " ").replace("\x00", " ").replace("\r", " ")
                yield record


def parse_split(
    path: Path,
    pipeline: LoadedPipeline,
    rules: bool,
    limit: int | None,
    progress: Progress,
    tagger: tg.AttributionTagger | None = None,
) -> list[Article]:
    """Every article parsed chunk by chunk as the app parses it; the rules' predictions if asked,
    and the analysis's with ``tagger`` in the attribution step (the app's hybrid)."""
    out = []
    for n, record in enumerate(read_articles(path, limit), start=1):
        text = record["text"]
        job = ChunkedAnalysis(pipeline, TextInput(text))
        parsed = pipeline.nlp.pipe(job.prepared(), disable=OFF_PIPES)
        chunks = list(zip(job.starts, parsed, strict=True))
        docs = [doc for _, doc in chunks]
        found: dict[str, list[Range]] = {}
        app: dict[str, list[Range]] = {}
        if rules:
            found = _predicted(pipeline, text, docs, None)
        if tagger is not None:
            app = _predicted(pipeline, text, docs, tagger)
        spans = [(s["label"], s["start"], s["end"]) for s in record["spans"] if s["label"] in TAGS]
        out.append(Article(polnear_doc(record), chunks, spans, found, app))
        if n % 100 == 0:
            progress(f"{path.name}: {n} articles parsed")
    return out


def _predicted(
    pipeline: LoadedPipeline, text: str, docs: Sequence[Doc], tagger: tg.AttributionTagger | None
) -> dict[str, list[Range]]:
    """The analysis's source and cue ranges from the text's parsed chunks (as
    :func:`analyze_text` finds them), the tagger in its attribution step or not."""
    component = pipeline.nlp.get_pipe("readwise_attributions")
    assert isinstance(component, AttributionComponent)
    finder = component.finder
    finder.tagger = tagger
    job = ChunkedAnalysis(pipeline, TextInput(text))
    try:
        for doc in docs:
            job.add(doc)
    finally:
        finder.tagger = None
    analysis = job.analysis()
    return {role: predicted_ranges(analysis, role)[0] for role in ROLES}


def gold_tags(doc: Doc, at: int, spans: Sequence[tuple[str, int, int]]) -> list[list[str]]:
    """BIO tags of each sequence of ``doc`` from the article's spans (offsets in the article)."""
    tag: dict[int, str] = {}
    for label, start, end in sorted(spans, key=lambda s: (s[1], s[2])):
        span = doc.char_span(
            max(start - at, 0), min(end - at, len(doc.text)), alignment_mode="expand"
        )
        if span is None or end <= at or start >= at + len(doc.text):
            continue
        tokens = [t for t in span if not t.is_space and t.i not in tag]
        for k, token in enumerate(tokens):
            tag[token.i] = ("B-" if k == 0 else "I-") + TAGS[label]
    return [[tag.get(t.i, "O") for t in seq] for seq in feats.sentences(doc)]


@dataclass(slots=True)
class Sequences:
    """Per article: per sentence its tokens, features and gold tags."""

    tokens: list[list[list[Token]]]
    features: list[list[list[list[str]]]]
    tags: list[list[list[str]]]


def sequences(articles: Sequence[Article], lexicon: feats.Lexicon) -> Sequences:
    out = Sequences([], [], [])
    for article in articles:
        toks: list[list[Token]] = []
        xs: list[list[list[str]]] = []
        ys: list[list[str]] = []
        for at, doc in article.chunks:
            toks += feats.sentences(doc)
            xs += feats.doc_features(doc, lexicon)
            ys += gold_tags(doc, at, article.spans)
        out.tokens.append(toks)
        out.features.append(xs)
        out.tags.append(ys)
    return out


def fit(xs: Iterator[tuple[list[list[str]], list[str]]], path: Path) -> bytes:
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for x, y in xs:
        trainer.append(x, y)
    trainer.set_params(PARAMS)
    trainer.train(str(path))
    return path.read_bytes()


def _pairs(data: Sequences, articles: Sequence[int]) -> Iterator[tuple[list[list[str]], list[str]]]:
    for a in articles:
        yield from zip(data.features[a], data.tags[a], strict=True)


def jackknife_cues(data: Sequences, seed: int, scratch: Path) -> list[list[set[int]]]:
    """Per article and sentence: the cue tokens a first model trained on the other fold finds."""
    order = list(range(len(data.features)))
    random.Random(seed).shuffle(order)
    folds = [order[k::FOLDS] for k in range(FOLDS)]
    cues: list[list[set[int]]] = [[] for _ in order]
    for k, held in enumerate(folds):
        rest = [a for j, fold in enumerate(folds) if j != k for a in fold]
        fit(_pairs(data, rest), scratch / f"fold{k}.crfsuite")
        model = pycrfsuite.Tagger()
        model.open(str(scratch / f"fold{k}.crfsuite"))
        for a in held:
            for toks, x in zip(data.tokens[a], data.features[a], strict=True):
                found = tg.spans_from_tags([t.i for t in toks], model.tag(x))
                cues[a].append({i for s in found if s.role == "cue" for i in range(*s[1:])})
        model.close()
        (scratch / f"fold{k}.crfsuite").unlink()
    return cues


def score(
    articles: Sequence[Article], predictions: Sequence[dict[str, list[Range]]]
) -> dict[str, dict[str, float | int]]:
    """Exact and overlap P/R/F1 per role, as ``readwise-desktop evaluate polnear`` counts them."""
    out: dict[str, dict[str, float | int]] = {}
    for role in ROLES:
        for mode, match in (("exact", match_exact), ("overlap", match_overlap)):
            counts = Counts()
            for article, predicted in zip(articles, predictions, strict=True):
                ranges = list(dict.fromkeys(predicted[role]))
                counts.add(match(ranges, article.gold.gold[role]).counts)
            out[f"{role} {mode}"] = counts.to_json()
    return out


def evaluate(
    taggers: dict[str, tg.AttributionTagger], articles: Sequence[Article]
) -> dict[str, Any]:
    """Scores of the rules and, per tagger, of the tagger alone and of its hybrid with the rules."""
    designs: dict[str, list[dict[str, list[Range]]]] = {"rules": []}
    for article in articles:
        designs["rules"].append(article.rules)
        if article.app:
            designs.setdefault("app hybrid", []).append(article.app)
        sents = [
            (at + s[0].idx, at + s[-1].idx + len(s[-1].text))
            for at, doc in article.chunks
            for s in feats.sentences(doc)
        ]
        for name, tagger in taggers.items():
            found: dict[str, list[Range]] = {role: [] for role in ROLES}
            for at, doc in article.chunks:
                spans = tagger.tag(doc)
                for role in ROLES:
                    found[role] += tg.char_ranges(doc, spans, role, at)
            designs.setdefault(name, []).append(found)
            hybrid = tg.merge_with_rules(found, article.rules, sents)
            designs.setdefault(f"hybrid({name})", []).append(hybrid)
    return {name: score(articles, preds) for name, preds in designs.items()}


def train(
    data_dir: Path,
    output_dir: Path,
    seed: int = 0,
    progress: Progress | None = None,
    *,
    cascade: bool = False,
    test: bool = True,
    limit: int | None = None,
) -> dict[str, Any]:
    """Train on PolNeAR train, score on dev (and test), write the model and its metadata.

    The shipped design is the single CRF (``attribution_crf.crfsuite``), merged with the rules by
    the app. ``cascade``: also train the source model (``attribution_crf_source.crfsuite``) and
    score the cascade; ``limit``: the first articles of each split only (a quick check, not a model
    to ship). Returns the metadata written to ``attribution_crf.json``.
    """
    say = progress or (lambda message: None)
    started = time.perf_counter()
    output_dir.mkdir(parents=True, exist_ok=True)
    pipeline = load_pipeline()
    if pipeline.reduced_accuracy:
        raise RuntimeError(f"no trained spaCy model: {pipeline.attempts}")
    rules = default_rules()
    lexicon = feats.Lexicon.of(rules.verbs.keys(), rules.nominals.keys())
    say("parsing train")
    train_articles = parse_split(polnear_file(data_dir, "train"), pipeline, False, limit, say)
    data = sequences(train_articles, lexicon)
    say(f"training the CRF on {sum(len(t) for t in data.tags)} sentences")
    first = fit(_pairs(data, range(len(data.tags))), output_dir / tg.MODEL_FILE)
    second = None
    if cascade:
        say("jackknife cues for the source model")
        cues = jackknife_cues(data, seed, output_dir)
        say("training the source model")
        second = fit(_with_cues(data, cues), output_dir / tg.SOURCE_MODEL_FILE)
    train_seconds = time.perf_counter() - started
    del train_articles, data
    files = {"crf": tg.MODEL_FILE, **({"source": tg.SOURCE_MODEL_FILE} if cascade else {})}
    metadata: dict[str, Any] = {
        "model": "readwise attribution CRF (python-crfsuite 0.9.12, L-BFGS), BIO per role",
        "trained_on": TRAINED_ON,
        "features": {"name": feats.FEATURE_SET, "version": feats.FEATURE_VERSION},
        "files": files,
        "labels": [*sorted(f"{p}-{t}" for t in TAGS.values() for p in "BI"), "O"],
        "lexicon": {"verbs": sorted(lexicon.verbs), "nouns": sorted(lexicon.nouns)},
        "params": {**PARAMS, "jackknife_folds": FOLDS if cascade else 0, "seed": seed},
        "date": datetime.now(UTC).date().isoformat(),
        "training_seconds": round(train_seconds),
        "limit": limit,
        "design": "single CRF; in the app the rules come first (their spans widened to the "
        "CRF's where it adds an appositive or an adverb) and the CRF adds the cues they did not "
        "find, of sources they did not attribute ('app hybrid')",
    }
    taggers = {"crf": tg.AttributionTagger(first, metadata)}
    if second is not None:
        taggers["cascade"] = tg.AttributionTagger(first, metadata, second)
    metadata["scores"] = score_splits(taggers, data_dir, pipeline, test, limit, say)
    metadata["total_seconds"] = round(time.perf_counter() - started)
    path = output_dir / tg.METADATA_FILE
    path.write_text(json.dumps(metadata, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return metadata


def score_splits(
    taggers: dict[str, tg.AttributionTagger],
    data_dir: Path,
    pipeline: LoadedPipeline,
    test: bool,
    limit: int | None,
    say: Progress,
) -> dict[str, Any]:
    """Dev (and test) scores of every design, for the metadata."""
    scores: dict[str, Any] = {}
    for split in ("dev", "test") if test else ("dev",):
        say(f"scoring {split}")
        shipped = taggers["crf"]
        articles = parse_split(polnear_file(data_dir, split), pipeline, True, limit, say, shipped)
        scores[split] = evaluate(taggers, articles)
    return scores


def _with_cues(
    data: Sequences, cues: list[list[set[int]]]
) -> Iterator[tuple[list[list[str]], list[str]]]:
    for a, article_cues in enumerate(cues):
        for toks, x, y, found in zip(
            data.tokens[a], data.features[a], data.tags[a], article_cues, strict=True
        ):
            extra = feats.cue_features(toks, found)
            yield [f + e for f, e in zip(x, extra, strict=True)], y
