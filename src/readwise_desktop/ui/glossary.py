"""Help › Glossary and Help › Keyboard shortcuts: what every highlight and label means, in our
own words, with two examples each; and every command with its keys, read from the menus."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from readwise_desktop.export.text_report import readable_label
from readwise_desktop.ui.html_dialog import HtmlDialog
from readwise_desktop.ui.palette import STYLES

if TYPE_CHECKING:
    from readwise_desktop.ui.main_window import MainWindow

# One line each: used in the Glossary and beside each choice when a student marks something.
HEDGE_TERMS: dict[str, tuple[str, tuple[str, str]]] = {
    "REPORTATIVE": (
        "The writer passes a statement on without vouching for it.",
        ("The mayor had reportedly resigned.", "The drug is said to cut waiting times."),
    ),
    "MODAL": (
        "A modal verb says something is possible, not that it is so.",
        ("The bridge may close next week.", "The delay could have caused the crash."),
    ),
    "SPECULATIVE": (
        "A verb or adjective of inference: a conclusion drawn, not a fact observed.",
        ("The figures suggest the scheme is working.", "The fire appears to have started inside."),
    ),
    "PROBABILITY": (
        "A word giving a degree of likelihood rather than a certainty.",
        ("The vote is likely to pass.", "Prices will probably rise again."),
    ),
    "APPROXIMATOR": (
        "An imprecise quantity: the exact number is not given.",
        ("Nearly 300 homes lost power.", "Roughly a third of the staff left."),
    ),
}
SOURCE_TERMS: dict[str, tuple[str, tuple[str, str]]] = {
    "NAMED_PERSON": (
        "A person the article names (or a title or pronoun it ties to one).",
        ("“We will rebuild,” said Mayor Ana Ruiz.", "Ruiz added that funds were secured."),
    ),
    "NAMED_ORGANISATION": (
        "A named body: a ministry, company, court, agency or news outlet.",
        ("The health ministry said the ward would reopen.", "Reuters reported the deal."),
    ),
    "DOCUMENT": (
        "A written record: a report, study, filing, dataset or publication.",
        ("According to court filings, the firm knew.", "A council report found the cost doubled."),
    ),
    "UNNAMED_OFFICIAL": (
        "Officials, or official statements, with no one named.",
        ("Officials said the road is safe.", "According to a government spokesperson, …"),
    ),
    "ANONYMOUS": (
        "A source the article says it keeps unnamed.",
        (
            "A source familiar with the talks said …",
            "…, said an insider who asked not to be named.",
        ),
    ),
    "VAGUE": (
        "An unspecified crowd, or a report with no one behind it.",
        ("Critics say the plan is rushed.", "Reports emerged of damage to the port."),
    ),
    "UNSOURCED": (
        "A claim with no source at all: the article itself asserts it.",
        ("The closure marked a turning point.", "The scheme has failed."),
    ),
}


def hedge_name(category: str) -> str:
    """The legend's name of a hedge kind: "Reportative hedge", "Approximate figure"."""
    return STYLES[category].label


def source_name(label: str) -> str:
    return readable_label(label).capitalize()


def glossary_html() -> str:
    def entry(name: str, meaning: str, examples: tuple[str, str], cue: str) -> str:
        return (
            f"<h4>{escape(name)} <small>({escape(cue)})</small></h4><p>{escape(meaning)}</p>"
            f"<ul><li><i>{escape(examples[0])}</i></li><li><i>{escape(examples[1])}</i></li></ul>"
        )

    hedges = "".join(
        entry(hedge_name(k), meaning, examples, STYLES[k].cue)
        for k, (meaning, examples) in HEDGE_TERMS.items()
    )
    sources = "".join(
        entry(
            source_name(k),
            meaning,
            examples,
            STYLES["UNSOURCED"].cue
            if k == "UNSOURCED"
            else STYLES["CUE_NAMED" if k in NAMED else "CUE_UNNAMED"].cue + " cue and source",
        )
        for k, (meaning, examples) in SOURCE_TERMS.items()
    )
    return (
        "<h2>Glossary</h2>"
        "<p>A <b>hedge</b> is a word by which the writer lowers their commitment to a "
        "statement, or passes it on without vouching for it. The highlight covers the hedge "
        "itself, not the statement.</p>"
        f"<h3>Hedges</h3>{hedges}"
        "<h3>How a claim is sourced</h3>"
        "<p>Every sentence of the body is a <b>claim</b>. It is sourced by the most specific "
        "attribution that covers it: a <b>cue</b> (said, according to, confirmed) and, when "
        "there is one, the <b>source</b> it names. Named person, named organisation and "
        "document count as <b>named</b>; unnamed official, anonymous and vague as "
        "<b>unnamed</b>.</p>"
        f"{sources}"
        "<h3>Stance</h3><p><b>Neutral</b> verbs only report (said, told). <b>Distancing</b> "
        "verbs keep the writer at arm's length (claimed, insisted). <b>Endorsing</b> verbs "
        "present the statement as established (confirmed, revealed).</p>"
    )


NAMED = ("NAMED_PERSON", "NAMED_ORGANISATION", "DOCUMENT")


def shortcuts_html(window: MainWindow) -> str:
    rows = []
    for name, menu in window.menus.items():
        for action in menu.actions():
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys and action.text():
                rows.append(
                    f"<tr><td>{escape(name.replace('&', ''))}</td>"
                    f"<td>{escape(action.text().replace('&', ''))}</td>"
                    f"<td><b>{escape(keys)}</b></td></tr>"
                )
    return (
        "<h2>Keyboard shortcuts</h2><table cellpadding='3'>"
        "<tr><th align='left'>menu</th><th align='left'>command</th><th align='left'>keys</th></tr>"
        + "".join(rows)
        + "<tr><td>Find bar</td><td>Next / previous match</td><td><b>Enter / Shift+Enter</b>"
        "</td></tr><tr><td>Find bar</td><td>Close</td><td><b>Esc</b></td></tr></table>"
    )


class HelpDialog(HtmlDialog):
    def __init__(self, title: str, html: str, parent: QWidget, name: str) -> None:
        super().__init__(parent, name, title, html)
