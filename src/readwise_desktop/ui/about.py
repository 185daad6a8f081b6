"""Help › About: versions and the pipeline in use, with a visible note when rules-only."""

from __future__ import annotations

import platform
from importlib.metadata import version
from typing import TYPE_CHECKING

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtWidgets import QMessageBox

from readwise_desktop import __version__

if TYPE_CHECKING:
    from readwise_desktop.ui.main_window import MainWindow


def show_about(window: MainWindow) -> None:
    pipeline = window.service.pipeline_name or "still loading"
    note = (
        "<p><b>Running rules-only: reduced accuracy.</b> No trained English model was found.</p>"
        if window.service.reduced_accuracy
        else ""
    )
    QMessageBox.about(
        window,
        "About readwise-desktop",
        (
            f"<h3>readwise-desktop {__version__}</h3>"
            "<p>An offline reading assistant that shows how a news article is hedged and "
            "sourced.</p>"
            f"<p>Pipeline: {pipeline}<br>spaCy {version('spacy')} · "
            f"PySide6 {PYSIDE_VERSION} · Python {platform.python_version()}</p>{note}"
        ),
    )
