"""Small questions the window asks the reader."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget

from readwise_desktop.engine.results import SourceType
from readwise_desktop.export.text_report import readable_label


def ask_source_type(parent: QWidget, title: str) -> str | None:
    """A source type chosen from the taxonomy's seven (by their readable names), or None."""
    labels = [readable_label(t.value) for t in SourceType]
    label, ok = QInputDialog.getItem(parent, title, "What kind of source?", labels, 0, False)
    return list(SourceType)[labels.index(label)].value if ok else None
