"""The plain-text report of ``readwise-desktop analyze --format text``."""

from __future__ import annotations

import textwrap

from readwise_desktop.engine.results import Analysis, Sentence

LABELS = {
    "NAMED_PERSON": "named person",
    "NAMED_ORGANISATION": "named organisation",
    "DOCUMENT": "document",
    "UNNAMED_OFFICIAL": "unnamed official",
    "ANONYMOUS": "anonymous",
    "VAGUE": "vague",
    "UNSOURCED": "unsourced",
}
WIDTH = 88


def readable_label(label: str) -> str:
    return LABELS.get(label, label.lower().replace("_", " "))


def text_report(analysis: Analysis) -> str:
    """Each sentence with its label and hedges marked «like this», then the source ledger."""
    lines: list[str] = []
    head = analysis.file or "(text)"
    lines.append(f"{head}  [{analysis.pipeline}]")
    if analysis.reduced_accuracy:
        lines.append("NOTE: rules-only pipeline, reduced accuracy (no trained model found).")
    if analysis.title:
        lines.append(f"Title: {analysis.title}")
    layout = analysis.layout
    if layout.dateline:
        extra = ", ".join(x for x in (layout.place, layout.date, layout.agency) if x)
        lines.append(f"Dateline: {layout.dateline.text}  ({extra})")
    lines.append("")
    for number, (index, sentence) in enumerate(analysis.claims(), start=1):
        lines.extend(_sentence_lines(analysis, number, index, sentence))
    lines.extend(_ledger(analysis))
    return "\n".join(lines) + "\n"


def _sentence_lines(analysis: Analysis, number: int, index: int, sentence: Sentence) -> list[str]:
    label = readable_label(sentence.sourcing or "")
    source = ""
    if sentence.attribution is not None:
        attribution = analysis.attributions[sentence.attribution]
        source = f" ← {attribution.display_source} (“{attribution.cue.text}”)"
    body = _marked(analysis, sentence)
    wrapped = textwrap.fill(body, WIDTH - 6, initial_indent="      ", subsequent_indent="      ")
    return [f"{number:>3}. [{label.upper()}]{source}", wrapped, ""]


def _marked(analysis: Analysis, sentence: Sentence) -> str:
    text = analysis.text
    out = []
    at = sentence.start
    for k in sentence.hedges:
        hedge = analysis.hedges[k]
        out.append(text[at : hedge.start])
        out.append(f"«{hedge.text}»{{{hedge.category.value.lower()}}}")
        at = hedge.end
    out.append(text[at : sentence.end])
    return " ".join("".join(out).split())


def _ledger(analysis: Analysis) -> list[str]:
    summary = analysis.summary
    lines = ["Summary", "-------", f"Claims: {summary.claims}"]
    groups = ", ".join(f"{g} {n}" for g, n in summary.by_group.items())
    lines.append(f"By group: {groups}")
    labels = ", ".join(f"{readable_label(k)} {v}" for k, v in summary.by_sourcing.items() if v)
    lines.append(f"By sourcing: {labels}")
    hedges = ", ".join(f"{k.lower()} {v}" for k, v in summary.hedges_by_category.items() if v)
    lines.append(f"Hedges: {hedges or 'none'}")
    lines += ["", "Sources", "-------"]
    if not summary.sources:
        lines.append("(no sources: every claim is unsourced)")
    for src in summary.sources:
        plural = "claim" if src.claims == 1 else "claims"
        lines.append(f"  {src.claims:>3} {plural:<6}  {src.name}  [{readable_label(src.type)}]")
    return lines
