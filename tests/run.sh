#!/usr/bin/env bash
# The test command: installs what the tests need, then runs every check.
# README's second command and .ci/run both call this script.
set -euo pipefail
cd "$(dirname "$0")/.."

# System libraries for Qt's xcb platform and Xvfb for the real-screen screenshot test.
bash packaging/system-deps.sh --test

# pip before 23.3 trips over lxml's extras as two dependencies spell them (an internal
# assertion), so bring pip up to date first.
python3 -m pip install --quiet --disable-pip-version-check --upgrade 'pip>=24'
python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'

python3 -m ruff check src tests
python3 -m ruff format --check src tests
python3 -m mypy
export QT_QPA_PLATFORM=offscreen
python3 -m pytest "$@"
