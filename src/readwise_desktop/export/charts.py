"""Charts as inline SVG, hand-built: no script, no font or file from outside the page.

Every fill is an Okabe–Ito colour *and* a pattern (solid, hatched, dotted, crossed), and every
bar and line carries its label or value in words, so the charts read in greyscale and for
readers who do not see the colours.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from readwise_desktop.export.styles import OKABE_ITO

WIDTH = 900
LABEL_W = 210  # room for the row labels at the left of the bar charts
ROW_H, BAR_H = 30, 20
FONT = 'font-family="system-ui, sans-serif" font-size="13"'


@dataclass(frozen=True, slots=True)
class Fill:
    """A colour with a pattern: ``solid``, ``hatch`` (diagonal lines), ``dots``, ``cross``,
    ``rows`` (horizontal lines) or ``columns`` (vertical lines)."""

    key: str
    label: str
    colour: str
    pattern: str
    ink: str = "#000000"  # the text colour on it


GROUP_FILLS = (
    Fill("named", "named", OKABE_ITO["blue"], "solid", "#FFFFFF"),
    Fill("unnamed", "unnamed or vague", OKABE_ITO["orange"], "hatch"),
    Fill("unsourced", "unsourced", "#6B6B6B", "dots", "#FFFFFF"),
)
TYPE_FILLS = (
    Fill("NAMED_PERSON", "person", OKABE_ITO["blue"], "solid", "#FFFFFF"),
    Fill("NAMED_ORGANISATION", "organisation", OKABE_ITO["sky_blue"], "columns"),
    Fill("DOCUMENT", "document", OKABE_ITO["bluish_green"], "rows"),
    Fill("UNNAMED_OFFICIAL", "unnamed official", OKABE_ITO["orange"], "hatch"),
    Fill("ANONYMOUS", "anonymous", OKABE_ITO["vermillion"], "cross"),
    Fill("VAGUE", "vague", OKABE_ITO["reddish_purple"], "dots"),
)
_MARKS = {  # filled shapes, not strokes: Qt's SVG renderer draws these in patterns too
    "hatch": '<polygon points="0,8 0,6 6,0 8,0 8,2 2,8" fill="{ink}"/>',
    "dots": '<circle cx="4" cy="4" r="1.5" fill="{ink}"/>',
    "cross": '<polygon points="0,0 1.5,0 8,6.5 8,8 6.5,8 0,1.5" fill="{ink}"/>'
    '<polygon points="8,0 8,1.5 1.5,8 0,8 0,6.5 6.5,0" fill="{ink}"/>',
    "rows": '<rect x="0" y="3.2" width="8" height="1.6" fill="{ink}"/>',
    "columns": '<rect x="3.2" y="0" width="1.6" height="8" fill="{ink}"/>',
    "solid": "",
}


def _defs(chart: str, fills: Sequence[Fill]) -> str:
    patterns = []
    for f in fills:
        ink = _blend(f.colour, 0, 0.55) if f.ink == "#000000" else _blend(f.colour, 255, 0.6)
        mark = _MARKS[f.pattern].format(ink=ink)
        patterns.append(
            f'<pattern id="{chart}-{f.key}" width="8" height="8" patternUnits="userSpaceOnUse">'
            f'<rect width="8" height="8" fill="{f.colour}"/>{mark}</pattern>'
        )
    return f"<defs>{''.join(patterns)}</defs>"


def _blend(colour: str, toward: int, share: float) -> str:
    """``colour`` moved ``share`` of the way to black (0) or white (255): the pattern's ink."""
    rgb = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c + (toward - c) * share):02X}" for c in rgb)


def _svg(chart: str, height: int, title: str, body: str, fills: Sequence[Fill] = ()) -> str:
    return (
        f'<svg id="{chart}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-labelledby="{chart}-title" {FONT}>'
        f'<title id="{chart}-title">{escape(title)}</title>{_defs(chart, fills)}{body}</svg>'
    )


def _text(x: float, y: float, text: str, anchor: str = "start", extra: str = "") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" {extra}>{escape(text)}</text>'


def legend(chart: str, fills: Sequence[Fill], y: float = 14) -> str:
    """Swatches with their names in a row (the patterns as well as the colours)."""
    parts, x = [], float(LABEL_W)
    for f in fills:
        parts.append(f'<rect x="{x}" y="{y - 11}" width="22" height="14" '
                     f'fill="url(#{chart}-{f.key})" stroke="#333"/>')  # fmt: skip
        parts.append(_text(x + 28, y, f.label))
        x += 40 + 7.5 * len(f.label)
    return "".join(parts)


def stacked_bars(
    chart: str, title: str, rows: Sequence[tuple[str, str, Sequence[int]]], fills: Sequence[Fill]
) -> str:
    """One 100% bar per row (``label``, ``note`` under it, a count per fill), each segment
    marked with its share when there is room."""
    top = 30
    body = [legend(chart, fills)]
    span = WIDTH - LABEL_W - 10
    for n, (label, note, counts) in enumerate(rows):
        y = top + n * (ROW_H + 12)
        body.append(_text(LABEL_W - 8, y + 14, label[:28], "end", 'font-weight="600"'))
        body.append(_text(LABEL_W - 8, y + 28, note, "end", 'font-size="11" fill="#444"'))
        total, x = sum(counts) or 1, float(LABEL_W)
        for f, count in zip(fills, counts, strict=True):
            w = span * count / total
            if w <= 0:
                continue
            body.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{BAR_H + 6}" '
                        f'fill="url(#{chart}-{f.key})" stroke="#FFFFFF"><title>{escape(label)}: '
                        f'{escape(f.label)} {count} of {total}</title></rect>')  # fmt: skip
            if w > 44:
                body.append(_pill(x + w / 2, y + 17, f"{100 * count / total:.0f}%"))
            x += w
    return _svg(chart, top + len(rows) * (ROW_H + 12) + 6, title, "".join(body), fills)


