"""The one door to the files shipped inside the package, read with :mod:`importlib.resources`.

``data/rules`` (the rule files and the advice), ``data/samples`` (the bundled sample article),
``data/exercises`` (graded practice) and ``data/icons``. Nothing reads them by file path, so they
work from a wheel, a zip or a PyInstaller bundle alike.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

DATA = "data"
SAMPLE_ARTICLE = "harbour_strike.txt"


def packaged(*parts: str) -> Traversable:
    """A shipped file or folder below ``readwise_desktop/data``."""
    return resources.files("readwise_desktop").joinpath(DATA, *parts)


def packaged_text(*parts: str) -> str:
    return packaged(*parts).read_text("utf-8")


def origin(*parts: str) -> str:
    """How a shipped file is named in messages: ``readwise_desktop/data/rules/hedges.toml``."""
    return "/".join(("readwise_desktop", DATA, *parts))


def sample_path() -> Path:
    """The bundled sample article, written by the project (a real file: the app opens paths)."""
    return Path(str(packaged("samples", SAMPLE_ARTICLE)))
