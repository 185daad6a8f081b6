"""Highlight styles: the Okabe–Ito colour-blind-safe palette plus a non-colour cue per category.

Every category has a colour *and* an underline style or weight, so the categories stay apart in
greyscale print and for readers who do not see the colours. Light and dark themes have their own
tints of the same hues.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication

OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}
U = QTextCharFormat.UnderlineStyle


@dataclass(frozen=True, slots=True)
class Style:
    key: str
    label: str
    colour: str
    underline: U | None
    bold: bool
    italic: bool
    cue: str  # the non-colour cue, in words, for the legend

    def char_format(self, dark: bool) -> QTextCharFormat:
        fmt = QTextCharFormat()
        if self.key in HEDGE_KEYS:
            fmt.setBackground(tint(self.colour, dark))
        elif self.key != "UNSOURCED":  # unsourced claims keep the text colour: read, not skip
            fmt.setForeground(QColor(lighten(self.colour) if dark else self.colour))
        if self.underline is not None:
            fmt.setUnderlineStyle(self.underline)
            fmt.setUnderlineColor(QColor(lighten(self.colour) if dark else self.colour))
        if self.bold:
            fmt.setFontWeight(700)
        if self.italic:
            fmt.setFontItalic(True)
        return fmt


HEDGE_KEYS = ("REPORTATIVE", "MODAL", "SPECULATIVE", "PROBABILITY", "APPROXIMATOR")
STYLES: dict[str, Style] = {
    "REPORTATIVE": Style(
        "REPORTATIVE",
        "Reportative hedge",
        OKABE_ITO["vermillion"],
        U.WaveUnderline,
        False,
        False,
        "wavy underline",
    ),
    "MODAL": Style(
        "MODAL",
        "Modal hedge",
        OKABE_ITO["sky_blue"],
        U.DashUnderline,
        False,
        False,
        "dashed underline",
    ),
    "SPECULATIVE": Style(
        "SPECULATIVE",
        "Speculative hedge",
        OKABE_ITO["reddish_purple"],
        U.DotLine,
        False,
        False,
        "dotted underline",
    ),
    "PROBABILITY": Style(
        "PROBABILITY",
        "Probability hedge",
        OKABE_ITO["yellow"],
        U.DashDotLine,
        False,
        False,
        "dash-dot underline",
    ),
    "APPROXIMATOR": Style(
        "APPROXIMATOR",
        "Approximate figure",
        OKABE_ITO["bluish_green"],
        U.SingleUnderline,
        False,
        False,
        "solid underline",
    ),
    "CUE_NAMED": Style(
        "CUE_NAMED", "Named source and its cue", OKABE_ITO["blue"], None, True, False, "bold"
    ),
    "CUE_UNNAMED": Style(
        "CUE_UNNAMED",
        "Unnamed or vague source and its cue",
        OKABE_ITO["orange"],
        None,
        True,
        True,
        "bold italic",
    ),
    "UNSOURCED": Style(
        "UNSOURCED",
        "Unsourced claim",
        "#6B6B6B",
        U.DotLine,
        False,
        False,
        "grey dotted underline and ◆ in the ledger",
    ),
}
TOGGLES = (*HEDGE_KEYS, "CUE_NAMED", "CUE_UNNAMED", "UNSOURCED")


def tint(hex_colour: str, dark: bool) -> QColor:
    """The category colour blended onto the page so that text on it keeps its contrast."""
    base = QColor("#1E1E1E") if dark else QColor("#FFFFFF")
    colour = QColor(hex_colour)
    share = 0.45 if dark else 0.32
    return QColor(
        round(base.red() + (colour.red() - base.red()) * share),
        round(base.green() + (colour.green() - base.green()) * share),
        round(base.blue() + (colour.blue() - base.blue()) * share),
    )


def lighten(hex_colour: str) -> str:
    return QColor(hex_colour).lighter(150).name()


def cue_style_key(source_group: str) -> str:
    return "CUE_NAMED" if source_group == "named" else "CUE_UNNAMED"


def apply_theme(app: QApplication, dark: bool) -> None:
    """Fusion style with a light or a dark palette."""
    app.setStyle("Fusion")
    if not dark:
        app.setPalette(app.style().standardPalette())
        return
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2B2B2B",
        QPalette.ColorRole.WindowText: "#E8E8E8",
        QPalette.ColorRole.Base: "#1E1E1E",
        QPalette.ColorRole.AlternateBase: "#262626",
        QPalette.ColorRole.Text: "#E8E8E8",
        QPalette.ColorRole.Button: "#333333",
        QPalette.ColorRole.ButtonText: "#E8E8E8",
        QPalette.ColorRole.Highlight: "#0072B2",
        QPalette.ColorRole.HighlightedText: "#FFFFFF",
        QPalette.ColorRole.ToolTipBase: "#333333",
        QPalette.ColorRole.ToolTipText: "#F0F0F0",
        QPalette.ColorRole.PlaceholderText: "#9A9A9A",
        QPalette.ColorRole.Link: "#56B4E9",
    }
    for role, colour in roles.items():
        pal.setColor(role, QColor(colour))
    app.setPalette(pal)
