"""Where ``analyze`` puts its results: standard output, a file, or one file per article."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

from readwise_desktop.engine.results import Analysis
from readwise_desktop.export import EXTENSIONS, render
from readwise_desktop.export.atomic import write_atomic
from readwise_desktop.formats.decoding import InputError

FORMATS = ("json", "text", "md", "html", "csv")


def write_results(
    results: Sequence[Analysis], fmt: str, output: str | None, as_list: bool
) -> list[Path]:
    """Print or write the results; the files written (atomically), if any."""
    if output is None:
        _print(results, fmt, as_list)
        return []
    target = Path(output)
    if target.is_dir() or output.endswith(("/", "\\")):
        target.mkdir(parents=True, exist_ok=True)
        written = []
        for number, analysis in enumerate(results, start=1):
            stem = Path(analysis.file).stem if analysis.file else f"article-{number}"
            path = target / f"{stem}{EXTENSIONS[fmt]}"
            write_atomic(path, render(analysis, fmt))
            written.append(path)
        return written
    if len(results) > 1 and fmt != "json":
        raise InputError(f"--output {output}: give a folder to write several {fmt} files")
    if not target.parent.is_dir():
        raise InputError(f"--output {output}: the folder {target.parent} does not exist")
    write_atomic(target, _joined(results, fmt, as_list))
    return [target]


def _joined(results: Sequence[Analysis], fmt: str, as_list: bool) -> str:
    if fmt == "json":
        data = [a.to_json() for a in results]
        return json.dumps(data if as_list else data[0], ensure_ascii=False, indent=2) + "\n"
    return "\n".join(render(a, fmt) for a in results)


def _print(results: Sequence[Analysis], fmt: str, as_list: bool) -> None:
    if len(results) > 1 and fmt in ("html", "csv", "md"):
        raise InputError(f"several articles as {fmt}: give --output FOLDER")
    sys.stdout.write(_joined(results, fmt, as_list))
