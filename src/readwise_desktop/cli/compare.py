"""``readwise-desktop compare OLD NEW``: what changed in the sourcing between two versions."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from readwise_desktop.cli.common import PROG, add_session_options, fail, rule_problems, session_of
from readwise_desktop.formats.decoding import InputError


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=f"{PROG} compare",
        description="Compare two versions of a story: sources gained or lost, hedges added or "
        "removed, sources that appeared or vanished.",
    )
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    p.add_argument("--format", choices=("text", "json"), default="text")
    add_session_options(p, size=True)
    return p


def run_compare(argv: Sequence[str]) -> int:
    from readwise_desktop.app.compare import comparison_report
    from readwise_desktop.engine.rules.schema import RuleFileError

    args = parser().parse_args(argv)
    session = session_of(args)
    try:
        old, new = session.open(args.old), session.open(args.new)
        session.load()
    except InputError as err:
        return fail(str(err))
    except RuleFileError as err:
        return fail(rule_problems(err))
    result = session.compare(old, new)
    if args.format == "json":
        json.dump(result.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(comparison_report(result, args.old, args.new))
    return 0
