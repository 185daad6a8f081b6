"""The worker thread owns the pipeline; a newer request supersedes an older one."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from readwise_desktop.app.session import Session, SessionOptions
from readwise_desktop.engine.results import Analysis
from readwise_desktop.ui.worker import AnalysisService

LONG = "Officials said the bridge may close. Nearly 40 people waited.\n" * 3000


def test_the_model_loads_off_the_ui_thread_and_requests_wait_for_it(qtbot: QtBot) -> None:
    service = AnalysisService()
    seen: dict[str, object] = {}
    service.worker.modelReady.connect(
        lambda *_: seen.setdefault("thread", threading.current_thread().name)
    )
    finished: list[Analysis] = []
    service.finished.connect(lambda _id, a: finished.append(a))
    request = service.submit_text("Officials said so.", "")  # before the model is loaded
    with qtbot.waitSignal(service.finished, timeout=60_000):
        service.start()
    assert seen["thread"] != threading.main_thread().name
    assert service.is_current(request) and finished[0].summary.claims == 1
    service.stop()


def test_a_second_request_supersedes_the_first(qtbot: QtBot) -> None:
    service = AnalysisService()
    with qtbot.waitSignal(service.modelReady, timeout=60_000):
        service.start()
    results: list[tuple[int, Analysis]] = []
    service.finished.connect(lambda rid, a: results.append((rid, a)))
    # What the worker itself emits, before the service's filter on the latest id, in the order
    # it emits it: the first request must never finish there either.
    emitted: list[tuple[str, int]] = []
    service.worker.finished.connect(lambda rid, _a: emitted.append(("finished", rid)))
    service.worker.cancelled.connect(lambda rid: emitted.append(("cancelled", rid)))
    try:
        with qtbot.waitSignal(service.finished, timeout=60_000):
            first = service.submit_text(LONG, "long")
            second = service.submit_text("Critics say the plan may fail.", "short")
        # The worker takes requests in order, so once the second's result has come, whatever it
        # said of the first came before it.
        qtbot.waitUntil(lambda: ("finished", second) in emitted, timeout=60_000)
        assert [rid for rid, _ in results] == [second]
        assert results[0][1].text == "Critics say the plan may fail."
        assert emitted in (
            [("finished", second)],  # skipped: superseded before it started
            [("cancelled", first), ("finished", second)],  # stopped between chunks
        )
    finally:
        service.stop()


def test_cancel_stops_a_long_analysis_between_chunks(qtbot: QtBot) -> None:
    service = AnalysisService()
    with qtbot.waitSignal(service.modelReady, timeout=60_000):
        service.start()
    progress: list[int] = []
    service.progress.connect(lambda rid, done, total: progress.append(done))
    with qtbot.waitSignal(service.cancelled, timeout=60_000):
        request = service.submit_text(LONG * 2, "long")
        qtbot.waitUntil(lambda: bool(progress), timeout=60_000)
        service.cancel()
    assert not service.is_current(request)
    service.stop()


def test_rules_only_is_labelled_in_the_window(qtbot: QtBot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from readwise_desktop.ui.main_window import MainWindow

    service = AnalysisService(Session(SessionOptions(rules_only=True)))
    window = MainWindow(service, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    with qtbot.waitSignal(service.modelReady, timeout=60_000):
        service.start()
    assert "reduced accuracy" in window.model_label.text()
    assert service.reduced_accuracy
    service.stop()
