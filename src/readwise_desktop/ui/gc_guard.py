"""Run Python's cyclic garbage collector in the GUI thread only.

If the collector runs in the analysis thread (spaCy makes plenty of garbage there), it may free
Qt objects that belong to the GUI thread, and Qt aborts. The usual remedy in PySide/PyQt programs:
switch off automatic collection and collect from a timer in the GUI thread instead.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class MainThreadGC(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(INTERVAL_MS)

    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds, as gc would."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.threshold[generation]:
                gc.collect(generation)
                return

    def freeze(self) -> None:
        """Move everything alive now (the loaded model) out of future collections' way."""
        gc.collect()
        gc.freeze()

    def stop(self) -> None:
        self.timer.stop()
        gc.unfreeze()
        gc.enable()
        gc.collect()
