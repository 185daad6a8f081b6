"""Start the window: it appears at once; the model loads in the worker thread meanwhile."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from readwise_desktop.app.paths import app_paths
from readwise_desktop.app.session import Session, SessionOptions
from readwise_desktop.packaged import packaged
from readwise_desktop.ui.gc_guard import MainThreadGC
from readwise_desktop.ui.main_window import MainWindow
from readwise_desktop.ui.palette import apply_theme
from readwise_desktop.ui.worker import AnalysisService

APP = "readwise-desktop"
SCREENSHOT_SIZE = (1280, 800)


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
    settings = make_settings()
    apply_theme(app, settings.value("theme", "light") == "dark")
    service = AnalysisService(Session(options))
    window = MainWindow(service, settings)
    service.modelReady.connect(lambda *_: collector.freeze())
    if screenshot:
        window.resize(*SCREENSHOT_SIZE)
    window.show()
    service.start()
    target = demo_path or file or (None if screenshot else window.last_file())
    if target:
        window.open_path(target)
    status = {"code": 0}
    if screenshot:
        _arrange_screenshot(app, window, screenshot, status)
    code = app.exec()
    service.stop()
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
