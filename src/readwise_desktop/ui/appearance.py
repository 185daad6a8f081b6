"""How the window looks: the theme, the text size (the article, the sidebar and the ledger zoom
together), and the legend folded away on a laptop screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from readwise_desktop.ui.theme import apply_theme

if TYPE_CHECKING:
    from readwise_desktop.ui.main_window import MainWindow

# Below this window height the legend starts folded (first run): on a 1366x768 or 1280x800
# laptop the ledger needs the room; on a 1080-line screen the legend fits beside it.
FOLD_BELOW = 820
MIN_ZOOM_PT = 6.0


def set_dark(window: MainWindow, dark: bool) -> None:
    """Switch the theme; everything drawn in colour is drawn again in the new one."""
    window.dark = dark
    window.dark_action.setChecked(dark)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_theme(app, dark)
    window.legend.set_dark(dark)
    colour_meta_label(window)
    window.sidebar.set_dark(dark)  # the links and the ◆ marker take the theme's colours
    visible = set() if window.practice.active else window.legend.visible()
    window.view.restyle(visible, dark)  # the band and overlays are redrawn in the new theme
    window.practice.redraw()
    window.saved_state.setValue("theme", "dark" if dark else "light")


def colour_meta_label(window: MainWindow) -> None:
    """The format line in a grey that keeps its contrast on either theme."""
    colour = "#B8B8B8" if window.dark else "#505050"
    window.meta_label.setStyleSheet(f"color: {colour}; font-size: small;")


def show_legend(window: MainWindow, shown: bool) -> None:
    """Fold the legend away or show it; remembered."""
    from PySide6.QtCore import Qt  # here: the shell's first paint does without it

    window.legend.setVisible(shown)
    window.legend_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
    window.saved_state.setValue("legend", shown)


def fold_legend_for_screen(window: MainWindow) -> None:
    """As the reader left it; on the first run, folded when the window is laptop-sized."""
    legend = window.saved_state.value("legend")
    if legend is None:
        window.legend_button.setChecked(window.height() >= FOLD_BELOW)
    else:
        window.legend_button.setChecked(str(legend).lower() == "true")


def zoom(window: MainWindow, step: int) -> None:
    """Zoom the article, and the sidebar, the ledger and the practice panel with it."""
    view = window.view
    if step:
        view.zoomIn(step)
    else:
        view.zoomIn(round(window.reading_size - view.font().pointSizeF()))
    ratio = view.font().pointSizeF() / window.reading_size
    size = max(MIN_ZOOM_PT, QApplication.font().pointSizeF() * ratio)
    for widget in (window.side, window.practice.panel):
        font = widget.font()
        font.setPointSizeF(size)
        widget.setFont(font)
    window.sidebar.fit_rows()
