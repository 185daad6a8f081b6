"""One worker thread owns the spaCy pipeline; the window talks to it only with signals.

Requests carry ids. A newer request supersedes an older one: the worker skips a request that is
no longer the latest, stops one in progress between chunks, and the window drops any result whose
id is not the latest it asked for. Only frozen values (``Analysis``) and strings cross threads.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from readwise_desktop.app.inputs import Article, InputError
from readwise_desktop.app.rules import RuleFileError
from readwise_desktop.app.session import Session, known_layout
from readwise_desktop.engine.results import Analysis, AnalysisCancelled


class _Latest:
    """The id of the newest request, shared by the window and the worker."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._value = 0

    def next(self) -> int:
        with self._lock:
            self._value += 1
            return self._value

    def cancel(self) -> None:
        self.next()

    @property
    def value(self) -> int:
        with self._lock:
            return self._value


class AnalysisWorker(QObject):
    """Lives in the worker thread. Slots run there; signals are queued to the window."""

    modelReady = Signal(str, bool)  # the pipeline's description, reduced accuracy
    progress = Signal(int, int, int)  # request id, done, total
    finished = Signal(int, object)  # request id, Analysis
    failed = Signal(int, str)  # request id, one-sentence message
    cancelled = Signal(int)
    otherFinished = Signal(int, object)  # request id, Analysis of a file to compare with
    otherFailed = Signal(int, str)
    rulesTested = Signal(object)  # list of "rule id: text" lines, or of problems

    def __init__(self, latest: _Latest, session: Session) -> None:
        super().__init__()
        self._latest = latest
        self._session = session
        self._ready = False

    @Slot()
    def load(self) -> None:
        """The session's pipeline: the model and rules its settings name. Invalid rule files
        are reported (every problem) and the shipped rules are used meanwhile."""
        self._session.reload()
        pipeline, problems = self._session.load_tolerant()
        if problems is not None:
            self.failed.emit(
                0, f"your rule files have {len(problems.problems)} problem(s): {problems}"
            )
        self._ready = True
        self.modelReady.emit(pipeline.description, pipeline.reduced_accuracy)

    @Slot(int, str, str)
    def analyze_text(self, request: int, text: str, name: str) -> None:
        self._analyze(request, Article(text=text, format="", file=name or None), {})

    def _analyze(self, request: int, article: Article, metadata: dict[str, Any]) -> None:
        if request != self._latest.value or not self._ready:
            return
        try:
            analysis = self._session.analyse_raw(
                article.text,
                file=article.file,
                metadata=metadata,
                known=known_layout(article),
                progress=lambda done, total: self.progress.emit(request, done, total),
                cancelled=lambda: request != self._latest.value,
            )
        except AnalysisCancelled:
            self.cancelled.emit(request)
            return
        self.finished.emit(request, analysis)

    @Slot(int, str)
    def analyze_file(self, request: int, path: str) -> None:
        if request != self._latest.value:
            return
        try:
            articles = self._session.open_all(path)
        except InputError as err:
            self.failed.emit(request, str(err))
            return
        article, metadata = articles[0], dict(articles[0].metadata)
        if len(articles) > 1:  # a mailbox or a feed: `analyze` and `batch` read them all
            metadata["articles in this file"] = f"{len(articles)}, the first shown"
        self._analyze(request, replace(article, file=path), metadata)

    @Slot(int, str)
    def analyze_other(self, request: int, path: str) -> None:
        """Analyse a second file (to compare with) without touching the current request."""
        if not self._ready:
            self.otherFailed.emit(request, "the language model is still loading")
            return
        try:
            article = self._session.open(path)
            analysis = self._session.analyse_raw(
                article.text, file=path, known=known_layout(article)
            )
        except InputError as err:
            self.otherFailed.emit(request, str(err))
            return
        self.otherFinished.emit(request, analysis)

    @Slot(str, str)
    def test_rules(self, text: str, rule_file: str) -> None:
        """Run the shipped rules plus one rule file on ``text``; what that file's rules find."""
        try:
            found = self._session.try_rule_file(text, rule_file)
        except RuleFileError as err:
            self.rulesTested.emit([str(p) for p in err.problems])
            return
        self.rulesTested.emit(found)

    @Slot()
    def reload(self) -> None:
        """Load the pipeline again: the reader's rule files or disabled rules changed."""
        self.load()


class AnalysisService(QObject):
    """The window's handle on the worker: starts the thread and numbers the requests."""

    requestText = Signal(int, str, str)
    requestFile = Signal(int, str)
    requestOther = Signal(int, str)
    requestRuleTest = Signal(str, str)
    requestReload = Signal()
    otherFinished = Signal(int, object)
    otherFailed = Signal(int, str)
    modelReady = Signal(str, bool)
    progress = Signal(int, int, int)
    finished = Signal(int, object)
    failed = Signal(int, str)
    cancelled = Signal(int)
    rulesTested = Signal(object)

    def __init__(self, session: Session | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session or Session()
        self.latest = _Latest()
        self.worker_thread = QThread()
        self.worker_thread.setObjectName("readwise-analysis")
        self.worker = AnalysisWorker(self.latest, self.session)
        self.worker.moveToThread(self.worker_thread)
        self.worker_thread.started.connect(self.worker.load)
        self.requestText.connect(self.worker.analyze_text)
        self.requestFile.connect(self.worker.analyze_file)
        self.requestOther.connect(self.worker.analyze_other)
        self.requestRuleTest.connect(self.worker.test_rules)
        self.requestReload.connect(self.worker.reload)
        self.worker.otherFinished.connect(self.otherFinished)
        self.worker.otherFailed.connect(self.otherFailed)
        self._others = 0
        self.worker.modelReady.connect(self.modelReady)
        self.worker.progress.connect(self._on_progress)
        self.worker.finished.connect(self._on_finished)
        self.worker.failed.connect(self._on_failed)
        self.worker.cancelled.connect(self.cancelled)
        self.worker.rulesTested.connect(self.rulesTested)
        self.ready = False
        self.pipeline_name = ""
        self.reduced_accuracy = False
        self.modelReady.connect(self._on_ready)

    def start(self) -> None:
        self.worker_thread.start()

    def stop(self) -> None:
        self.latest.cancel()
        self.worker_thread.quit()
        self.worker_thread.wait(30_000)

    def submit_text(self, text: str, name: str = "") -> int:
        request = self.latest.next()
        self.requestText.emit(request, text, name)
        return request

    def submit_file(self, path: str | Path) -> int:
        request = self.latest.next()
        self.requestFile.emit(request, str(path))
        return request

    def submit_other(self, path: str | Path) -> int:
        """A file to compare with the open article; its result comes as ``otherFinished``."""
        self._others += 1
        self.requestOther.emit(self._others, str(path))
        return self._others

    def cancel(self) -> None:
        self.latest.cancel()

    def is_current(self, request: int) -> bool:
        return request == self.latest.value

    def _on_ready(self, name: str, reduced: bool) -> None:
        self.ready = True
        self.pipeline_name = name
        self.reduced_accuracy = reduced

    def _on_progress(self, request: int, done: int, total: int) -> None:
        if self.is_current(request):
            self.progress.emit(request, done, total)

    def _on_finished(self, request: int, analysis: Analysis) -> None:
        if self.is_current(request):
            self.finished.emit(request, analysis)

    def _on_failed(self, request: int, message: str) -> None:
        if request == 0 or self.is_current(request):
            self.failed.emit(request, message)
