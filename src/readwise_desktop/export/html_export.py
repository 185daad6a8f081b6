"""A self-contained HTML page: the article highlighted as in the window, then summary and ledger.

Inline CSS only, no script and no remote resource. Every highlight is a ``<span>`` with a class
per category (colour plus the same non-colour cue as the window: underline style or weight) and a
``title`` with the same explanation as the window's tooltip. Colours are kept when printed.
"""

from __future__ import annotations

from html import escape
from itertools import pairwise

from readwise_desktop.engine.advice import attribution_note, claim_note, hedge_note
from readwise_desktop.engine.results import Analysis
from readwise_desktop.engine.text.layout import paragraphs
from readwise_desktop.export.styles import STYLE_SPECS, TOGGLES, Mark, StyleSpec, marks_of
from readwise_desktop.export.text_report import readable_label

NESTING = {"unsourced": 0, "source": 1, "cue": 1, "hedge": 2}
CSS_UNDERLINES = {"dash-dot": "double"}  # CSS has no dash-dot line; double keeps it apart


def _tint(colour: str, share: float = 0.32) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02X}{:02X}{:02X}".format(*(round(255 + (c - 255) * share) for c in (r, g, b)))


def _css_rule(spec: StyleSpec) -> str:
    parts = []
    if spec.is_hedge:
        parts.append(f"background:{_tint(spec.colour)}")
    elif spec.key != "UNSOURCED":
        parts.append(f"color:{spec.colour}")
    if spec.underline:
        style = CSS_UNDERLINES.get(spec.underline, spec.underline)
        parts.append(f"text-decoration:underline {style} {spec.colour}")
        parts.append("text-underline-offset:0.2em")
    if spec.bold:
        parts.append("font-weight:700")
    if spec.italic:
        parts.append("font-style:italic")
    return f".rw-{spec.key}{{{';'.join(parts)}}}"


CSS = "\n".join(
    [
        "body{font:17px/1.6 Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;"
        "color:#1A1A1A;-webkit-print-color-adjust:exact;print-color-adjust:exact}",
        "h1{font:700 1.6em/1.3 sans-serif}h2{font:700 1.2em sans-serif;margin-top:2em}",
        ".byline,.dateline{color:#555;font-style:italic}",
        "table{border-collapse:collapse;width:100%;font:0.85em/1.4 sans-serif}",
        "td,th{border:1px solid #BBB;padding:0.3em 0.5em;text-align:left;vertical-align:top}",
        ".legend span{margin-right:1em}",
        "@media print{body{max-width:none;margin:0}h2{page-break-after:avoid}}",
        *(_css_rule(spec) for spec in STYLE_SPECS.values()),
    ]
)


def _note(analysis: Analysis, mark: Mark) -> str:
    if mark.kind == "hedge":
        return hedge_note(analysis.hedges[mark.index])
    if mark.kind in ("cue", "source"):
        return attribution_note(analysis.attributions[mark.index])
    return claim_note("UNSOURCED", None)


def _marked_range(analysis: Analysis, marks: list[Mark], start: int, end: int) -> str:
    """The text between start and end with nested spans for the marks over each piece."""
    inside = [m for m in marks if m.start < end and m.end > start]
    cuts = sorted(
        {start, end, *(max(start, m.start) for m in inside), *(min(end, m.end) for m in inside)}
    )
    out = []
    for a, b in pairwise(cuts):
        piece = escape(analysis.text[a:b])
        over = sorted(
            (m for m in inside if m.start <= a and m.end >= b), key=lambda m: NESTING[m.kind]
        )
        for mark in reversed(over):
            title = escape(_note(analysis, mark), quote=True)
            piece = f'<span class="rw-{mark.style}" title="{title}">{piece}</span>'
        out.append(piece)
    return "".join(out)


def _article(analysis: Analysis) -> list[str]:
    marks = marks_of(analysis)
    layout = analysis.layout
    out = []
    for start, end in paragraphs(analysis.text):
        if layout.title and start == layout.title.start:
            out.append(f"<h1>{escape(analysis.text[start:end].strip())}</h1>")
        elif layout.byline and start == layout.byline.start:
            out.append(f'<p class="byline">{escape(analysis.text[start:end].strip())}</p>')
        else:
            out.append(f"<p>{_marked_range(analysis, marks, start, end)}</p>")
    return out


def _legend() -> str:
    items = [
        f'<span class="rw-{key}">{escape(STYLE_SPECS[key].label)}</span> '
        f"({escape(_cue_words(STYLE_SPECS[key]))})"
        for key in TOGGLES
    ]
    return '<p class="legend">' + " · ".join(items) + "</p>"


def _cue_words(spec: StyleSpec) -> str:
    if spec.underline in CSS_UNDERLINES:
        return f"{CSS_UNDERLINES[spec.underline]} underline"
    return spec.cue


def _summary(analysis: Analysis) -> list[str]:
    summary = analysis.summary
    rows = "".join(
        f"<tr><td>{escape(readable_label(k))}</td><td>{v}</td></tr>"
        for k, v in summary.by_sourcing.items()
    )
    hedges = ", ".join(f"{k.lower()} {v}" for k, v in summary.hedges_by_category.items() if v)
    sources = "".join(
        f"<li>{escape(s.name)} ({escape(readable_label(s.type))}): {s.claims}</li>"
        for s in summary.sources
    )
    return [
        "<h2>Sourcing summary</h2>",
        f"<p>{summary.claims} claims: "
        + ", ".join(f"{g} {n}" for g, n in summary.by_group.items())
        + "</p>",
        f"<table><tr><th>sourcing</th><th>claims</th></tr>{rows}</table>",
        f"<p>Hedges: {escape(hedges or 'none')}</p>",
        f"<h2>Sources</h2><ul>{sources or '<li>none: every claim is unsourced</li>'}</ul>",
    ]


def _ledger(analysis: Analysis) -> list[str]:
    rows = []
    for number, (_, s) in enumerate(analysis.claims(), start=1):
        a = analysis.attributions[s.attribution] if s.attribution is not None else None
        label = s.sourcing or "UNSOURCED"
        mark = "◆ " if label == "UNSOURCED" else ""
        label_note = f" (reviewed: {s.reviewed})" if s.reviewed else ""
        rows.append(
            f"<tr><td>{number}</td><td>{mark}{escape(readable_label(label) + label_note)}</td>"
            f"<td>{escape(a.display_source) if a else '—'}</td>"
            f"<td>{escape(a.cue.text) if a else ''}</td>"
            f"<td>{escape(' '.join(analysis.text[s.start : s.end].split()))}</td></tr>"
        )
    head = "<tr><th>#</th><th>sourcing</th><th>source</th><th>cue</th><th>claim</th></tr>"
    return ["<h2>Claim ledger</h2>", f"<table>{head}{''.join(rows)}</table>"]


def to_html(analysis: Analysis) -> str:
    title = escape(analysis.title or analysis.file or "Article")
    note = (
        "<p><strong>Rules-only pipeline: reduced accuracy.</strong></p>"
        if analysis.reduced_accuracy
        else ""
    )
    body = [
        *(_article(analysis)),
        "<h2>Legend</h2>",
        _legend(),
        *_summary(analysis),
        *_ledger(analysis),
        f"<p><small>readwise-desktop, {escape(analysis.pipeline)}</small></p>",
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>\n{CSS}\n</style></head>\n<body>\n{note}"
        + "\n".join(body)
        + "\n</body></html>\n"
    )
