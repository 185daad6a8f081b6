"""Keyboard navigation: next/previous finding, next/previous unsourced claim."""

from __future__ import annotations

from readwise_desktop.ui.article_view import ArticleView
from readwise_desktop.ui.sidebar import Sidebar


class Navigator:
    """Moves the selection through the findings or the unsourced claims, wrapping around."""

    def __init__(self, view: ArticleView, sidebar: Sidebar) -> None:
        self.view = view
        self.sidebar = sidebar

    def _here(self) -> int:
        current = self.sidebar.current_claim()
        return -1 if current is None else current

    def finding(self, step: int) -> int | None:
        """The next (or previous) claim that holds a visible hedge or cue."""
        marked = sorted(
            {
                s
                for m in self.view.marks
                if m.style in self.view.visible and m.kind != "unsourced"
                if (s := self.view.sentence_at(m.start)) is not None
            }
        )
        return self._move(marked, step)

    def unsourced(self, step: int) -> int | None:
        analysis = self.view.analysis
        if analysis is None:
            return None
        targets = [i for i, s in analysis.claims() if s.sourcing == "UNSOURCED"]
        return self._move(targets, step)

    def _move(self, targets: list[int], step: int) -> int | None:
        if not targets:
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
        return target
