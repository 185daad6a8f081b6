"""The run's tables, written from the journal's records (so a resumed run writes them whole):
``summary.csv`` (a row per article), ``sources.csv`` (every source across the set),
``failures.csv`` (this run's files that could not be done, with the reason) and the Parquet
tables ``articles``, ``claims`` and ``attributions`` (schema: docs/batch-schema.md).

Each table is written to a temporary name and renamed, streamed in row groups, so neither a
kill nor a large archive leaves a half table or holds every claim in memory.
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from readwise_desktop.app.batch.records import KEYS, SUMMARY_COLUMNS
from readwise_desktop.engine.results import SOURCING_LABELS

SCHEMA_NAME = "readwise-desktop/batch/1"
CSV_TABLES = ("summary.csv", "sources.csv", "failures.csv")
ROW_GROUP = 20_000
_S, _I, _D = pa.string(), pa.int32(), pa.date32()
_KEY = [("article_id", _S), ("path", _S), ("outlet", _S), ("date", _D)]
SCHEMAS = {
    "articles": pa.schema(
        [
            *_KEY[:2], ("export", _S), ("title", _S), ("format", _S), ("outlet", _S),
            ("agency", _S), ("date", _D), ("date_given", _S), ("claims", _I),
            *((label.lower(), _I) for label in SOURCING_LABELS), ("named", _I), ("unnamed", _I),
            ("hedges", _I), ("words", _I), ("pipeline", _S), ("reduced_accuracy", pa.bool_()),
        ]
    ),
    "claims": pa.schema(
        [
            *_KEY, ("sentence", _I), ("start", _I), ("end", _I), ("text", _S), ("label", _S),
            ("group", _S), ("source_name", _S), ("source_type", _S), ("cue", _S), ("stance", _S),
            ("hedges", _I), ("hedge_categories", pa.list_(_S)),
        ]
    ),
    "attributions": pa.schema(
        [
            *_KEY, ("attribution", _I), ("cue", _S), ("source", _S), ("source_name", _S),
            ("source_type", _S), ("group", _S), ("stance", _S), ("rule_id", _S),
            ("second_hand", pa.bool_()), ("sentences", pa.list_(_I)), ("claims", _I),
            ("hedges", _I),
        ]
    ),
}  # fmt: skip
PARQUET_TABLES = tuple(f"{name}.parquet" for name in SCHEMAS)
TABLES = (*CSV_TABLES, *PARQUET_TABLES)


def write_tables(
    outdir: Path, records: Iterable[dict[str, Any]], failures: Iterable[tuple[str, str]]
) -> None:
    """Every table, from the finished records (sorted by path) and this run's failures."""
    sources: dict[tuple[str, str], list[int]] = {}
    with contextlib.ExitStack() as stack:
        summary = csv.DictWriter(stack.enter_context(replacing(outdir / "summary.csv")),
                                 SUMMARY_COLUMNS, lineterminator="\n")  # fmt: skip
        summary.writeheader()
        parquet = {
            name: stack.enter_context(ParquetTable(outdir / f"{name}.parquet", schema))
            for name, schema in SCHEMAS.items()
        }
        for record in records:
            for article in record["articles"]:
                summary.writerow(article["row"])
                _count_sources(sources, article["sources"])
                parquet["articles"].add([article["article"]])
                key = {k: article["article"].get(k) for k in KEYS}
                parquet["claims"].add([{**key, **row} for row in article["claims"]])
                parquet["attributions"].add([{**key, **row} for row in article["attributions"]])
    _write_sources(outdir / "sources.csv", sources)
    with replacing(outdir / "failures.csv") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(("file", "reason"))
        out.writerows(sorted(failures))


def _count_sources(sources: dict[tuple[str, str], list[int]], found: list[list[Any]]) -> None:
    for name, kind, claims in found:
        entry = sources.setdefault((name, kind), [0, 0])
        entry[0] += 1
        entry[1] += claims


def _write_sources(path: Path, sources: dict[tuple[str, str], list[int]]) -> None:
    ranked = sorted(sources.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0][0]))
    with replacing(path) as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(("source", "type", "articles", "claims"))
        out.writerows((name, kind, a, c) for (name, kind), (a, c) in ranked)


class ParquetTable:
    """One Parquet table, written in row groups to a temporary name, renamed when whole."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        self.path, self.rows = path, list[dict[str, Any]]()
        self.schema = schema.with_metadata({"readwise-desktop": SCHEMA_NAME})
        self._temp = _temporary(path)
        self._writer = pq.ParquetWriter(self._temp, self.schema, compression="zstd")

    def add(self, rows: list[dict[str, Any]]) -> None:
        self.rows.extend(rows)
        if len(self.rows) >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        for row in self.rows:
            row["date"] = _date(row.get("date"))
        self._writer.write_table(pa.Table.from_pylist(self.rows, self.schema))
        self.rows = []

    def __enter__(self) -> ParquetTable:
        return self

    def __exit__(self, kind: object, *rest: object) -> None:
        try:
            if kind is None:
                self._flush()
            self._writer.close()
            if kind is None:
                _finish(self._temp, self.path)
        finally:
            self._temp.unlink(missing_ok=True)


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[IO[str]]:
    """A text file written under a temporary name, flushed to disk and renamed over ``path``."""
    temp = _temporary(path)
    try:
        with temp.open("w", encoding="utf-8", newline="") as handle:
            yield handle
        _finish(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def _temporary(path: Path) -> Path:
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".part",
                                    dir=path.parent)  # fmt: skip
    os.close(handle)
    return Path(name)


def _finish(temp: Path, path: Path) -> None:
    with temp.open("rb") as handle:
        os.fsync(handle.fileno())
    mask = os.umask(0)
    os.umask(mask)
    temp.chmod(0o666 & ~mask)  # what a new file would get, not mkstemp's 0600
    temp.replace(path)


def _date(value: Any) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value
