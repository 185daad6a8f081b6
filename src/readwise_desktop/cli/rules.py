"""``readwise-desktop rules check FILE...`` and ``readwise-desktop settings check``.

A rule file is validated exactly as the app loads it (shipped rules first, then the file), and
every problem is printed with its file, line and rule id. Exit 0 when valid, 2 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def run_rules(argv: Sequence[str]) -> int:
    from readwise_desktop.app.paths import app_paths, user_rule_files
    from readwise_desktop.cli.common import PROG
    from readwise_desktop.engine.rules.loader import load_rules
    from readwise_desktop.engine.rules.schema import RuleFileError

    parser = argparse.ArgumentParser(prog=f"{PROG} rules", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="action", required=True)
    check = sub.add_parser("check", help="validate rule files (default: your rules folder)")
    check.add_argument("files", nargs="*", metavar="FILE")
    sub.add_parser("where", help="print the folder for your own rule files")
    args = parser.parse_args(argv)
    if args.action == "where":
        print(app_paths().rules)
        return 0
    files = [Path(f) for f in args.files] or user_rule_files()
    if not files:
        print(f"{PROG}: no rule files to check in {app_paths().rules}", file=sys.stderr)
        return 0
    try:
        rules = load_rules(files)
    except RuleFileError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print(f"{PROG}: {len(err.problems)} problem(s) in the rule files", file=sys.stderr)
        return 2
    print(f"{len(files)} file(s) valid; {len(rules.all_ids())} rules in force")
    return 0


def run_settings(argv: Sequence[str]) -> int:
    from readwise_desktop.app.paths import app_paths
    from readwise_desktop.app.settings import load_settings
    from readwise_desktop.cli.common import PROG

    parser = argparse.ArgumentParser(prog=f"{PROG} settings")
    parser.add_argument("action", choices=("check", "where"))
    args = parser.parse_args(argv)
    path = app_paths().settings
    if args.action == "where":
        print(path)
        return 0
    _, problems = load_settings(path)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 2
    print(f"{path}: valid" if path.is_file() else f"{path}: not written yet (defaults in use)")
    return 0
