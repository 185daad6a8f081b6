"""The report on a batch's results folder, Qt-free: what ``readwise-desktop report`` writes and
what the window shows for a results folder.

    html = render_report(Path("results"))  # the page, its links relative to the folder

The figures are computed from the Parquet tables with Arrow's group-by (no row is turned into
a Python object but the few shown), so a large archive's report takes seconds, not minutes.
"""

from __future__ import annotations

import base64
import os
import re
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from readwise_desktop.app.batch.tables import SCHEMA_NAME, SCHEMAS
from readwise_desktop.engine.results import AGENTLESS
from readwise_desktop.engine.text.lexicon import PERSON_PRONOUNS, SKIP_PRONOUNS, SUBJECT_PRONOUNS
from readwise_desktop.export.archive_report import (
    ArchiveFigures,
    ArticleFigures,
    MonthFigures,
    OutletFigures,
    SourceFigures,
    render_archive_report,
)
from readwise_desktop.export.charts import TYPE_FILLS

TOP_SOURCES, TOP_ARTICLES = 15, 20
UNKNOWN_OUTLET = "(no outlet)"
PRONOUNS = {*PERSON_PRONOUNS, *SKIP_PRONOUNS, *SUBJECT_PRONOUNS, "they", "them"}


class ReportError(Exception):
    """Not a results folder, or a damaged table: one sentence for the reader."""


def is_results_folder(folder: Path) -> bool:
    """Whether ``folder`` holds a batch's tables (the window's test before it offers a report)."""
    return all((folder / f"{name}.parquet").is_file() for name in SCHEMAS)


def render_report(
    folder: Path, links_from: Path | None = None, *, svg_as_images: bool = False
) -> str:
    """The report's HTML; export links are relative to ``links_from`` (default: ``folder``,
    where ``report`` writes it). :class:`ReportError` if the folder is not a results folder.

    ``svg_as_images``: each chart as an ``<img>`` with a ``data:`` URL instead of inline SVG,
    for Qt's rich text (``QTextBrowser``), which draws SVG images but not inline SVG."""
    page = render_archive_report(figures_of(folder, links_from or folder))
    return SVG.sub(_as_image, page) if svg_as_images else page


SVG = re.compile(r"<svg [^>]*viewBox=\"0 0 (\d+) (\d+)\"[^>]*>.*?</svg>", re.S)


def _as_image(found: re.Match[str]) -> str:
    width, height = found[1], found[2]
    svg = found[0].replace('width="100%"', f'width="{width}" height="{height}"', 1)
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'<img src="data:image/svg+xml;base64,{data}" width="{width}" height="{height}">'


def figures_of(folder: Path, links_from: Path) -> ArchiveFigures:
    articles, claims = read_table(folder, "articles"), read_table(folder, "claims")
    articles = articles.set_column(
        articles.schema.get_field_index("outlet"),
        "outlet",
        pc.fill_null(articles["outlet"], UNKNOWN_OUTLET),
    )
    return ArchiveFigures(
        folder=folder.resolve().name,
        articles=articles.num_rows,
        claims=_sum(articles, "claims"),
        undated=articles["date"].null_count,
        reduced_accuracy=_sum(articles, "reduced_accuracy"),
        outlets=_outlets(articles),
        months=_months(articles),
        sources=_sources(claims),
        most_unsourced=_most_unsourced(articles, os.path.relpath(folder, links_from)),
    )


def read_table(folder: Path, name: str) -> pa.Table:
    """A table of the results folder, with the columns the report needs."""
    if not folder.is_dir():
        problem = "no such folder" if not folder.exists() else "not a folder"
        raise ReportError(f"{folder}: {problem}")
    path = folder / f"{name}.parquet"
    if not path.is_file():
        raise ReportError(
            f"{folder} is not a batch results folder (it has no {path.name}; "
            "readwise-desktop batch writes one)"
        )
    try:
        table = pq.read_table(path)
    except (OSError, pa.ArrowException) as err:
        raise ReportError(f"{path} is damaged ({err})") from err
    meta = table.schema.metadata or {}
    wanted = set(SCHEMAS[name].names)
    if meta.get(b"readwise-desktop") != SCHEMA_NAME.encode() or not wanted <= set(
        table.column_names
    ):
        raise ReportError(f"{path} is not a table that readwise-desktop batch wrote")
    return table


