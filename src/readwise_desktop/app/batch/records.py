"""What one analysed article leaves behind: its row of ``summary.csv``, its sources, and its
article, claim and attribution rows for the Parquet tables (columns: docs/batch-schema.md).

Everything here is plain JSON (one line of the journal holds it), so a resumed run can write
the tables again without analysing anything.
"""

from __future__ import annotations

import email.utils
from typing import Any

import regex

from readwise_desktop.engine.results import SOURCING_LABELS, Analysis, Attribution, group_of

SUMMARY_COLUMNS = (
    "file", "title", "format", "claims", "named", "unnamed", "unsourced", "named_share",
    "unnamed_share", "unsourced_share", "hedges", "words", "hedges_per_100_words", "top_sources",
)  # fmt: skip
KEYS = ("article_id", "path", "outlet", "date")  # in every table's rows
ISO_DATE = regex.compile(r"(\d{4})-?(\d{2})-?(\d{2})")


def article_record(
    analysis: Analysis, article_id: str, export: str, outlet_hint: str | None
) -> dict[str, Any]:
    """The journal's entry for one article (a file may hold several: a mailbox, a feed)."""
    return {
        "row": summary_row(analysis),
        "sources": [[s.name, s.type.value, s.claims] for s in analysis.summary.sources],
        "article": article_fields(analysis, article_id, export, outlet_hint),
        "claims": claim_rows(analysis),  # the keys shared with the article are added when
        "attributions": attribution_rows(analysis),  # the tables are written (KEYS)
    }


def summary_row(analysis: Analysis) -> dict[str, Any]:
    summary = analysis.summary
    claims = summary.claims or 1
    words = len(analysis.text.split())
    groups = summary.by_group
    top = "; ".join(f"{s.name} ({s.claims})" for s in summary.sources[:3])
    hedges = sum(summary.hedges_by_category.values())
    return {
        "file": analysis.file,
        "title": analysis.title or "",
        "format": analysis.metadata.get("format", ""),
        "claims": summary.claims,
        **{g: groups.get(g, 0) for g in ("named", "unnamed", "unsourced")},
        **{
            f"{g}_share": round(groups.get(g, 0) / claims, 3)
            for g in ("named", "unnamed", "unsourced")
        },
        "hedges": hedges,
        "words": words,
        "hedges_per_100_words": round(100 * hedges / max(words, 1), 2),
        "top_sources": top,
    }


def article_fields(
    analysis: Analysis, article_id: str, export: str, outlet_hint: str | None
) -> dict[str, Any]:
    """The ``articles`` table's row: who published it, when, and its counts."""
    meta, summary = analysis.metadata, analysis.summary
    agency = meta.get("agency") or analysis.layout.agency
    given = meta.get("date") or analysis.layout.date
    return {
        "article_id": article_id,
        "path": analysis.file or "",
        "export": export,
        "title": analysis.title,
        "format": meta.get("format", ""),
        "outlet": agency or outlet_hint,
        "agency": agency,
        "date": iso_date(given),
        "date_given": given,
        "claims": summary.claims,
        **{label.lower(): summary.by_sourcing.get(label, 0) for label in SOURCING_LABELS},
        **{g: summary.by_group.get(g, 0) for g in ("named", "unnamed", "unsourced")},
        "hedges": sum(summary.hedges_by_category.values()),
        "words": len(analysis.text.split()),
        "pipeline": analysis.pipeline,
        "reduced_accuracy": analysis.reduced_accuracy,
    }


def claim_rows(analysis: Analysis) -> list[dict[str, Any]]:
    """One row per claim (a body sentence): its sourcing label and the attribution behind it."""
    rows = []
    for index, sentence in analysis.claims():
        label = sentence.sourcing or "UNSOURCED"
        found = _attribution(analysis, sentence.attribution)
        rows.append(
            {
                "sentence": index,
                "start": sentence.start,
                "end": sentence.end,
                "text": analysis.text[sentence.start : sentence.end],
                "label": label,
                "group": group_of(label),
                "source_name": found.display_source if found else None,
                "source_type": found.source_type.value if found else None,
                "cue": found.cue.text if found else None,
                "stance": found.stance.value if found else None,
                "hedges": len(sentence.hedges),
                "hedge_categories": sorted(
                    {analysis.hedges[h].category.value for h in sentence.hedges}
                ),
            }
        )
    return rows


def attribution_rows(analysis: Analysis) -> list[dict[str, Any]]:
    """One row per attribution: cue, source, its type and stance, the claims it sources."""
    sourced: dict[int, int] = {}
    hedged: dict[int, int] = {}
    for _, sentence in analysis.claims():
        if sentence.attribution is not None:
            sourced[sentence.attribution] = sourced.get(sentence.attribution, 0) + 1
            hedged[sentence.attribution] = hedged.get(sentence.attribution, 0) + len(
                sentence.hedges
            )
    return [
        {
            "attribution": i,
            "cue": a.cue.text,
            "source": a.source.text if a.source else None,
            "source_name": a.display_source,
            "source_type": a.source_type.value,
            "group": group_of(a.source_type.value),
            "stance": a.stance.value,
            "rule_id": a.rule_id,
            "second_hand": a.second_hand,
            "sentences": list(a.sentences),
            "claims": sourced.get(i, 0),
            "hedges": hedged.get(i, 0),
        }
        for i, a in enumerate(analysis.attributions)
    ]


def _attribution(analysis: Analysis, index: int | None) -> Attribution | None:
    return analysis.attributions[index] if index is not None else None


def iso_date(given: str | None) -> str | None:
    """``2019-01-05`` from what an importer read: ISO dates and times, NITF's ``20190105T…``,
    or an e-mail date; ``None`` when it is none of these."""
    if not given:
        return None
    found = ISO_DATE.match(given.strip())
    if found and 1 <= int(found[2]) <= 12 and 1 <= int(found[3]) <= 31:
        return f"{found[1]}-{found[2]}-{found[3]}"
    try:
        return email.utils.parsedate_to_datetime(given).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
