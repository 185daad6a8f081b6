"""Start the window: its shell paints at once; the session, the worker and the rest of the window
are built right after that first paint, and the model loads in the worker thread meanwhile.

Before the first paint only Qt, ``window.ini`` (geometry, splitter, theme) and the window's shell
are loaded: no session, library, settings.toml, highlight vocabulary or ledger.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from readwise_desktop.app.paths import app_paths
from readwise_desktop.packaged import packaged
from readwise_desktop.ui.gc_guard import MainThreadGC
from readwise_desktop.ui.main_window import MainWindow
from readwise_desktop.ui.theme import apply_theme

if TYPE_CHECKING:
    from readwise_desktop.app.session import SessionOptions

APP = "readwise-desktop"
SCREENSHOT_SIZE = (1280, 800)
PAINT_FALLBACK_MS = 500  # build the rest anyway if no paint comes (a hidden or minimised window)


def icon_path() -> Path:
    """The app's icon (data/icons), shipped inside the package."""
    return Path(str(packaged("icons", "readwise-desktop.svg")))


def settings_file() -> Path:
    """Window state (geometry, splitter, recent files) beside settings.toml."""
    return app_paths().config / "window.ini"


def make_settings() -> QSettings:
    path = settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


class _AfterFirstPaint(QObject):
    """Calls ``then`` once, in the event-loop turn after the window's first paint."""

    def __init__(self, window: MainWindow, then: Callable[[], None]) -> None:
        super().__init__(window)
        self.then: Callable[[], None] | None = then
        handle = window.windowHandle()
        if handle is not None:
            handle.installEventFilter(self)
        QTimer.singleShot(PAINT_FALLBACK_MS, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.then is not None:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        then, self.then = self.then, None
        if then is not None:
            then()


def launch(
    app: QApplication,
    options: SessionOptions | None = None,
    size: tuple[int, int] | None = None,
) -> MainWindow:
    """Show the window's shell now; after its first paint, build the session, the worker and
    the rest of the window, start the worker, and emit ``window.ready``."""
    settings = make_settings()
    apply_theme(app, settings.value("theme", "light") == "dark")
    window = MainWindow(None, settings)
    if size is not None:
        window.resize(*size)
    window.show()

    def complete() -> None:
        from readwise_desktop.app.session import Session
        from readwise_desktop.ui.worker import AnalysisService

        service = AnalysisService(Session(options))
        window.attach(service)
        service.start()

    window.first_paint_hook = _AfterFirstPaint(window, complete)
    return window


def run(
    file: str | None,
    *,
    demo_path: str | None = None,
    screenshot: str | None = None,
    options: SessionOptions | None = None,
) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP)
    app.setApplicationDisplayName("readwise-desktop")
    app.setDesktopFileName("io.github.readwisedesktop.ReadwiseDesktop")
    app.setWindowIcon(QIcon(str(icon_path())))
    collector = MainThreadGC(app)
    window = launch(app, options, SCREENSHOT_SIZE if screenshot else None)
    status = {"code": 0}

    def ready() -> None:
        window.service.modelReady.connect(lambda *_: collector.freeze())
        target = demo_path or file or (None if screenshot else window.last_file())
        if target:
            window.open_path(target)
        if screenshot:
            _arrange_screenshot(app, window, screenshot, status)

    window.ready.connect(ready)
    code = app.exec()
    if window.complete:
        window.service.stop()
    collector.stop()
    return code or status["code"]


def _arrange_screenshot(
    app: QApplication, window: MainWindow, out: str, status: dict[str, int]
) -> None:
    """Save the whole window to ``out`` once the analysis is shown and formatted, then quit."""

    def grab() -> None:
        if window.view.formatting:
            QTimer.singleShot(50, grab)
            return
        window.sidebar.select_claim(
            next((i for i, _ in window.analysis.claims()), 0) if window.analysis else 0
        )
        app.processEvents()
        if not window.grab().save(out, "PNG"):
            print(f"{APP}: error: cannot write {out}", file=sys.stderr)
            status["code"] = 2
        app.quit()

    def failed(_: int, message: str) -> None:
        print(f"{APP}: error: {message}", file=sys.stderr)
        status["code"] = 2
        app.quit()

    window.analysisShown.connect(lambda _: QTimer.singleShot(100, grab))
    window.service.failed.connect(failed)
