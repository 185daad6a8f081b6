"""The app is an offline tool: loading the model and analysing never opens a connection."""

from __future__ import annotations

import subprocess
import sys

GUARD = r"""
import socket, sys
attempts = []
def refuse(*args, **kwargs):
    attempts.append(args)
    raise OSError("network disabled by test")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from readwise_desktop.cli.main import main
from readwise_desktop.packaged import sample_path
code = main(["analyze", str(sample_path()), "--format", "text"])
sys.stdout.flush()
print("ATTEMPTS", len(attempts), file=sys.stderr)
sys.exit(code)
"""


def test_analysis_never_opens_a_connection() -> None:
    result = subprocess.run(
        [sys.executable, "-c", GUARD], capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "ATTEMPTS 0" in result.stderr
    assert "Sources" in result.stdout
