"""Where ``analyze`` puts its results: standard output, a file, or one file per article."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from readwise_desktop.engine.results import Analysis
from readwise_desktop.export import EXTENSIONS, render
from readwise_desktop.export.atomic import write_atomic
from readwise_desktop.formats.decoding import InputError

FORMATS = ("json", "text", "md", "html", "csv")


def distinct_names(
    wanted: Iterable[tuple[str, str]], ext: str, reserved: Iterable[str] = ()
) -> list[str]:
    """One file name per (stem, original suffix), never twice (case ignored) and never a
    reserved name: ``story`` + ``.txt`` and ``story`` + ``.md`` give ``story.html`` and
    ``story-md.html``; a third ``story`` is ``story-3.html``."""
    taken = {name.casefold() for name in reserved}
    names = []
    for stem, suffix in wanted:
        tries = [stem, f"{stem}-{suffix.lstrip('.')}" if suffix else stem]
        tries += [f"{stem}-{n}" for n in range(2, len(taken) + 3)]
        name = next(f"{t}{ext}" for t in tries if f"{t}{ext}".casefold() not in taken)
        taken.add(name.casefold())
        names.append(name)
    return names


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
        wanted = [
            (Path(a.file).stem, Path(a.file).suffix) if a.file else (f"article-{n}", "")
            for n, a in enumerate(results, start=1)
        ]
        written = []
        for analysis, name in zip(results, distinct_names(wanted, EXTENSIONS[fmt]), strict=True):
            path = target / name
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
