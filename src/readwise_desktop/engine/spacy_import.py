"""Import spaCy without its command line.

``import spacy`` imports ``spacy.cli`` (typer, click, rich, weasel, an HTTP client) only to offer
``spacy.info``: here 21 MB of memory and a quarter of a second of a cold start, for commands the
app never runs. spaCy merged a lazy import of it once (explosion/spaCy#12962) and a reland is
open (#13721). Until then, :func:`defer_spacy_cli` puts a stand-in for ``spacy.cli.info`` where
the import system looks first; the moment spaCy takes ``info`` from it, the stand-in steps
aside, so a later ``import spacy.cli`` gets the real package, and ``spacy.info()`` loads it when
called. Nothing changes if spaCy is already imported.
"""

from __future__ import annotations

import sys
import types
from typing import Any

INFO_MODULE = "spacy.cli.info"


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: the real one, its command line imported now."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


class _InfoStandIn(types.ModuleType):
    """``spacy.cli.info`` until spaCy has taken ``info`` from it."""

    def __getattr__(self, name: str) -> Any:
        if name != "info":
            raise AttributeError(name)
        if sys.modules.get(INFO_MODULE) is self:
            del sys.modules[INFO_MODULE]
        return _info


def defer_spacy_cli() -> None:
    """Let the next ``import spacy`` leave its command line unimported."""
    if "spacy" not in sys.modules and INFO_MODULE not in sys.modules:
        sys.modules[INFO_MODULE] = _InfoStandIn(INFO_MODULE)
