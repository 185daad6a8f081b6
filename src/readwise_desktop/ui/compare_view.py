"""File › Compare with another version: what changed in the sourcing and hedging of a story."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QWidget

from readwise_desktop.app.compare import Comparison
from readwise_desktop.export.text_report import readable_label
from readwise_desktop.ui.html_dialog import HtmlDialog

MARKS = {
    "gained a source": "✚ gained a source",
    "lost a source": "✖ lost a source",
    "source changed": "↻ source changed",
    "added": "＋ new claim",
    "removed": "－ claim removed",
}


def comparison_html(result: Comparison, old_name: str, new_name: str) -> str:
    parts = [f"<h3>{escape(old_name)} → {escape(new_name)}</h3>"]
    if not (result.claims or result.hedges or result.sources_appeared or result.sources_vanished):
        return parts[0] + "<p>No change in sourcing or hedging.</p>"
    rows = []
    for change in result.claims:
        was = readable_label(change.old_label) if change.old_label else ""
        now = readable_label(change.new_label) if change.new_label else ""
        if change.old_source:
            was += f": {change.old_source}"
        if change.new_source:
            now += f": {change.new_source}"
        rows.append(
            f"<tr><td><b>{MARKS[change.kind]}</b></td><td>{escape(was)}</td>"
            f"<td>{escape(now)}</td><td>{escape(change.new or change.old or '')}</td></tr>"
        )
    parts.append(
        "<h4>Claims</h4><table border='1' cellpadding='4'>"
        "<tr><th>change</th><th>before</th><th>after</th><th>claim</th></tr>"
        + "".join(rows)
        + "</table>"
    )
    if result.hedges:
        items = "".join(
            f"<li><b>{escape(h.kind)}</b>: “{escape(h.text)}” ({escape(h.category.lower())}) "
            f"in {escape(h.claim)}</li>"
            for h in result.hedges
        )
        parts.append(f"<h4>Hedges</h4><ul>{items}</ul>")
    for title, names in (
        ("Sources that appeared", result.sources_appeared),
        ("Sources that vanished", result.sources_vanished),
    ):
        if names:
            parts.append(f"<h4>{title}</h4><p>{escape('; '.join(names))}</p>")
    return "".join(parts)


class CompareDialog(HtmlDialog):
    def __init__(self, result: Comparison, old_name: str, new_name: str, parent: QWidget) -> None:
        html = comparison_html(result, old_name, new_name)
        super().__init__(
            parent,
            "compareDialog",
            "Compare versions",
            html,
            (900, 600),
            "Changes between the two versions",
        )
