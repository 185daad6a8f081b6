"""Issue 16, on the page: the band, the theme, corrections in place and for the whole
attribution, clickable counts, find and counters, the glossary, two-line tooltips, small screens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from readwise_desktop.app.exercises import shipped_exercises
from readwise_desktop.engine.results import SourceType
from readwise_desktop.packaged import sample_path
from readwise_desktop.ui.article_view import BAND
from readwise_desktop.ui.main_window import MainWindow
from readwise_desktop.ui.palette import STYLES
from tests.ui.conftest import WAIT_MS, open_and_wait


def band(window: MainWindow) -> list[tuple[int, int, str]]:
    """The band's pieces: (start, end, colour), from the view's extra selections."""
    out = []
    for selection in window.view.extraSelections():
        cursor = QTextCursor(selection.cursor)
        colour = selection.format.background().color().name().upper()
        if colour in (BAND[False].upper(), BAND[True].upper()):
            out.append((cursor.selectionStart(), cursor.selectionEnd(), colour))
    return out


def claim_with(window: MainWindow, phrase: str) -> int:
    analysis = window.analysis
    assert analysis is not None
    return next(i for i, s in analysis.claims() if phrase in analysis.text[s.start : s.end])


def test_band_does_not_survive_another_article(
    qtbot: QtBot, window: MainWindow, seed_text: str, tmp_path: Path
) -> None:
    open_and_wait(qtbot, window, sample_path())
    window.sidebar.select_claim(claim_with(window, "said Jonas Berg"))
    assert band(window)
    seed = tmp_path / "seed.txt"
    seed.write_text(seed_text, encoding="utf-8")
    open_and_wait(qtbot, window, seed)
    assert band(window) == [] and window.view.selected is None
    window.sidebar.select_claim(claim_with(window, "reportedly"))
    assert window.analysis is not None
    sentence = window.analysis.sentences[window.view.selected or 0]
    pieces = band(window)
    assert pieces[0][0] == sentence.start and pieces[-1][1] == sentence.end  # whole words
    with qtbot.waitSignal(window.analysisShown, timeout=WAIT_MS):
        window.practice.open_exercise("01_storm")
    assert band(window) == []


def test_theme_switch_redraws_the_band(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, sample_path())
    window.sidebar.select_claim(claim_with(window, "said Jonas Berg"))
    assert {c for *_, c in band(window)} == {BAND[False].upper()}
    window.toggle_theme()
    assert {c for *_, c in band(window)} == {BAND[True].upper()}
    text = QApplication.palette().text().color()
    background = QColor(BAND[True])
    assert abs(text.lightness() - background.lightness()) > 120  # readable on the dark band
    window.toggle_theme()
    assert {c for *_, c in band(window)} == {BAND[False].upper()}


def test_hedges_show_through_the_band(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, sample_path())
    analysis = window.analysis
    assert analysis is not None
    index = claim_with(window, "reportedly")
    window.sidebar.select_claim(index)
    at = analysis.text.index("reportedly")
    pieces = band(window)
    assert pieces and all(end <= at or start >= at + len("reportedly") for start, end, _ in pieces)
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(at + 2)
    tint = STYLES["REPORTATIVE"].char_format(dark=False).background().color()
    assert cursor.charFormat().background().color() == tint


def test_correction_keeps_the_place_and_the_counts(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1024, 700)
    open_and_wait(qtbot, window, sample_path())
    assert window.analysis is not None
    index = window.analysis.claims()[-1][0]  # the last claim: far from the top
    window.sidebar.select_claim(index)
    scroll = window.view.verticalScrollBar().value()
    assert scroll > 0
    hedges_before = sum(window.analysis.summary.hedges_by_category.values())  # type: ignore[union-attr]
    roughly = window.analysis.text.index("roughly")  # type: ignore[union-attr]
    assert window.corrections.not_a_hedge_at(roughly + 1)
    qtbot.waitUntil(lambda: not window.view.formatting, timeout=WAIT_MS)
    assert window.view.verticalScrollBar().value() == scroll
    assert window.sidebar.current_claim() == index and window.view.selected == index
    assert f"; {hedges_before - 1} hedges." in window.statusBar().currentMessage()


def test_a_correction_applies_to_the_whole_attribution(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, sample_path())
    analysis = window.analysis
    assert analysis is not None
    first = claim_with(window, "Our members keep this city fed")
    second = claim_with(window, "They deserve a contract")
    assert analysis.sentences[first].attribution == analysis.sentences[second].attribution
    cue = analysis.attributions[analysis.sentences[first].attribution or 0].cue
    assert "Jonas Berg" in window.corrections.names()
    dialog = window.corrections.name_dialog()
    assert dialog.isComboBoxEditable() and "Jonas Berg" in dialog.comboBoxItems()
    window.corrections.source_wrong(first)
    qtbot.waitUntil(lambda: not window.view.formatting, timeout=WAIT_MS)
    corrected = window.analysis
    assert corrected is not None
    assert corrected.sentences[first].sourcing == "UNSOURCED"
    assert corrected.sentences[second].sourcing == "UNSOURCED"
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(cue.start + 1)
    assert cursor.charFormat().fontWeight() != 700  # the cue is no longer drawn as a source
    window.corrections.stack.undo()
    window.corrections.mark_sourced(second, "Port Alder Dockworkers Union", "NAMED_ORGANISATION")
    qtbot.waitUntil(lambda: not window.view.formatting, timeout=WAIT_MS)
    corrected = window.analysis
    assert corrected is not None
    for i in (first, second):
        assert corrected.sentences[i].sourcing == SourceType.NAMED_ORGANISATION.value
    row = window.sidebar.model.rows.index(first)
    assert window.sidebar.model.index(row, 1).data() == "Port Alder Dockworkers Union"


def test_counts_filter_the_ledger_and_the_text(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, sample_path())
    analysis = window.analysis
    assert analysis is not None
    assert "href='group:unnamed'" in window.sidebar.groups.text()
    window.sidebar.groups.linkActivated.emit("group:unnamed")
    unnamed = analysis.summary.by_group["unnamed"]
    shown = window.sidebar.visible_claims()
    assert len(shown) == unnamed > 0
    assert f"Showing {unnamed} of {analysis.summary.claims}" in window.sidebar.showing.text()
    assert window.view.focus == set(shown)
    qtbot.waitUntil(lambda: not window.view.formatting, timeout=WAIT_MS)
    named_cue = next(a for a in analysis.attributions if a.source_type.group == "named")
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(named_cue.cue.start + 1)
    assert cursor.charFormat().fontWeight() != 700  # outside the filter: not highlighted
    window.sidebar.hedges.linkActivated.emit("hedge:MODAL")
    assert all(
        any(analysis.hedges[h].category.value == "MODAL" for h in analysis.sentences[i].hedges)
        for i in window.sidebar.visible_claims()
    )
    window.sidebar.sources.linkActivated.emit("source:Jonas Berg")
    assert len(window.sidebar.visible_claims()) == next(
        s.claims for s in analysis.summary.sources if s.name == "Jonas Berg"
    )
    texts = [window.sidebar.filter.itemText(i) for i in range(window.sidebar.filter.count())]
    assert f"All claims ({analysis.summary.claims})" in texts
    assert any(t.endswith(f"Unnamed ({unnamed})") for t in texts)
    window.sidebar.showing.linkActivated.emit("all:")
    assert window.view.focus is None and len(window.sidebar.visible_claims()) == 19


def test_find_and_the_position_counters(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, sample_path())
    analysis = window.analysis
    assert analysis is not None
    window.find_in_article()
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.edit, "the")
    n = analysis.text.lower().count("the")
    assert window.find_bar.counter.text() == f"1 of {n}"
    window.find_bar.step(+1)
    assert window.find_bar.counter.text() == f"2 of {n}"
    start, end = window.view.found or (0, 0)
    assert analysis.text[start:end].lower() == "the"
    window.find_bar.step(-1)
    window.find_bar.step(-1)
    assert window.find_bar.counter.text() == f"{n} of {n}"
    window.find_bar.close_bar()
    assert window.view.found is None
    window.navigator.finding(+1)
    findings = window.position_label.text()
    assert findings.startswith("Finding 1 of ")
    window.navigator.finding(+1)
    assert window.position_label.text().startswith("Finding 2 of ")
    window.navigator.unsourced(+1)
    unsourced = analysis.summary.by_sourcing["UNSOURCED"]
    assert window.position_label.text() == f"Unsourced claim 1 of {unsourced}"


def test_glossary_and_shortcuts(window: MainWindow) -> None:
    window.glossary()
    text = window.glossary_view.browser.toPlainText()
    for key in ("REPORTATIVE", "MODAL", "SPECULATIVE", "PROBABILITY", "APPROXIMATOR"):
        assert STYLES[key].label in text
    for label in ("Named person", "Named organisation", "Document", "Unnamed official"):
        assert label in text
    assert "Anonymous" in text and "Vague" in text and "Unsourced" in text
    assert text.count("•") >= 24 or len(window.glossary_view.browser.document().toHtml()) > 2000
    window.shortcuts()
    shortcuts = window.shortcuts_view.browser.toPlainText()
    assert "Find in the article" in shortcuts and "Ctrl+F" in shortcuts
    assert "Next finding" in shortcuts and "F3" in shortcuts


def test_two_line_tooltips_and_the_details_pane(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, sample_path())
    analysis = window.analysis
    assert analysis is not None
    at = analysis.text.index("reportedly")
    tip = window.view.tooltip_at(at + 2)
    assert len(tip.splitlines()) == 2
    assert tip.startswith("Reportative hedge: “reportedly”") and "Elena Morris" in tip
    assert "Rule" not in tip and "How to verify" not in tip
    window.sidebar.select_claim(claim_with(window, "reportedly"))
    details = window.sidebar.details.toPlainText()
    assert "How to verify" in details and "Stance" in details and "Rules:" in details


def test_small_screen_and_dark_format_line(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.resize(1024, 700)
    window.saved_state.remove("legend")
    window.hide()
    window.show()
    assert not window.legend.isVisible()  # folded away on a small screen
    window.legend_button.toggle()
    assert window.legend.isVisible()
    open_and_wait(qtbot, window, sample_path())
    before = window.sidebar.font().pointSizeF()
    window.zoom(+2)
    assert window.sidebar.font().pointSizeF() > before  # zoom reaches the ledger too
    window.set_dark(True)
    style = window.meta_label.styleSheet()
    colour = QColor(style.split("color:")[1].split(";")[0].strip())
    background = QApplication.palette().window().color()
    assert abs(colour.lightness() - background.lightness()) > 100


def test_an_exercise_opens_in_practice_with_marks_drawn(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.analysisShown, timeout=WAIT_MS):
        window.practice.open_exercise("01_storm")
    qtbot.waitUntil(lambda: not window.view.formatting, timeout=WAIT_MS)
    assert window.practice.active
    assert not window.side.isVisible() and window.practice.dock.isVisible()  # 13
    analysis = window.analysis
    assert analysis is not None
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(analysis.text.index("nearly") + 1)
    assert cursor.charFormat().background().style().name == "NoBrush"  # answers hidden
    text = analysis.text
    start = text.index("expected to")
    view = window.view
    sloppy = QTextCursor(view.document())
    sloppy.setPosition(start + 1)
    sloppy.setPosition(start + len("expected to") + 3, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(sloppy)
    window.practice.panel.mark_hedge("PROBABILITY")
    [mark] = window.practice.panel.marks
    assert text[mark.start] == "e" and not text[mark.end].isalnum()  # snapped to words
    [overlay] = view.overlays
    assert (overlay.start, overlay.end) == (mark.start, mark.end)
    assert overlay.underline == STYLES["PROBABILITY"].underline
    result = window.practice.panel.check_reading()
    assert result is not None
    outcomes = {o.tip.split(":")[0] for o in view.overlays}
    assert "You found it" in outcomes and "You missed it" in outcomes
    assert "\n" in view.tooltip_at(mark.start + 1)
    summary = window.practice.panel.summary.text()
    assert "You found 1 of the 2 hedges" in summary


def test_kind_choices_use_legend_names_and_no_default(qtbot: QtBot, window: MainWindow) -> None:
    from readwise_desktop.ui.practice_panel import ChoiceDialog, hedge_choices, source_choices

    dialog = ChoiceDialog(window, "Hedge", "Which kind of hedge?", hedge_choices())
    qtbot.addWidget(dialog)
    names = [b.text() for b in dialog.group.buttons()]
    assert names == [STYLES[k].label for k in dialog.keys]
    assert dialog.group.checkedId() == -1 and not dialog.ok.isEnabled()
    assert all(b.accessibleDescription() for b in dialog.group.buttons())
    dialog.group.button(2).click()
    assert dialog.ok.isEnabled() and dialog.choice() == "SPECULATIVE"
    sources = ChoiceDialog(window, "Source", "What kind of source?", source_choices())
    qtbot.addWidget(sources)
    assert sources.choice() == "" and not sources.ok.isEnabled()


def test_results_in_plain_words() -> None:
    from readwise_desktop.app.practice import (
        HEDGE,
        StudentMark,
        check,
        hedge_words,
        kind_words,
        snap_to_words,
    )

    storm = next(e for e in shipped_exercises() if e.id == "01_storm")
    text = storm.text
    at = text.index("nearly")
    assert snap_to_words(text, at + 2, at + 4) == (at, at + len("nearly"))
    result = check([StudentMark(HEDGE, at + 1, at + 3, "APPROXIMATOR")], storm.key)
    assert hedge_words(result) == "You found 1 of the 2 hedges."
    assert kind_words(result, "MODAL") == "nothing to find here"
    assert result.findings[0].text == "nearly"


def test_pdf_is_the_report_and_keeps_the_umask(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    import os

    from readwise_desktop.ui.exporting import report_document

    open_and_wait(qtbot, window, sample_path())
    window.set_dark(True)
    analysis = window.analysis
    assert analysis is not None
    report = report_document(analysis)
    text = report.toPlainText()
    assert analysis.title and analysis.title in text
    assert "Jonas Berg" in text and "ledger" in text.lower()  # the ledger is in the report
    assert "#1E1E1E" not in report.toHtml().upper()  # light palette, whatever the theme
    old = os.umask(0o022)
    try:
        out = tmp_path / "report.pdf"
        window.files.export_to(str(out))
    finally:
        os.umask(old)
    data = out.read_bytes()
    assert (
        data.startswith(b"%PDF")
        and data.count(b"/Type /Page\n")
        + data.count(b"/Type /Page\r")
        + data.count(b"/Type /Page ")
        + data.count(b"/Type /Page/")
        >= 1
    )
    assert out.stat().st_mode & 0o777 == 0o644
