"""The window's two themes: Fusion with a light or a dark palette.

Kept apart from ``palette.py`` (the highlight formats) so that the first paint of the window
needs Qt alone, not the highlight vocabulary.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

DARK_ROLES = {
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
# Disabled controls (practice's buttons once checked) must look disabled in the dark theme too.
DARK_DISABLED = {
    QPalette.ColorRole.WindowText: "#808080",
    QPalette.ColorRole.Text: "#808080",
    QPalette.ColorRole.ButtonText: "#808080",
    QPalette.ColorRole.Button: "#2E2E2E",
}


def apply_theme(app: QApplication, dark: bool) -> None:
    """Fusion style with a light or a dark palette."""
    app.setStyle("Fusion")
    if not dark:
        app.setPalette(app.style().standardPalette())
        return
    pal = QPalette()
    for role, colour in DARK_ROLES.items():
        pal.setColor(role, QColor(colour))
    for role, colour in DARK_DISABLED.items():
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    app.setPalette(pal)
