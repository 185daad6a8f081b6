"""The window's menus: every command with its shortcut, so everything works without a mouse."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from readwise_desktop.engine.results import SOURCING_LABELS
from readwise_desktop.export.text_report import readable_label
from readwise_desktop.ui.results_report import open_results

if TYPE_CHECKING:
    from readwise_desktop.ui.main_window import MainWindow


def action(
    window: MainWindow,
    menu_name: str,
    text: str,
    slot: object,
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
) -> QAction:
    item = QAction(text, window)
    if shortcut is not None:
        item.setShortcut(QKeySequence(shortcut))
    item.triggered.connect(slot)
    window.menus[menu_name].addAction(item)
    return item


def build_menus(window: MainWindow) -> None:
    """Fill the menus the shell made (``window_shell.MENU_TITLES``)."""
    S = QKeySequence.StandardKey
    action(window, "&File", "&Open…", window.open_dialog, S.Open)
    action(window, "&File", "&Paste as new article", window.paste_article, "Ctrl+Shift+V")
    window.recent_menu = window.menus["&File"].addMenu("Open &recent")
    action(window, "&File", "Re&analyse", window.reanalyse, "F5")
    window.menus["&File"].addSeparator()
    action(window, "&File", "&Export…", window.files.export_dialog, "Ctrl+E")
    action(window, "&File", "&Compare with another version…", window.files.compare_dialog, "Ctrl+D")
    action(window, "&File", "Open &batch results…", lambda: open_results(window), "Ctrl+Shift+O")
    action(window, "&File", "&Print…", window.files.print_article, S.Print)
    window.menus["&File"].addSeparator()
    action(window, "&File", "&Settings…", window.settings_dialog, "Ctrl+,")
    action(window, "&File", "&Quit", window.close, S.Quit)
    action(window, "&View", "Zoom &in", lambda: window.zoom(+1), S.ZoomIn)
    action(window, "&View", "Zoom &out", lambda: window.zoom(-1), S.ZoomOut)
    action(window, "&View", "&Reset zoom", window.reset_zoom, "Ctrl+0")
    window.dark_action = action(window, "&View", "&Dark theme", window.toggle_theme, "Ctrl+T")
    window.dark_action.setCheckable(True)
    legend = action(
        window, "&View", "Show the le&gend", window.legend_button.toggle, "Ctrl+Shift+G"
    )
    legend.setCheckable(True)
    legend.setChecked(window.legend_button.isChecked())
    window.legend_button.toggled.connect(legend.setChecked)
    window.menus["&View"].addSeparator()
    for number, key in enumerate(window.legend.boxes, start=1):
        label = window.legend.boxes[key].text()
        action(
            window,
            "&View",
            f"Show {label.lower()}",
            lambda _=False, k=key: window.legend.toggle(k),
            f"Alt+{number}",
        )
    action(window, "&Go", "&Find in the article…", window.find_in_article, S.Find)
    action(window, "&Go", "&Next finding", lambda: window.navigator.finding(+1), "F3")
    action(window, "&Go", "&Previous finding", lambda: window.navigator.finding(-1), "Shift+F3")
    action(window, "&Go", "Next &unsourced claim", lambda: window.navigator.unsourced(+1), "F4")
    action(
        window,
        "&Go",
        "Previous u&nsourced claim",
        lambda: window.navigator.unsourced(-1),
        "Shift+F4",
    )
    action(window, "&Go", "Focus the &ledger", window.sidebar.table.setFocus, "Ctrl+L")
    action(window, "&Go", "Focus the &article", window.view.setFocus, "Ctrl+K")
    action(window, "&Ledger", "&All claims", lambda: window.sidebar.set_filter(None), "Ctrl+`")
    for number, label in enumerate(SOURCING_LABELS, start=1):
        action(
            window,
            "&Ledger",
            f"Only {readable_label(label)}",
            lambda _=False, lab=label: window.sidebar.set_filter(lab),
            f"Ctrl+{number}",
        )
    library = window.library_dock.toggleViewAction()
    library.setText("&Library and notes")
    library.setShortcut(QKeySequence("Ctrl+Shift+L"))
    window.menus["&View"].addAction(library)
    stack = window.corrections.stack
    undo, redo = stack.createUndoAction(window, "&Undo"), stack.createRedoAction(window, "&Redo")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo.setShortcut(QKeySequence.StandardKey.Redo)
    window.menus["&Edit"].addActions([undo, redo])
    corrections = window.corrections
    action(
        window,
        "&Edit",
        "&Not a hedge here (at the cursor)",
        lambda: corrections.not_a_hedge_at(
            window.view.text_index(window.view.textCursor().position())
        ),
        "Ctrl+Shift+H",
    )
    action(
        window,
        "&Edit",
        "&Source is wrong (selected claim)",
        lambda: corrections.source_wrong(window.sidebar.current_claim()),
        "Ctrl+Shift+W",
    )
    action(
        window,
        "&Edit",
        "&Mark as sourced by… (selected claim)",
        lambda: corrections.mark_sourced(window.sidebar.current_claim()),
        "Ctrl+Shift+M",
    )
    window.menus["&Edit"].addSeparator()
    action(window, "&Edit", "&Rules…", window.rules_dialog, "Ctrl+Shift+R")
    practice, panel = window.practice, window.practice.panel
    action(window, "&Practice", "&Start on this article", practice.start, "Ctrl+Alt+P")
    action(window, "&Practice", "Open an &exercise…", practice.open_exercise, "Ctrl+Alt+E")
    action(window, "&Practice", "Mark as &hedge…", panel.mark_hedge, "Ctrl+Alt+H")
    action(window, "&Practice", "Mark as &source…", panel.mark_source, "Ctrl+Alt+S")
    action(window, "&Practice", "Mark claim &unsourced", panel.mark_unsourced, "Ctrl+Alt+U")
    action(window, "&Practice", "&Check my reading", panel.check_reading, "Ctrl+Alt+C")
    action(window, "&Practice", "S&top and show the answers", window.stop_practice)
    action(window, "&Practice", "&Progress…", practice.progress_dialog)
    window.menus["&Practice"].addSeparator()
    action(window, "&Practice", "Export a &blank exercise…", practice.export_blank)
    action(window, "&Practice", "&Hand in my marks…", practice.hand_in)
    action(window, "&Practice", "Check a student's &marks…", practice.check_handed_in)
    action(window, "&Help", "&Glossary", window.glossary, "F1")
    action(window, "&Help", "&Keyboard shortcuts", window.shortcuts, "Ctrl+/")
    window.menus["&Help"].addSeparator()
    action(window, "&Help", "Open &sample article", window.open_sample)
    action(window, "&Help", "&About readwise-desktop", lambda: _about(window))


def _about(window: MainWindow) -> None:
    from readwise_desktop.ui.about import show_about  # importlib.metadata: only when asked

    show_about(window)
