"""``readwise-desktop evaluate``: score the analysis on gold data and print P/R/F1.

readwise-desktop evaluate polnear [--split dev|test] [--data DIR]
readwise-desktop evaluate conll2010 [--split dev|test|all] [--data DIR]
readwise-desktop evaluate gold FILE.jsonl
... [--limit N] [--errors N] [--format table|json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from readwise_desktop.evaluation.runner import Report

DATA_ENV = "READWISE_EVAL_DATA"
DEFAULT_DATA = Path("..") / "shared" / "data"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="readwise-desktop evaluate",
        description="Score hedges, attributions and claim labels against gold annotations.",
        epilog=f"DIR defaults to ${DATA_ENV}, else {DEFAULT_DATA}.",
    )
    parser.add_argument("dataset", choices=("polnear", "conll2010", "gold"))
    parser.add_argument("file", nargs="?", metavar="FILE", help="gold JSONL (for 'gold')")
    parser.add_argument("--split", default="dev", choices=("dev", "test", "all"))
    parser.add_argument("--data", metavar="DIR", help="folder holding the shared data sets")
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N documents")
    parser.add_argument(
        "--errors", type=int, default=0, metavar="N", help="list the top N false alarms and misses"
    )
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--rules-only", action="store_true", help="score the rules-only pipeline")
    parser.add_argument(
        "--enable",
        metavar="RULE",
        action="append",
        default=[],
        help="switch on an opt-in rule (may be repeated), e.g. hedge.approximator.vague_quantity "
        "for CoNLL-2010, whose Wikipedia guidelines count weasel words as uncertainty",
    )
    parser.add_argument(
        "--disable",
        metavar="RULE",
        action="append",
        default=[],
        help="switch off a rule (may be repeated), e.g. attribution.learned for the rules alone",
    )
    return parser


def _data_dir(arg: str | None) -> Path:
    return Path(arg or os.environ.get(DATA_ENV) or DEFAULT_DATA)


def _needed_file(args: argparse.Namespace) -> Path:
    from readwise_desktop.evaluation.runner import POLNEAR_FILE, WIKI_FILE

    if args.dataset == "gold":
        if not args.file:
            raise FileNotFoundError("'evaluate gold' needs a gold JSONL file")
        return Path(args.file)
    if args.dataset == "polnear":
        if args.split == "all":
            raise FileNotFoundError("PolNeAR has a dev and a test split; choose one")
        return _data_dir(args.data) / POLNEAR_FILE.format(split=args.split)
    return _data_dir(args.data) / WIKI_FILE


def _ticker(label: str) -> Callable[[int], None] | None:
    """A progress line on a terminal; nothing when the output is piped."""
    if not sys.stderr.isatty():
        return None

    def tick(n: int) -> None:
        sys.stderr.write(f"\r{label}: {n} documents")
        sys.stderr.flush()

    return tick


def _report(args: argparse.Namespace, path: Path) -> tuple[str, Report]:
    from readwise_desktop.app.session import Session, SessionOptions
    from readwise_desktop.evaluation import runner

    # The shipped rules and model only: the reader's settings never change a reported figure.
    options = SessionOptions(
        rules_only=args.rules_only,
        reader_settings=False,
        enabled_rules=tuple(args.enable),
        disabled_rules=tuple(args.disable),
    )
    pipeline = Session(options).pipeline
    tick = _ticker(f"evaluating {args.dataset}")
    data = _data_dir(args.data)
    if args.dataset == "polnear":
        report = runner.run_polnear(pipeline, data, args.split, args.limit, tick)
    elif args.dataset == "conll2010":
        report = runner.run_conll2010(pipeline, data, args.split, args.limit, tick)
    else:
        report = runner.run_gold(pipeline, path, args.limit, tick, data)
    if tick:
        sys.stderr.write("\n")
    return pipeline.description, report


def run_evaluate(argv: Sequence[str]) -> int:
    from readwise_desktop.cli.common import fail, rule_problems
    from readwise_desktop.engine.rules.schema import RuleFileError
    from readwise_desktop.evaluation.gold import GoldFormatError
    from readwise_desktop.evaluation.runner import format_report

    args = _parser().parse_args(argv)
    try:
        path = _needed_file(args)
    except FileNotFoundError as err:
        return fail(str(err))
    if not path.is_file():
        return fail(f"{path}: no such file (give --data DIR or set {DATA_ENV})")
    try:
        pipeline, report = _report(args, path)
    except RuleFileError as err:  # the shipped rules, edited and broken
        return fail(rule_problems(err))
    except (GoldFormatError, UnicodeDecodeError, KeyError, ValueError) as err:
        return fail(f"{path}: {err}")
    if args.format == "json":
        json.dump({"pipeline": pipeline, **report.to_json()}, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(f"pipeline: {pipeline}\n{format_report(report, args.errors)}")
    return 0