def _pill(x: float, y: float, text: str) -> str:
    """A value on a white ground, legible on any fill."""
    w = 8 + 7.2 * len(text)
    return (
        f'<rect x="{x - w / 2:.1f}" y="{y - 12}" width="{w:.1f}" height="16" rx="3" '
        f'fill="#FFFFFF" opacity="0.9"/>' + _text(x, y, text, "middle", 'font-weight="600"')
    )


def value_bars(chart: str, title: str, rows: Sequence[tuple[str, float, str]]) -> str:
    """A horizontal bar per row, its value written after it."""
    top, span = 8, WIDTH - LABEL_W - 190
    peak = max((v for _, v, _ in rows), default=0) or 1
    body = []
    for n, (label, value, text) in enumerate(rows):
        y = top + n * ROW_H
        w = span * value / peak
        body.append(_text(LABEL_W - 8, y + 15, label[:28], "end", 'font-weight="600"'))
        body.append(f'<rect x="{LABEL_W}" y="{y}" width="{w:.1f}" height="{BAR_H}" '
                    f'fill="url(#{chart}-bar)"/>')  # fmt: skip
        body.append(_text(LABEL_W + w + 8, y + 15, text))
    bar = Fill("bar", "", OKABE_ITO["bluish_green"], "rows")
    return _svg(chart, top + len(rows) * ROW_H + 4, title, "".join(body), (bar,))


def split_bars(
    chart: str, title: str, rows: Sequence[tuple[str, Sequence[int]]], fills: Sequence[Fill]
) -> str:
    """A bar per row whose length is its total, split by fill, the split also in words."""
    top, span = 30, WIDTH - LABEL_W - 250
    peak = max((sum(c) for _, c in rows), default=0) or 1
    body = [legend(chart, fills)]
    for n, (label, counts) in enumerate(rows):
        y, x = top + n * ROW_H, float(LABEL_W)
        body.append(_text(LABEL_W - 8, y + 15, label[:28], "end", 'font-weight="600"'))
        for f, count in zip(fills, counts, strict=True):
            w = span * count / peak
            if w > 0:
                body.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{BAR_H}" '
                            f'fill="url(#{chart}-{f.key})" stroke="#FFFFFF"/>')  # fmt: skip
            x += w
        words = ", ".join(f"{f.label} {c}" for f, c in zip(fills, counts, strict=True) if c)
        body.append(_text(x + 8, y + 15, f"{sum(counts)}: {words}", extra='font-size="12"'))
    return _svg(chart, top + len(rows) * ROW_H + 4, title, "".join(body), fills)


@dataclass(frozen=True, slots=True)
class Series:
    label: str
    values: tuple[float | None, ...]  # a share (0–1) per month, None where there is no claim
    colour: str
    dash: str  # stroke-dasharray, "" for a solid line
    marker: str  # "circle" or "square"
    hollow: tuple[bool, ...] = ()  # per month: drawn hollow (too few claims to go by)


def line_chart(chart: str, title: str, months: Sequence[str], series: Sequence[Series]) -> str:
    """Shares over time: a line per series with its own dash and marker, named at its end."""
    left, right, top, height = 60, WIDTH - 150, 16, 260
    step = (right - left) / max(len(months) - 1, 1)
    body = []
    for pct in (0, 25, 50, 75, 100):
        y = top + height * (1 - pct / 100)
        body.append(f'<line x1="{left}" x2="{right}" y1="{y}" y2="{y}" stroke="#DDD"/>')
        body.append(_text(left - 6, y + 4, f"{pct}%", "end", 'fill="#444"'))
    every = max(1, round(len(months) / 12))
    for i, month in enumerate(months):
        if i % every == 0 or i == len(months) - 1:
            body.append(_text(left + i * step, top + height + 18, month, "middle",
                              'font-size="11" fill="#444"'))  # fmt: skip
    for s in series:
        body.append(_line(s, left, step, top, height, right))
    return _svg(chart, top + height + 30, title, "".join(body))


def _line(s: Series, left: float, step: float, top: float, height: float, right: float) -> str:
    hollow = s.hollow or (False,) * len(s.values)
    points = [
        (left + i * step, top + height * (1 - v), hollow[i])
        for i, v in enumerate(s.values)
        if v is not None
    ]
    if not points:
        return ""
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in points)
    out = [f'<polyline points="{path}" fill="none" stroke="{s.colour}" stroke-width="2.5" '
           f'stroke-dasharray="{s.dash}"/>']  # fmt: skip
    for x, y, empty in points:
        paint = f'fill="{"#FFFFFF" if empty else s.colour}" stroke="{s.colour}" stroke-width="2"'
        if s.marker == "circle":
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" {paint}/>')
        else:
            out.append(f'<rect x="{x - 4.5:.1f}" y="{y - 4.5:.1f}" width="9" height="9" {paint}/>')
    x, y, _ = points[-1]
    out.append(_text(min(x + 10, right + 10), y + 4, s.label, extra='font-weight="600"'))
    return "".join(out)
