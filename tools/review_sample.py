"""Draw a fresh sample of the analysis's findings on real news for judging by hand.

Analyses the Wikinews folder's articles outside the hand-labelled dev set, and writes two JSONL
files to judge: ``seed{N}_hedges_todo.jsonl`` (100 hedge highlights) and
``seed{N}_sources_todo.jsonl`` (100 attributions), drawn at random with the seed, each with its
sentence for the judge. Judged, they become ``tests/fixtures/hedge_review/wikinews_seed{N}_*``
(the judge adds ``hedge``/``category_right`` or ``is_attribution``/``type_right``/``right_type``
and ``why``; the context fields are dropped: the texts stay in ../shared).

Run: ``python tools/review_sample.py --seed 18 --output DIR [--data ../shared/data]``
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from readwise_desktop.app.session import Session, SessionOptions
from readwise_desktop.engine.analyze import analyze_text
from readwise_desktop.engine.results import Analysis
from readwise_desktop.evaluation.runner import wikinews_texts

DEV_LABELS = Path(__file__).parent.parent / "tests/fixtures/gold/wikinews_dev.labels.jsonl"
SAMPLE = 100


def sentence_at(analysis: Analysis, start: int, end: int) -> str:
    """The text of the sentence(s) holding ``start..end``, with the one before it."""
    sents = analysis.sentences
    ks = [k for k, s in enumerate(sents) if s.start < end and start < s.end] or [0]
    first = max(ks[0] - 1, 0)
    return analysis.text[sents[first].start : sents[ks[-1]].end]


def hedge_rows(doc: str, analysis: Analysis) -> list[dict[str, object]]:
    return [
        {
            "doc": doc,
            "start": h.start,
            "end": h.end,
            "rule_id": h.rule_id,
            "category": h.category,
            "text": analysis.text[h.start : h.end],
            "context": sentence_at(analysis, h.start, h.end),
        }
        for h in analysis.hedges
    ]


def source_rows(doc: str, analysis: Analysis) -> list[dict[str, object]]:
    return [
        {
            "doc": doc,
            "cue_start": a.cue.start,
            "cue_end": a.cue.end,
            "rule_id": a.rule_id,
            "source_type": a.source_type,
            "cue": a.cue.text,
            "source": a.source.text if a.source else None,
            "source_name": a.source_name,
            "context": sentence_at(analysis, a.cue.start, a.cue.end),
        }
        for a in analysis.attributions
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    dev = {json.loads(line)["id"] for line in DEV_LABELS.read_text("utf-8").splitlines()}
    texts = {k: v for k, v in wikinews_texts(args.data).items() if k not in dev}
    pipeline = Session(SessionOptions(reader_settings=False)).pipeline
    hedges, sources = [], []
    for doc in sorted(texts):
        analysis = analyze_text(pipeline, texts[doc])
        hedges += hedge_rows(doc, analysis)
        sources += source_rows(doc, analysis)
    rng = random.Random(args.seed)
    args.output.mkdir(parents=True, exist_ok=True)
    for name, rows in (("hedges", hedges), ("sources", sources)):
        drawn = rng.sample(rows, min(SAMPLE, len(rows)))
        path = args.output / f"seed{args.seed}_{name}_todo.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in drawn), "utf-8")
        print(f"{path}: {len(drawn)} of {len(rows)} {name} in {len(texts)} articles")


if __name__ == "__main__":
    main()
