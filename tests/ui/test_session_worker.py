"""The window's worker analyses through the reader's session: a switched-off rule, the size
limit and the reader's own rule file take effect there, and again after a reload."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readwise_desktop.app.session import Session
from readwise_desktop.engine.results import Analysis
from readwise_desktop.ui.worker import AnalysisService
from tests.reader_home import (
    WITH_SETTINGS,
    WITHOUT_SETTINGS,
    reader_home,
    refusal,
    write_article,
    write_big,
)
from tests.ui.conftest import WAIT_MS


def analysed(qtbot: QtBot, service: AnalysisService, path: Path) -> Analysis:
    with qtbot.waitSignal(service.finished, timeout=WAIT_MS) as blocker:
        request = service.submit_file(path)
    assert blocker.args is not None
    rid, analysis = blocker.args
    assert rid == request and isinstance(analysis, Analysis)
    return analysis


def hedges(analysis: Analysis) -> set[tuple[str, str]]:
    return {(h.text, h.rule_id) for h in analysis.hedges}


def test_the_worker_uses_the_readers_settings_and_rules(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, private_home: Path
) -> None:
    article, big = write_article(tmp_path / "in"), write_big(tmp_path / "in")
    paths = reader_home(private_home, monkeypatch)
    service = AnalysisService(Session())
    failures: list[tuple[int, str]] = []
    service.failed.connect(lambda rid, message: failures.append((rid, message)))
    with qtbot.waitSignal(service.modelReady, timeout=WAIT_MS):
        service.start()
    assert not service.reduced_accuracy and failures == []  # the trained model, valid rules
    assert hedges(analysed(qtbot, service, article)) == WITH_SETTINGS
    with qtbot.waitSignal(service.failed, timeout=WAIT_MS) as blocker:
        request = service.submit_file(big)
    assert blocker.args == [request, refusal(big)]
    # The reader clears the settings and removes the rule file; the worker reloads.
    paths.settings.unlink()
    (paths.rules / "mine.toml").unlink()
    with qtbot.waitSignal(service.modelReady, timeout=WAIT_MS):
        service.requestReload.emit()
    assert hedges(analysed(qtbot, service, article)) == WITHOUT_SETTINGS
    assert failures == [(request, refusal(big))]
    service.stop()
