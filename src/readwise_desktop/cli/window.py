"""``readwise-desktop [FILE] [--demo] [--screenshot PNG]``: the reading window, or the text
report when there is no display."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from readwise_desktop import __version__
from readwise_desktop.cli.common import PROG, add_session_options, fail, session_options
from readwise_desktop.packaged import sample_path


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=PROG,
        description="Read a news article and see how it is hedged and sourced.",
        epilog=(
            f"Commands: analyze, batch, compare, evaluate, rules, settings "
            f"(see '{PROG} COMMAND --help')."
        ),
    )
    p.add_argument("file", nargs="?", metavar="FILE", help="article to open")
    p.add_argument("--demo", action="store_true", help="open the bundled sample article")
    p.add_argument(
        "--screenshot",
        metavar="PNG",
        help="render the window to PNG once the analysis is shown, then exit",
    )
    p.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    add_session_options(p)
    return p


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_window(argv: Sequence[str]) -> int:
    args = parser().parse_args(argv)
    if args.file and not Path(args.file).is_file():
        return fail(
            f"{args.file}: no such file"
            if not Path(args.file).exists()
            else f"{args.file}: is a folder, not a file"
        )
    if not has_display():
        if not args.screenshot:
            return _text_report_instead(args)
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
    from readwise_desktop.ui.app import run

    return run(
        args.file,
        demo_path=str(sample_path()) if args.demo else None,
        screenshot=args.screenshot,
        options=session_options(args),
    )


def _text_report_instead(args: argparse.Namespace) -> int:
    from readwise_desktop.cli.analyze import run_analyze

    print(
        f"{PROG}: no display found (DISPLAY is not set), so the window cannot open; "
        "showing the text report instead.",
        file=sys.stderr,
    )
    return run_analyze(
        [
            args.file or str(sample_path()),
            "--format",
            "text",
            *(["--model", args.model] if args.model else []),
            *(["--rules-only"] if args.rules_only else []),
            *(x for rule in args.rules for x in ("--rules", rule)),
        ]
    )
