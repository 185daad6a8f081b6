"""The ``readwise-desktop`` command.

``readwise-desktop [FILE] [--demo]`` opens the reading window; subcommands work in the terminal:
``analyze FILE... [--format json|text]`` and ``evaluate polnear|conll2010|gold``. Bad input gives
one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path

from readwise_desktop import __version__
from readwise_desktop.core.article import Article
from readwise_desktop.core.textio import DEFAULT_MAX_BYTES, InputError

EXIT_BAD_INPUT = 2
PROG = "readwise-desktop"


def sample_path() -> Path:
    """The bundled sample article (resources/samples), written by the project."""
    ref = resources.files("readwise_desktop").joinpath("resources", "samples", "harbour_strike.txt")
    return Path(str(ref))


def _analyze_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} analyze",
        description="Analyse articles: hedges, attributions and how each claim is sourced.",
    )
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="articles (text, Markdown, HTML, MHTML, .webarchive, .eml, NITF, NewsML-G2, "
        "DOCX, PDF, EPUB) or folders of them",
    )
    parser.add_argument(
        "--format",
        choices=("json", "text", "md", "html", "csv"),
        help="json (the analysis schema, default), text (a readable report), md, html (a "
        "self-contained page) or csv (a row per claim); default: from --output's suffix",
    )
    parser.add_argument(
        "--output",
        metavar="PATH",
        help="write to PATH (a file, or a folder for one file per article) instead of printing",
    )
    parser.add_argument(
        "--max-size",
        type=float,
        default=DEFAULT_MAX_BYTES / 1e6,
        metavar="MB",
        help="refuse files larger than this (default %(default).0f MB)",
    )
    _add_pipeline_options(parser)
    return parser


def _add_pipeline_options(parser: argparse.ArgumentParser) -> None:
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
        help="an extra rule file (may be repeated)",
    )


def _window_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Read a news article and see how it is hedged and sourced.",
        epilog=(
            f"Subcommands: 'analyze FILE...' prints the analysis (see '{PROG} analyze --help'); "
            f"'evaluate polnear|conll2010|gold' scores it on gold data."
        ),
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help="article to open")
    parser.add_argument("--demo", action="store_true", help="open the bundled sample article")
    parser.add_argument(
        "--screenshot",
        metavar="PNG",
        help="render the window to PNG once the analysis is shown, then exit",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    _add_pipeline_options(parser)
    return parser


def fail(message: str) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def run_analyze(argv: Sequence[str]) -> int:
    from readwise_desktop.cli_output import write_results
    from readwise_desktop.core.analyze import analyze_text
    from readwise_desktop.core.export import format_for
    from readwise_desktop.core.paths import user_rule_files
    from readwise_desktop.core.pipeline import MODEL_NAMES, load_pipeline
    from readwise_desktop.core.rules.schema import RuleFileError

    args = _analyze_parser().parse_args(argv)
    try:
        articles, skipped = read_articles(args.files, int(args.max_size * 1e6))
    except InputError as err:
        return fail(str(err))
    if not articles:
        return fail("no readable article in " + ", ".join(args.files))
    try:
        pipeline = load_pipeline(
            args.model,
            extra_rule_files=[*user_rule_files(), *args.rules],
            model_names=() if args.rules_only else MODEL_NAMES,
        )
    except RuleFileError as err:
        return fail(
            f"invalid rules ({len(err.problems)} problems): "
            + "; ".join(str(p) for p in err.problems)
        )
    results = [analyze_text(pipeline, a.text, file=a.file, metadata=a.metadata) for a in articles]
    fmt = args.format or (format_for(args.output) if args.output else "json")
    folders = any(Path(f).is_dir() for f in args.files)
    as_list = len(results) > 1 or folders
    try:
        written = write_results(results, fmt, args.output, as_list)
    except InputError as err:
        return fail(str(err))
    except OSError as err:
        return fail(f"{args.output}: cannot be written ({err.strerror or err})")
    for path in written:
        print(f"{PROG}: wrote {path}", file=sys.stderr)
    if folders:
        print(
            f"{PROG}: analysed {len(results)} article(s), skipped {skipped} file(s)",
            file=sys.stderr,
        )
    return 0


def read_articles(
    names: Sequence[str], max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Article], int]:
    """Every article named or found in the folders named. A named file that cannot be read
    stops everything (InputError); one found in a folder is skipped with a warning line."""
    from readwise_desktop.core.importers.reader import read_article, readable_files

    named = {str(Path(n)) for n in names if not Path(n).is_dir()}
    articles: list[Article] = []
    skipped = 0
    for path in readable_files(list(names)):
        try:
            articles.append(read_article(path, max_bytes))
        except InputError as err:
            if str(path) in named:
                raise
            print(f"{PROG}: warning: skipped {err}", file=sys.stderr)
            skipped += 1
    return articles, skipped


def _has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_window(argv: Sequence[str]) -> int:
    args = _window_parser().parse_args(argv)
    if args.file and not Path(args.file).is_file():
        return fail(
            f"{args.file}: no such file"
            if not Path(args.file).exists()
            else f"{args.file}: is a folder, not a file"
        )
    if not _has_display():
        if args.screenshot:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
        else:
            print(
                f"{PROG}: no display found (DISPLAY is not set), so the window cannot open; "
                "showing the text report instead.",
                file=sys.stderr,
            )
            path = args.file or str(sample_path())
            return run_analyze(
                [
                    path,
                    "--format",
                    "text",
                    *(["--model", args.model] if args.model else []),
                    *(["--rules-only"] if args.rules_only else []),
                ]
            )
    from readwise_desktop.ui.app import run

    return run(
        args.file,
        demo_path=str(sample_path()) if args.demo else None,
        screenshot=args.screenshot,
        model_path=args.model,
        rules_only=args.rules_only,
    )


def run_evaluate(argv: Sequence[str]) -> int:
    from readwise_desktop.evaluate_cli import run_evaluate as evaluate

    return evaluate(argv)


def run_compare(argv: Sequence[str]) -> int:
    from readwise_desktop.core.analyze import analyze_text
    from readwise_desktop.core.compare import compare, comparison_report
    from readwise_desktop.core.importers.reader import read_article
    from readwise_desktop.core.pipeline import MODEL_NAMES, load_pipeline

    parser = argparse.ArgumentParser(
        prog=f"{PROG} compare",
        description="Compare two versions of a story: sources gained or lost, hedges added or "
        "removed, sources that appeared or vanished.",
    )
    parser.add_argument("old", metavar="OLD")
    parser.add_argument("new", metavar="NEW")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--rules-only", action="store_true")
    args = parser.parse_args(argv)
    try:
        old, new = read_article(args.old), read_article(args.new)
    except InputError as err:
        return fail(str(err))
    pipeline = load_pipeline(model_names=() if args.rules_only else MODEL_NAMES)
    result = compare(analyze_text(pipeline, old.text), analyze_text(pipeline, new.text))
    if args.format == "json":
        json.dump(result.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(comparison_report(result, args.old, args.new))
    return 0


def run_rules(argv: Sequence[str]) -> int:
    from readwise_desktop.cli_rules import run_rules as rules

    return rules(argv)


def run_settings(argv: Sequence[str]) -> int:
    from readwise_desktop.cli_rules import run_settings as settings

    return settings(argv)


def run_batch(argv: Sequence[str]) -> int:
    from readwise_desktop.batch import run_batch as batch

    return batch(argv)


COMMANDS: dict[str, Callable[[Sequence[str]], int]] = {
    "analyze": run_analyze,
    "evaluate": run_evaluate,
    "batch": run_batch,
    "compare": run_compare,
    "rules": run_rules,
    "settings": run_settings,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command = COMMANDS.get(args[0]) if args else None
    try:
        if command is not None:
            return command(args[1:])
        return run_window(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
