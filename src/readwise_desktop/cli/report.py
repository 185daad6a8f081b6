"""``readwise-desktop report RESULTS/``: the page that sums up a batch's results.

    readwise-desktop report RESULTS/ [--output FILE]

Writes ``RESULTS/report.html`` (or FILE): one self-contained HTML page with the sourcing mix
per outlet, unnamed and unsourced claims by month, the most-cited sources and how each is
typed, the hedge rate per outlet and the 20 articles with the most unsourced claims, each
linked to its export. A folder that holds no batch results is one sentence, exit code 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from readwise_desktop.app.report import ReportError, render_report
from readwise_desktop.cli.common import PROG, fail
from readwise_desktop.export.atomic import write_atomic


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=f"{PROG} report", description=__doc__.splitlines()[0])
    p.add_argument("results", metavar="RESULTS", help="a folder written by readwise-desktop batch")
    p.add_argument(
        "--output", metavar="FILE", help="where to write it (default RESULTS/report.html)"
    )
    return p


def run_report(argv: Sequence[str]) -> int:
    args = parser().parse_args(argv)
    folder = Path(args.results)
    target = Path(args.output) if args.output else folder / "report.html"
    if args.output and not target.parent.is_dir():
        return fail(f"--output {target}: the folder {target.parent} does not exist")
    try:
        page = render_report(folder, links_from=target.parent)
    except ReportError as err:
        return fail(str(err))
    try:
        write_atomic(target, page)
    except OSError as err:
        return fail(f"{target}: cannot be written ({err.strerror or err})")
    print(f"{PROG}: wrote {target}", file=sys.stderr)
    return 0
