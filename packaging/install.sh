#!/usr/bin/env bash
# Install readwise-desktop from this checkout: the system libraries Qt needs, then the package
# (with the spaCy model, from PyPI). README's first command.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/system-deps.sh
python3 -m pip install --quiet --disable-pip-version-check .
