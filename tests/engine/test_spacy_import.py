"""spaCy imported through the engine leaves its command line unimported, and loses nothing: a
later ``import spacy.cli`` and ``spacy.info()`` still work. Each check runs in a fresh process."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
import readwise_desktop.engine.pipeline  # imports spaCy
assert "spacy" in sys.modules
print("cli" if "spacy.cli" in sys.modules else "no cli", "typer" in sys.modules)
import spacy
print(sorted(spacy.info(markdown=False, silent=True))[:2])
import spacy.cli
print(callable(spacy.cli.info), callable(spacy.cli.download))
"""


def test_spacy_comes_without_its_command_line_until_asked() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=120
    )
    lines = done.stdout.splitlines()
    assert lines[0] == "no cli False"
    assert lines[1] == "['location', 'pipelines']"
    assert lines[2] == "True True"
