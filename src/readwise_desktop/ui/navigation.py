"""Keyboard navigation: next/previous finding, next/previous unsourced claim."""

from __future__ import annotations

from collections.abc import Callable

from readwise_desktop.ui.article_view import ArticleView
from readwise_desktop.ui.sidebar import Sidebar


class Navigator:
    """Moves the selection through the findings or the unsourced claims, wrapping around."""

    def __init__(
        self, view: ArticleView, sidebar: Sidebar, report: Callable[[str], None] | None = None
    ) -> None:
        self.view = view
        self.sidebar = sidebar
        self.report = report  # told "Finding 3 of 19" after each move

    def _here(self) -> int:
        current = self.sidebar.current_claim()
        return -1 if current is None else current

    def finding(self, step: int) -> int | None:
        """The next (or previous) claim that holds a visible hedge or cue."""
        marked = sorted(
            {
                s
                for m in self.view.marks
                if self.view._shown(m) and m.kind != "unsourced"
                if (s := self.view.sentence_at(m.start)) is not None
            }
        )
        return self._move(marked, step, "Finding")

    def unsourced(self, step: int) -> int | None:
        analysis = self.view.analysis
        if analysis is None:
            return None
        targets = [i for i, s in analysis.claims() if s.sourcing == "UNSOURCED"]
        if self.view.focus is not None:
            targets = [t for t in targets if t in self.view.focus]
        return self._move(targets, step, "Unsourced claim")

    def _move(self, targets: list[int], step: int, what: str = "") -> int | None:
        if not targets:
            if self.report is not None:
                self.report(f"No {what.lower() or 'target'} here")
            return None
        here = self._here()
        ahead = [t for t in targets if (t > here if step > 0 else t < here)]
        target = (
            (ahead[0] if step > 0 else ahead[-1])
            if ahead
            else (targets[0] if step > 0 else targets[-1])
        )
        if not self.sidebar.select_claim(target):
            self.view.select_sentence(target)
        if self.report is not None:
            self.report(f"{what} {targets.index(target) + 1} of {len(targets)}")
        return target
