"""Highlight styles in Qt: the exports' style vocabulary (``export/styles.py``) as text formats.

Light and dark themes have their own tints of the same Okabe–Ito hues.
"""

from __future__ import annotations

from dataclasses import astuple

from PySide6.QtGui import QColor, QTextCharFormat

from readwise_desktop.export.styles import (
    HEDGE_KEYS,
    OKABE_ITO,
    STYLE_SPECS,
    TOGGLES,
    StyleSpec,
    cue_style_key,
)
from readwise_desktop.ui.theme import apply_theme

__all__ = [
    "HEDGE_KEYS",
    "OKABE_ITO",
    "STYLES",
    "TOGGLES",
    "Style",
    "apply_theme",
    "cue_style_key",
    "tint",
]

U = QTextCharFormat.UnderlineStyle
UNDERLINES = {
    "wavy": U.WaveUnderline,
    "dashed": U.DashUnderline,
    "dotted": U.DotLine,
    "dash-dot": U.DashDotLine,
    "solid": U.SingleUnderline,
}


class Style(StyleSpec):
    """A :class:`StyleSpec` of the core that can make its Qt text format."""

    __slots__ = ()

    def char_format(self, dark: bool) -> QTextCharFormat:
        spec = self
        fmt = QTextCharFormat()
        if spec.is_hedge:
            fmt.setBackground(tint(spec.colour, dark))
        elif spec.key != "UNSOURCED":  # unsourced claims keep the text colour: read, not skip
            fmt.setForeground(QColor(lighten(spec.colour) if dark else spec.colour))
        if spec.underline is not None:
            fmt.setUnderlineStyle(UNDERLINES[spec.underline])
            fmt.setUnderlineColor(QColor(lighten(spec.colour) if dark else spec.colour))
        if spec.bold:
            fmt.setFontWeight(700)
        if spec.italic:
            fmt.setFontItalic(True)
        return fmt


STYLES: dict[str, Style] = {key: Style(*astuple(spec)) for key, spec in STYLE_SPECS.items()}


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
