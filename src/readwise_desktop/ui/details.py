"""The details pane under the ledger: everything the two-line tooltips leave out.

For the selected claim: its text, its sourcing label, the source and cue with the stance, how to
verify it, and each hedge in it with its explanation; the rule ids last, for the curious.
"""

from __future__ import annotations

from html import escape

from readwise_desktop.engine.advice import hedge_advice, source_advice
from readwise_desktop.engine.results import Analysis
from readwise_desktop.export.text_report import readable_label
from readwise_desktop.ui.palette import STYLES

STANCE_WORDS = {
    "NEUTRAL": "neutral: the verb only reports",
    "DISTANCING": "distancing: the verb keeps the writer at arm's length",
    "ENDORSING": "endorsing: the verb presents it as established",
}


def claim_details(analysis: Analysis, index: int) -> str:
    """The details of one claim, as rich text for the pane."""
    sentence = analysis.sentences[index]
    text = " ".join(analysis.text[sentence.start : sentence.end].split())
    label = sentence.sourcing or "UNSOURCED"
    advice = source_advice(label)
    out = [f"<p><b>{escape(advice.label)}</b> · “{escape(text)}”</p>"]
    rules: list[str] = []
    if sentence.attribution is not None:
        a = analysis.attributions[sentence.attribution]
        out.append(
            f"<p><b>Source</b>: {escape(a.display_source)} "
            f"({escape(readable_label(a.source_type.value))})"
            + (f"<br><b>Cue</b>: “{escape(a.cue.text)}”" if a.cue.text else "")
            + f"<br><b>Stance</b>: {escape(STANCE_WORDS.get(a.stance.value, a.stance.value))}"
            + f"<br>{escape(a.explanation)}</p>"
        )
        rules.append(a.rule_id)
    out.append(
        f"<p><b>Why it matters</b>: {escape(advice.why)}<br>"
        f"<b>How to verify</b>: {escape(advice.verify)}</p>"
    )
    if sentence.reviewed:
        out.append(f"<p><b>Reviewed by you</b>: {escape(sentence.reviewed)}</p>")
    for h in sentence.hedges:
        hedge = analysis.hedges[h]
        kind = hedge_advice(hedge.category.value)
        out.append(
            f"<p><b>{escape(STYLES[hedge.category.value].label)}</b>: “{escape(hedge.text)}”. "
            f"{escape(hedge.explanation)}<br><b>How to verify</b>: {escape(kind.verify)}</p>"
        )
        rules.append(hedge.rule_id)
    if rules:
        out.append(
            "<p><small>Rules: "
            + ", ".join(escape(r) for r in dict.fromkeys(rules))
            + "</small></p>"
        )
    return "".join(out)
