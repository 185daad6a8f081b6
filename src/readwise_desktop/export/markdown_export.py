"""Markdown: the summary, the claim ledger as a table, and the text with hedges and cues marked.

Hedges are «like this»{category}, cues **bold**, unsourced claims end with ◆.
"""

from __future__ import annotations

from readwise_desktop.engine.results import Analysis
from readwise_desktop.engine.text.layout import paragraphs
from readwise_desktop.export.text_report import readable_label


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _marked_text(analysis: Analysis) -> list[str]:
    text = analysis.text
    inserts: list[tuple[int, int, str]] = []  # (position, order, string)
    for h in analysis.hedges:
        inserts += [(h.start, 1, "«"), (h.end, 0, f"»{{{h.category.value.lower()}}}")]
    for a in analysis.attributions:
        inserts += [(a.cue.start, 2, "**"), (a.cue.end, -1, "**")]
    for s in analysis.sentences:
        if s.is_claim and (s.sourcing or "UNSOURCED") == "UNSOURCED":
            inserts.append((s.end, -2, " ◆"))
    out = []
    for start, end in paragraphs(text):
        pieces, at = [], start
        for position, _, mark in sorted(i for i in inserts if start <= i[0] <= end):
            pieces += [text[at:position], mark]
            at = position
        pieces.append(text[at:end])
        line = " ".join("".join(pieces).split())
        if line:
            out += [line, ""]
    return out


def to_markdown(analysis: Analysis) -> str:
    summary = analysis.summary
    lines = [f"# {analysis.title or analysis.file or 'Article'}", ""]
    if analysis.reduced_accuracy:
        lines += ["> Rules-only pipeline: reduced accuracy.", ""]
    lines += ["## Sourcing summary", "", f"{summary.claims} claims: "]
    lines[-1] += ", ".join(f"{g} {n}" for g, n in summary.by_group.items())
    lines += ["", "| sourcing | claims |", "|---|---|"]
    lines += [f"| {readable_label(k)} | {v} |" for k, v in summary.by_sourcing.items()]
    hedges = ", ".join(f"{k.lower()} {v}" for k, v in summary.hedges_by_category.items() if v)
    lines += ["", f"Hedges: {hedges or 'none'}", "", "## Sources", ""]
    lines += [f"- {s.name} ({readable_label(s.type)}): {s.claims}" for s in summary.sources] or [
        "- none: every claim is unsourced"
    ]
    lines += ["", "## Claim ledger", "", "| # | sourcing | source | cue | claim |"]
    lines.append("|---|---|---|---|---|")
    for number, (_, s) in enumerate(analysis.claims(), start=1):
        a = analysis.attributions[s.attribution] if s.attribution is not None else None
        claim = _cell(analysis.text[s.start : s.end])
        source, cue = (_cell(a.display_source), _cell(a.cue.text)) if a else ("—", "")
        label = readable_label(s.sourcing or "UNSOURCED")
        if s.reviewed:
            label += f" (reviewed: {s.reviewed})"
        lines.append(f"| {number} | {label} | {source} | {cue} | {claim} |")
    lines += ["", "## Text", "", *_marked_text(analysis)]
    return "\n".join(lines).rstrip() + "\n"
