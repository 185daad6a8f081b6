"""Every analysis leaves the app in the forms people use: JSON, Markdown, HTML, CSV, text."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from readwise_desktop.engine.results import Analysis
from readwise_desktop.export.csv_export import to_csv
from readwise_desktop.export.html_export import to_html
from readwise_desktop.export.markdown_export import to_markdown
from readwise_desktop.export.text_report import text_report


def to_json(analysis: Analysis) -> str:
    return json.dumps(analysis.to_json(), ensure_ascii=False, indent=2) + "\n"


RENDERERS: dict[str, Callable[[Analysis], str]] = {
    "json": to_json,
    "md": to_markdown,
    "html": to_html,
    "csv": to_csv,
    "text": text_report,
}
SUFFIX_FORMATS = {
    ".json": "json",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".txt": "text",
}
EXTENSIONS = {"json": ".json", "md": ".md", "html": ".html", "csv": ".csv", "text": ".txt"}


def render(analysis: Analysis, fmt: str) -> str:
    return RENDERERS[fmt](analysis)


def format_for(path: str | Path, default: str = "json") -> str:
    return SUFFIX_FORMATS.get(Path(path).suffix.lower(), default)
