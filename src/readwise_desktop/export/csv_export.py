"""CSV: one row per claim, with its label, source, cue, stance and hedges."""

from __future__ import annotations

import csv
import io

from readwise_desktop.engine.results import Analysis, group_of

COLUMNS = (
    "claim",
    "start",
    "end",
    "sourcing",
    "group",
    "source",
    "source_type",
    "cue",
    "stance",
    "hedges",
    "sentence",
    "reviewed",
)


def to_csv(analysis: Analysis) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for number, (_, sentence) in enumerate(analysis.claims(), start=1):
        label = sentence.sourcing or "UNSOURCED"
        attribution = (
            analysis.attributions[sentence.attribution]
            if sentence.attribution is not None
            else None
        )
        hedges = "; ".join(
            f"{analysis.hedges[h].text} ({analysis.hedges[h].category.value})"
            for h in sentence.hedges
        )
        writer.writerow(
            [
                number,
                sentence.start,
                sentence.end,
                label,
                group_of(label),
                attribution.display_source if attribution else "",
                attribution.source_type.value if attribution else "",
                attribution.cue.text if attribution else "",
                attribution.stance.value if attribution else "",
                hedges,
                " ".join(analysis.text[sentence.start : sentence.end].split()),
                sentence.reviewed or "",
            ]
        )
    return buffer.getvalue()
