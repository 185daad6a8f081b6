"""File › Export, Export as PDF and Print: the analysis leaves the window.

HTML, Markdown, CSV and JSON come from the core's exporters (the same as the command line) and are
written atomically. The PDF is the report a journalist hands on: the HTML export's title,
legend, summary, highlighted article and ledger, paginated, always in the light palette. Print
uses the view's document. Every file keeps the reader's umask.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument
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
        write_pdf(target, report_document(analysis))
    else:
        write_atomic(target, render(analysis, format_for(target, "html")))
    return target


def report_document(analysis: Analysis) -> QTextDocument:
    """The HTML report as a document: light palette whatever the window's theme."""
    document = QTextDocument()
    html = render(analysis, "html")
    for px, family in (
        ("font:17px/1.6 Georgia,serif", "Georgia,serif"),
        ("font:0.85em/1.4 sans-serif", "sans-serif"),
    ):
        html = html.replace(px, f"font-family:{family}")  # pixel sizes print tiny on a PDF page
    html = html.replace("<table>", "<table width='100%'>")
    font = QFont("Georgia")
    font.setPointSizeF(10.5)
    document.setDefaultFont(font)
    document.setHtml(html)
    document.setMetaInformation(
        QTextDocument.MetaInformation.DocumentTitle,
        analysis.title or Path(analysis.file or "article").name,
    )
    return document


def write_pdf(path: Path, document: QTextDocument) -> None:
    """Render the PDF in memory, then write it atomically: a full disk raises OSError and
    leaves no broken PDF under the final name."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)
    writer.setTitle(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    writer.setCreator("readwise-desktop")
    document.print_(writer)
    del writer  # finishes the PDF
    buffer.close()
    write_atomic(path, bytes(buffer.data().data()))


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
