"""One entry point: a path in, an :class:`Article` out, or one sentence saying why not."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from readwise_desktop.formats.article import Article
from readwise_desktop.formats.decoding import DEFAULT_MAX_BYTES, InputError, read_limited
from readwise_desktop.formats.registry import READABLE_SUFFIXES, format_for
from readwise_desktop.formats.sniff import detect_format

log = logging.getLogger(__name__)


def read_article(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """The article in ``path`` (the first of a mailbox or a feed); :class:`InputError` (one
    sentence, with the path) otherwise."""
    return _read(Path(path), max_bytes, many=False)[0]


def read_articles(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """Every article in ``path``: one, or one per message of a mailbox and per item of a feed."""
    return _read(Path(path), max_bytes, many=True)


def _read(p: Path, max_bytes: int, *, many: bool) -> list[Article]:
    data = read_limited(p, max_bytes)
    row = format_for(detect_format(data, p.suffix), p.suffix)
    try:
        return row.read_all(data, str(p)) if many else [row.read(data, str(p))]
    except InputError as err:
        raise InputError(f"{p}: {err}") from err
    except RecursionError as err:
        raise InputError(f"{p}: the {row.label} is nested too deeply to read") from err
    except MemoryError as err:
        raise InputError(f"{p}: the {row.label} needs more memory than it may have") from err
    except Exception as err:  # a library's own error on a malformed file
        log.info("importer %s failed on %s", row.name, p, exc_info=True)
        raise InputError(f"{p}: the {row.label} is damaged and cannot be read") from err


def readable_files(paths: list[str]) -> Iterator[Path]:
    """Files named, and the files with a known suffix in folders named (recursively, sorted)."""
    for name in paths:
        p = Path(name)
        if p.is_dir():
            yield from sorted(
                f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in READABLE_SUFFIXES
            )
        else:
            yield p


def file_filter() -> str:
    """The Open dialog's filter for every format."""
    patterns = " ".join(f"*{s}" for s in READABLE_SUFFIXES)
    return f"Articles ({patterns});;All files (*)"
