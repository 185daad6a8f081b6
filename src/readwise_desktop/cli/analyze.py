"""``readwise-desktop analyze FILE...``: the analysis as JSON, a text report or an export."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from readwise_desktop.app.session import Session
from readwise_desktop.cli.common import PROG, add_session_options, fail, rule_problems, session_of
from readwise_desktop.formats.article import Article
from readwise_desktop.formats.decoding import InputError

FORMATS = ("json", "text", "md", "html", "csv")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=f"{PROG} analyze",
        description="Analyse articles: hedges, attributions and how each claim is sourced.",
    )
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="articles (text, Markdown, HTML, MHTML, .webarchive, .eml, .mbox, .msg, NITF, "
        "NewsML, wire text, DOCX, ODT, RTF, PDF, EPUB, RSS/Atom/JSON feeds) or folders of them",
    )
    p.add_argument(
        "--format",
        choices=FORMATS,
        help="json (the analysis schema, default), text (a readable report), md, html (a "
        "self-contained page) or csv (a row per claim); default: from --output's suffix",
    )
    p.add_argument(
        "--output",
        metavar="PATH",
        help="write to PATH (a file, or a folder for one file per article) instead of printing",
    )
    add_session_options(p, size=True)
    return p


def run_analyze(argv: Sequence[str]) -> int:
    from readwise_desktop.cli.output import write_results
    from readwise_desktop.engine.rules.schema import RuleFileError
    from readwise_desktop.export import format_for

    args = parser().parse_args(argv)
    session = session_of(args)
    try:
        articles, skipped = read_articles(session, args.files)
    except InputError as err:
        return fail(str(err))
    if not articles:
        return fail("no readable article in " + ", ".join(args.files))
    try:
        session.load()
    except RuleFileError as err:
        return fail(rule_problems(err))
    try:
        results = list(session.analyse_all(articles))  # chunks parsed in batches
    finally:
        session.close()
    fmt = args.format or (format_for(args.output) if args.output else "json")
    folders = any(Path(f).is_dir() for f in args.files)
    try:
        written = write_results(results, fmt, args.output, len(results) > 1 or folders)
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


def read_articles(session: Session, names: Sequence[str]) -> tuple[list[Article], int]:
    """Every article named or found in the folders named. A named file that cannot be read
    stops everything (InputError); one found in a folder is skipped with a warning line."""
    from readwise_desktop.formats.reader import readable_files

    named = {str(Path(n)) for n in names if not Path(n).is_dir()}
    articles: list[Article] = []
    skipped = 0
    for path in readable_files(list(names)):
        try:
            articles.extend(session.open_all(path))
        except InputError as err:
            if str(path) in named:
                raise
            print(f"{PROG}: warning: skipped {err}", file=sys.stderr)
            skipped += 1
    return articles, skipped
