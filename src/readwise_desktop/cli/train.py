"""``readwise-desktop train attribution``: train the learned attribution tagger on PolNeAR.

    readwise-desktop train attribution --data ../shared/data/polnear --output DIR [--seed N]

Parses PolNeAR's train split with the app's pipeline, trains the CRF (deterministic: the same
data and seed give the same model file), scores rules, model and hybrid on dev and test, and
writes ``attribution_crf.crfsuite`` and ``attribution_crf.json`` (the metadata, with the scores)
into DIR. Copy both into ``src/readwise_desktop/data/models/`` to ship them. About ten minutes
on two cores; progress lines on stderr.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from readwise_desktop.cli.common import PROG, fail


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"{PROG} train", description=__doc__.splitlines()[0])
    parser.add_argument("model", choices=("attribution",), help="what to train")
    parser.add_argument(
        "--data", required=True, metavar="DIR", help="the PolNeAR folder (or the one holding it)"
    )
    parser.add_argument("--output", required=True, metavar="DIR", help="folder for the model")
    parser.add_argument("--seed", type=int, default=0, help="seed (default 0)")
    parser.add_argument("--limit", type=int, metavar="N", help="first N articles per split only")
    parser.add_argument("--no-test", action="store_true", help="score dev only, not test")
    parser.add_argument(
        "--cascade", action="store_true", help="also train and score the cascade design"
    )
    return parser


def run_train(argv: Sequence[str]) -> int:
    from readwise_desktop.evaluation.train_attribution import polnear_file, train

    args = _parser().parse_args(argv)
    data = Path(args.data)
    for split in ("train", "dev") + (() if args.no_test else ("test",)):
        if not polnear_file(data, split).is_file():
            return fail(f"{data}: no polnear_{split}.jsonl here or in {data / 'polnear'}")
    started = time.perf_counter()

    def say(message: str) -> None:
        print(f"[{time.perf_counter() - started:6.0f} s] {message}", file=sys.stderr, flush=True)

    try:
        metadata = train(
            data,
            Path(args.output),
            args.seed,
            say,
            cascade=args.cascade,
            test=not args.no_test,
            limit=args.limit,
        )
    except (OSError, RuntimeError, ValueError) as err:
        return fail(str(err))
    for split, designs in metadata["scores"].items():
        for design, scores in designs.items():
            figures = ", ".join(f"{k} {v['f1']}" for k, v in scores.items())
            print(f"{split} {design}: {figures}")
    print(f"model and metadata written to {args.output}")
    return 0
