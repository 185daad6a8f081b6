"""Progress of a long command on stderr: on a terminal a bar with the rate and the time left,
redrawn in place; otherwise (a log, a pipe) one plain line per item."""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 30


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total, self.done, self.tty = total, 0, self.stream.isatty()
        self.started = time.monotonic()

    def step(self, name: str, note: str = "") -> None:
        """One item done (``note``: why it was skipped, printed on a line of its own)."""
        self.done += 1
        if self.tty:
            self.stream.write(f"\r{self.bar()} {name[:30]:<30}")
            if note or self.done == self.total:
                self.stream.write("\n")
        else:
            self.stream.write(f"{self.done}/{self.total} {name} ({self.speed()})\n")
        if note:
            self.stream.write(f"  {note}\n")
        self.stream.flush()

    def bar(self) -> str:
        """``[#####.....] 120/400 3.2 articles/s, 1m28s left``."""
        filled = int(WIDTH * self.done / max(self.total, 1))
        return f"[{'#' * filled}{'.' * (WIDTH - filled)}] {self.done}/{self.total} {self.speed()}"

    def speed(self) -> str:
        """``3.2 articles/s, 1m28s left``."""
        rate = self.done / max(time.monotonic() - self.started, 1e-6)
        left = (self.total - self.done) / rate if rate else 0.0
        return f"{rate:.1f} articles/s, {duration(left)} left"


def duration(seconds: float) -> str:
    """``42s``, ``3m05s``, ``2h14m``."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole}s"
    if whole < 3600:
        return f"{whole // 60}m{whole % 60:02}s"
    return f"{whole // 3600}h{whole % 3600 // 60:02}m"
