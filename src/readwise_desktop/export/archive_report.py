"""The report on a batch's results: one self-contained HTML page (inline CSS and SVG, no
script, no font or file from outside) that answers what a newsroom asks of an archive.

How each outlet sources its claims, how the share of unnamed and unsourced claims moves month
by month, who is cited most and as what, how much each outlet hedges, and which articles carry
the most unsourced claims (each linked to its export). The figures come in as an
:class:`ArchiveFigures`, made by ``app/report.py`` from the Parquet tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from readwise_desktop.export.charts import (
    GROUP_FILLS,
    TYPE_FILLS,
    Series,
    line_chart,
    split_bars,
    stacked_bars,
    value_bars,
)
from readwise_desktop.export.styles import OKABE_ITO

THIN_MONTH = 50  # claims: a month with fewer is drawn with hollow markers


@dataclass(frozen=True, slots=True)
class OutletFigures:
    outlet: str
    articles: int
    groups: tuple[int, int, int]  # claims: named, unnamed, unsourced
    hedges: int
    words: int

    @property
    def hedges_per_100_words(self) -> float:
        return 100 * self.hedges / max(self.words, 1)


@dataclass(frozen=True, slots=True)
class MonthFigures:
    month: str  # 2019-01
    claims: int
    unnamed: int
    unsourced: int


@dataclass(frozen=True, slots=True)
class SourceFigures:
    name: str
    articles: int
    by_type: tuple[int, ...]  # claims per source type, in the order of ``charts.TYPE_FILLS``


@dataclass(frozen=True, slots=True)
class ArticleFigures:
    title: str
    outlet: str
    date: str
    claims: int
    unsourced: int
    href: str  # the export, relative to the report


@dataclass(frozen=True, slots=True)
class ArchiveFigures:
    folder: str
    articles: int
    claims: int
    undated: int  # articles without a date (left out of the months)
    reduced_accuracy: int  # articles analysed by the rules-only pipeline
    outlets: tuple[OutletFigures, ...]
    months: tuple[MonthFigures, ...]
    sources: tuple[SourceFigures, ...]
    most_unsourced: tuple[ArticleFigures, ...]


CSS = (
    "body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:1.5em auto;padding:0 1em;"
    "color:#1A1A1A;-webkit-print-color-adjust:exact;print-color-adjust:exact}"
    "h1{font-size:1.6em;margin-bottom:0.2em}h2{font-size:1.2em;margin:1.8em 0 0.3em}"
    ".lede{color:#333}.how{color:#444;font-size:0.9em;margin:0 0 0.6em}"
    "table{border-collapse:collapse;width:100%;font-size:0.9em}"
    "td,th{border-bottom:1px solid #CCC;padding:0.3em 0.5em;text-align:left;vertical-align:top}"
    "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
    "td.d{white-space:nowrap}"
    f"a{{color:{OKABE_ITO['blue']}}}svg{{display:block;margin:0.4em 0}}"
    "@media print{body{max-width:none}h2{page-break-after:avoid}}"
)


def render_archive_report(figures: ArchiveFigures) -> str:
    sections = [
        _head(figures),
        _mix(figures),
        _over_time(figures),
        _sources(figures),
        _hedging(figures),
        _worst(figures),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>Sourcing report: {escape(figures.folder)}</title><style>{CSS}</style></head>"
        f"<body>{''.join(sections)}</body></html>\n"
    )


def _head(f: ArchiveFigures) -> str:
    months = f"{f.months[0].month} to {f.months[-1].month}" if f.months else "no dates"
    notes = [f"{f.articles} articles, {f.claims} claims, {months}"]
    if f.undated:
        notes.append(f"{f.undated} articles without a date are left out of the months")
    if f.reduced_accuracy:
        notes.append(f"{f.reduced_accuracy} analysed without the language model (less accurate)")
    return (
        f"<h1>Sourcing report</h1><p class='lede'><b>{escape(f.folder)}</b>: "
        f"{escape('; '.join(notes))}.</p><p class='how'>A claim is a sentence of an article's "
        "body. <b>Named</b>: a person, an organisation or a document the text names. "
        "<b>Unnamed or vague</b>: officials without a name, anonymous sources, “critics say”, "
        "“reports emerged”. <b>Unsourced</b>: no one is given for it.</p>"
    )


def _mix(f: ArchiveFigures) -> str:
    rows = [
        (o.outlet, f"{o.articles} articles, {sum(o.groups)} claims", o.groups) for o in f.outlets
    ]
    chart = stacked_bars("mix", "Sourcing mix per outlet", rows, GROUP_FILLS)
    return "<h2>Sourcing mix per outlet</h2>" + _how("Share of each outlet's claims.") + chart


def _over_time(f: ArchiveFigures) -> str:
    if not f.months:
        return "<h2>Unnamed and unsourced claims over time</h2><p>No article has a date.</p>"

    def share(part: str) -> tuple[float | None, ...]:
        return tuple(getattr(m, part) / m.claims if m.claims else None for m in f.months)

    hollow = tuple(m.claims < THIN_MONTH for m in f.months)
    series = (
        Series("unsourced", share("unsourced"), "#4D4D4D", "", "circle", hollow),
        Series(
            "unnamed or vague", share("unnamed"), OKABE_ITO["vermillion"], "7 4", "square", hollow
        ),
    )
    months = [m.month for m in f.months]
    chart = line_chart("time", "Unnamed and unsourced claims by month", months, series)
    thin = [m.month for m in f.months if m.claims < THIN_MONTH]
    note = (
        "Share of the month's claims (solid line with circles: unsourced; dashed line with "
        "squares: unnamed or vague)."
    )
    if thin:
        note += f" Hollow markers: months with fewer than {THIN_MONTH} claims ({len(thin)})."
    return "<h2>Unnamed and unsourced claims over time</h2>" + _how(note) + chart


def _sources(f: ArchiveFigures) -> str:
    if not f.sources:
        return "<h2>Most-cited sources</h2><p>No claim names a source.</p>"
    rows = [(s.name, s.by_type) for s in f.sources]
    chart = split_bars("sources", "Most-cited sources and how each is typed", rows, TYPE_FILLS)
    note = (
        "Claims sourced to each, split by the type the analysis gave the source (one source "
        "may be typed differently in different sentences). Pronouns the analysis could not "
        "resolve (“they said”) are left out."
    )
    return "<h2>Most-cited sources and how each is typed</h2>" + _how(note) + chart


def _hedging(f: ArchiveFigures) -> str:
    rows = [
        (o.outlet, o.hedges_per_100_words, f"{o.hedges_per_100_words:.2f} ({o.hedges} hedges)")
        for o in f.outlets
    ]
    chart = value_bars("hedges", "Hedges per 100 words, per outlet", rows)
    return "<h2>Hedge rate per outlet</h2>" + _how("Hedges per 100 words of text.") + chart


def _worst(f: ArchiveFigures) -> str:
    head = (
        "<tr><th>article</th><th>outlet</th><th>date</th>"
        "<th class='n'>unsourced</th><th class='n'>of claims</th></tr>"
    )
    rows = "".join(
        f"<tr><td><a href='{escape(a.href, quote=True)}'>{escape(a.title)}</a></td>"
        f"<td>{escape(a.outlet)}</td><td class='d'>{escape(a.date)}</td>"
        f"<td class='n'>{a.unsourced}</td><td class='n'>{a.claims}</td></tr>"
        for a in f.most_unsourced
    )
    title = f"The {len(f.most_unsourced)} articles with the most unsourced claims"
    return f"<h2>{title}</h2><table>{head}{rows}</table>"


def _how(text: str) -> str:
    return f"<p class='how'>{escape(text)}</p>"
