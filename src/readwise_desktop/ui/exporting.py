"""File › Export, Export as PDF and Print: the analysis leaves the window.

HTML, Markdown, CSV and JSON come from the core's exporters (the same as the command line) and are
written atomically. PDF and print use the document's own formats, so the highlights print as
they are shown (QPdfWriter, QPrinter).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QWidget

from readwise_desktop.engine.results import Analysis
from readwise_desktop.export import format_for, render
from readwise_desktop.export.atomic import write_atomic

FILTERS = {
    "HTML page (*.html)": ".html",
    "PDF (*.pdf)": ".pdf",
    "Markdown (*.md)": ".md",
    "CSV, a row per claim (*.csv)": ".csv",
    "JSON analysis (*.json)": ".json",
}


def export_to(path: str | Path, analysis: Analysis, document: QTextDocument) -> Path:
    """Write the analysis to ``path`` in the format its suffix names (PDF: the document)."""
    target = Path(path)
    if target.suffix.lower() == ".pdf":
        write_pdf(target, document)
    else:
        write_atomic(target, render(analysis, format_for(target, "html")))
    return target


def write_pdf(path: Path, document: QTextDocument) -> None:
    partial = path.with_name(f".{path.name}.part")
    writer = QPdfWriter(str(partial))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)
    writer.setTitle(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    writer.setCreator("readwise-desktop")
    document.print_(writer)
    del writer  # finishes the file
    partial.replace(path)


def ask_export_path(parent: QWidget, suggested: str) -> str | None:
    path, chosen = QFileDialog.getSaveFileName(
        parent, "Export the analysis", suggested, ";;".join(FILTERS)
    )
    if not path:
        return None
    if not Path(path).suffix and chosen in FILTERS:
        path += FILTERS[chosen]
    return path


def print_document(parent: QWidget, document: QTextDocument) -> bool:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    document.print_(printer)
    return True
