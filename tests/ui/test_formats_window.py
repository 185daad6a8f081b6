"""The window opens every format: metadata above the text, captions out of the ledger."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from readwise_desktop.formats.reader import file_filter
from readwise_desktop.ui.main_window import MainWindow
from tests.formats import makers
from tests.formats.makers import STORY
from tests.locations import FIXTURES as FIXTURE_ROOT
from tests.ui.conftest import WAIT_MS, open_and_wait

FIXTURES = FIXTURE_ROOT / "formats"


def test_nitf_opens_with_its_metadata(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, FIXTURES / "harbour.nitf.xml")
    analysis = window.analysis
    assert analysis is not None and analysis.title == "Harbour talks resume after two-day strike"
    assert window.meta_label.isVisible() or not window.isVisible()
    line = window.meta_label.text()
    assert line.startswith("NITF") and "agency: Northwind News" in line
    assert "image captions left out: 1" in line
    claims = [analysis.text[s.start : s.end] for _, s in analysis.claims()]
    assert not any("Pickets" in c for c in claims)  # the caption is no claim
    assert window.sidebar.model.rowCount() == len(claims)


def test_dropped_word_document_is_analysed(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = makers.write(tmp_path, "story.docx", makers.docx_bytes([("Normal", s) for s in STORY]))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    with qtbot.waitSignal(window.service.finished, timeout=WAIT_MS):
        window.drop_mime(mime)
    assert window.analysis is not None and STORY[1] in window.analysis.text
    assert window.meta_label.text().startswith("Word document")


def test_broken_pdf_shows_a_dialog_and_keeps_the_article(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_and_wait(qtbot, window, FIXTURES / "harbour.nitf.xml")
    before = window.analysis
    broken = makers.write(tmp_path, "cut.pdf", makers.pdf_bytes(STORY)[:300])
    with qtbot.waitSignal(window.service.failed, timeout=WAIT_MS):
        window.open_path(broken)
    dialog = QApplication.activeModalWidget() or window.findChild(QMessageBox, "errorDialog")
    assert dialog is not None and "PDF is damaged" in dialog.text()
    assert window.analysis is before
    dialog.close()


def test_open_dialog_offers_every_format() -> None:
    patterns = file_filter()
    for suffix in ("*.txt", "*.md", "*.html", "*.mhtml", "*.webarchive", "*.eml", "*.xml"):
        assert suffix in patterns
    for suffix in ("*.docx", "*.pdf", "*.epub"):
        assert suffix in patterns


def test_a_mailbox_shows_its_first_message_and_says_how_many(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "inbox.mbox"
    path.write_bytes(makers.mbox_bytes())
    open_and_wait(qtbot, window, path)
    assert "articles in this file" in window.meta_label.text()