def _sum(table: pa.Table, column: str) -> int:
    return int(pc.sum(pc.cast(table[column], pa.int64())).as_py() or 0)


def _grouped(table: pa.Table, key: str, columns: list[str]) -> list[dict[str, Any]]:
    rows = table.group_by(key).aggregate([(c, "sum") for c in columns] + [(key, "count")])
    return list(rows.to_pylist())


def _outlets(articles: pa.Table) -> tuple[OutletFigures, ...]:
    rows = _grouped(articles, "outlet", ["named", "unnamed", "unsourced", "hedges", "words"])
    rows.sort(key=lambda r: (-r["outlet_count"], r["outlet"]))
    return tuple(
        OutletFigures(
            r["outlet"],
            r["outlet_count"],
            (r["named_sum"], r["unnamed_sum"], r["unsourced_sum"]),
            r["hedges_sum"],
            r["words_sum"],
        )
        for r in rows
    )


def _months(articles: pa.Table) -> tuple[MonthFigures, ...]:
    dated = articles.filter(pc.is_valid(articles["date"]))
    dated = dated.append_column("month", pc.strftime(dated["date"], format="%Y-%m"))
    rows = sorted(_grouped(dated, "month", ["claims", "unnamed", "unsourced"]),
                  key=lambda r: r["month"])  # fmt: skip
    return tuple(
        MonthFigures(r["month"], r["claims_sum"], r["unnamed_sum"], r["unsourced_sum"])
        for r in rows
    )


def _sources(claims: pa.Table) -> tuple[SourceFigures, ...]:
    """The sources with the most claims, spellings that differ only in case taken as one;
    agentless reports ("unnamed reports") and pronouns left unresolved ("they") are no one."""
    noise = pa.array(sorted({*AGENTLESS.values(), *PRONOUNS}))
    named = claims.filter(pc.is_valid(claims["source_name"]))
    named = named.append_column("key", pc.utf8_lower(named["source_name"]))
    named = named.filter(pc.invert(pc.is_in(named["key"], noise)))
    order = [f.key for f in TYPE_FILLS]
    by_key: dict[str, list[int]] = {}
    for row in _counted(named, ["key", "source_type"]):
        by_key.setdefault(row["key"], [0] * len(order))[order.index(row["source_type"])] += row[
            "sentence_count"
        ]
    spellings: dict[str, tuple[int, str]] = {}
    for row in _counted(named, ["key", "source_name"]):  # the commonest spelling is shown
        best = spellings.get(row["key"], (0, ""))
        spellings[row["key"]] = max(best, (row["sentence_count"], row["source_name"]))
    spread = named.group_by("key").aggregate([("article_id", "count_distinct")])
    keys = spread["key"].to_pylist()
    in_articles = dict(zip(keys, spread["article_id_count_distinct"].to_pylist(), strict=True))
    top = sorted(by_key.items(), key=lambda kv: (-sum(kv[1]), kv[0]))[:TOP_SOURCES]
    return tuple(SourceFigures(spellings[k][1], in_articles[k], tuple(n)) for k, n in top)


def _counted(table: pa.Table, keys: list[str]) -> list[dict[str, Any]]:
    return list(table.group_by(keys).aggregate([("sentence", "count")]).to_pylist())


def _most_unsourced(articles: pa.Table, prefix: str) -> tuple[ArticleFigures, ...]:
    ranked = articles.sort_by([("unsourced", "descending"), ("claims", "descending"),
                               ("path", "ascending")]).slice(0, TOP_ARTICLES)  # fmt: skip
    return tuple(
        ArticleFigures(
            title=r["title"] or Path(r["path"]).name,
            outlet=r["outlet"],
            date=r["date"].isoformat() if r["date"] else "",
            claims=r["claims"],
            unsourced=r["unsourced"],
            href=Path(prefix, r["export"]).as_posix(),
        )
        for r in ranked.to_pylist()
    )
