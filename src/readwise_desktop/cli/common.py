"""What every command shares: the program name, the one-sentence failure (exit code 2) and the
options that shape the session (model, rules-only, extra rule files)."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from readwise_desktop.app.session import Session, SessionOptions

EXIT_BAD_INPUT = 2
PROG = "readwise-desktop"


def fail(message: str) -> int:
    """Print ``readwise-desktop: error: MESSAGE`` on stderr; the exit code for bad input."""
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def leave_now(code: int) -> None:
    """End the process with ``code`` once stdout and stderr are flushed, skipping Python's
    teardown (freeing the model's objects one by one: about half a second). Only for a command
    that has closed every file it wrote and holds no other resource."""
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:  # the reader went away: as main() treats it
            pass
        except (OSError, ValueError):  # a full disk, a closed stream: the output is incomplete
            code = code or 1
    os._exit(code)


def add_session_options(parser: argparse.ArgumentParser, *, size: bool = False) -> None:
    """``--model``, ``--rules-only``, ``--rules FILE`` (and ``--max-size MB``)."""
    parser.add_argument("--model", metavar="PATH", help="a spaCy model folder to use first")
    parser.add_argument(
        "--rules-only",
        action="store_true",
        help="skip the trained model: rules-only pipeline (reduced accuracy)",
    )
    parser.add_argument(
        "--rules",
        metavar="FILE",
        action="append",
        default=[],
        help="an extra rule file, after your own rules folder (may be repeated)",
    )
    if size:
        parser.add_argument(
            "--max-size",
            type=float,
            metavar="MB",
            help="refuse files larger than this (default: max_size_mb of your settings, 50 MB)",
        )


def session_options(args: argparse.Namespace) -> SessionOptions:
    return SessionOptions(
        model_path=args.model,
        rules_only=args.rules_only,
        rule_files=tuple(args.rules),
        max_size_mb=getattr(args, "max_size", None),
    )


def session_of(args: argparse.Namespace) -> Session:
    """The session these options ask for, on top of the reader's settings and rule files."""
    return Session(session_options(args))


def rule_problems(err: Exception) -> str:
    """One sentence for a rule file error: how many problems, then each."""
    problems = getattr(err, "problems", [])
    return f"invalid rules ({len(problems)} problems): " + "; ".join(str(p) for p in problems)
