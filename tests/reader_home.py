"""A reader's home for the session tests: a settings file that switches off ``hedge.modal.may``
and limits files to 0.1 MB, and a rule file of the reader's own that marks "hypothetically",
which no shipped rule marks."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from readwise_desktop.app.paths import HOME_ENV, AppPaths, app_paths

MAY = "hedge.modal.may"
OWN_RULE = "hedge.probability.hypothetically_test"
SETTINGS = f"""version = 1
[analysis]
disabled_rules = ["{MAY}"]
max_size_mb = 0.1
"""
OWN_RULES = f'''schema = "readwise-desktop/rules/1"
kind = "hedges"
version = "1.0"
description = "A reader's own hedge rule."

[[rules]]
id = "{OWN_RULE}"
category = "PROBABILITY"
patterns = ["hypothetically"]
explanation = "The writer offers this only as a hypothesis."
examples = ["The dam could hypothetically fail."]
'''
# "may" is a shipped modal hedge; "hypothetically" only the reader's rule marks.
ARTICLE = "Strike spreads\nOfficials said the port may close. The talks hypothetically resume.\n"
WITH_SETTINGS = {("hypothetically", OWN_RULE)}
WITHOUT_SETTINGS = {("may", MAY)}
BIG_LINE = "Officials said the port may close.\n"
BIG_BYTES = len(BIG_LINE) * 3_000  # 105,000 bytes: over the 0.1 MB limit


def reader_home(
    root: Path, monkeypatch: pytest.MonkeyPatch, *, settings: bool = True, rules: bool = True
) -> AppPaths:
    """``READWISE_DESKTOP_HOME`` at ``root``, with the settings and the own rule file if asked."""
    monkeypatch.setenv(HOME_ENV, str(root))
    paths = app_paths()
    assert paths.settings.is_relative_to(root) and paths.rules.is_relative_to(root)
    if settings:
        paths.settings.parent.mkdir(parents=True, exist_ok=True)
        paths.settings.write_text(SETTINGS, encoding="utf-8")
    if rules:
        paths.rules.mkdir(parents=True, exist_ok=True)
        (paths.rules / "mine.toml").write_text(OWN_RULES, encoding="utf-8")
    return paths


def write_article(folder: Path, name: str = "article.txt", text: str = ARTICLE) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def write_big(folder: Path, name: str = "big.txt") -> Path:
    path = write_article(folder, name, BIG_LINE * 3_000)
    assert path.stat().st_size == BIG_BYTES > 100_000
    return path


def refusal(path: Path) -> str:
    """The one sentence by which a file over the 0.1 MB limit is refused."""
    return f"{path}: the file is 0.105 MB, over the 0.1 MB limit"


HEDGE_CLASSES = frozenset(
    f"rw-{c}" for c in ("REPORTATIVE", "MODAL", "SPECULATIVE", "PROBABILITY", "APPROXIMATOR")
)


class HedgeSpans(HTMLParser):
    """Every hedge marked in an HTML export's text: (text, class). The legend's sample spans
    have no title; a mark's span has one (what it is, why, its rule)."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.stack: list[tuple[str, bool]] = []
        self.hedges: list[tuple[str, str]] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "span":
            values = dict(attrs)
            self.stack.append((values.get("class") or "", bool(values.get("title"))))

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][1] and self.stack[-1][0] in HEDGE_CLASSES:
            self.hedges.append((data, self.stack[-1][0]))
