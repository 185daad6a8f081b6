"""The ``readwise-desktop`` command: the window, or one of the terminal commands.

Each command lives in a module of its own (``cli/analyze.py``, ``cli/batch.py`` ...) and is
imported only when it runs. Bad input gives one line on stderr and exit code 2.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

# Commands that close every file before they return, so the process may end at once.
LEAVE_WITHOUT_TEARDOWN = frozenset({"analyze"})
# command: (module, function)
COMMANDS = {
    "analyze": ("analyze", "run_analyze"),
    "batch": ("batch", "run_batch"),
    "compare": ("compare", "run_compare"),
    "evaluate": ("evaluate", "run_evaluate"),
    "report": ("report", "run_report"),
    "rules": ("rules", "run_rules"),
    "settings": ("rules", "run_settings"),
    "train": ("train", "run_train"),
}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    module, function = COMMANDS.get(args[0], ("window", "")) if args else ("window", "")
    run = getattr(
        importlib.import_module(f"readwise_desktop.cli.{module}"), function or "run_window"
    )
    try:
        code = int(run(args[1:] if function else args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    if argv is None and module in LEAVE_WITHOUT_TEARDOWN:
        from readwise_desktop.cli.common import leave_now

        leave_now(code)  # the real command line only: a caller's own process goes on
    return code
