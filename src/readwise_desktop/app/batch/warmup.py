"""The worker plugin that loads the pipeline as each Dask worker starts (a restarted one too),
so that no article waits for the model. Imported only when a cluster is used."""

from __future__ import annotations

import sys
from typing import Any

from distributed import WorkerPlugin

from readwise_desktop.app.batch.work import session_for
from readwise_desktop.app.paths import AppPaths
from readwise_desktop.app.session import SessionOptions


class WarmUp(WorkerPlugin):
    name = "readwise-desktop-session"

    def __init__(self, options: SessionOptions, home: AppPaths | None) -> None:
        self.options, self.home = options, home

    def setup(self, worker: Any) -> None:
        from readwise_desktop.engine.rules.schema import RuleFileError

        try:
            session_for(self.options, self.home).load()
        except (RuleFileError, OSError) as err:  # the first article reports it, as an error
            print(f"readwise-desktop worker: {err}", file=sys.stderr)
