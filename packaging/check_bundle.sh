#!/usr/bin/env bash
# Build the bundle (packaging/build_bundle.sh) and check it: it must analyse the sample and take
# a window screenshot with no Python on the path and no network (tests/packaging). Prints the
# bundle's size, the archive's size and start-up times against `python -m readwise_desktop`.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-build}")"
bash packaging/build_bundle.sh "$out"
python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'  # the tests' own install
READWISE_BUNDLE="$out/readwise-desktop" QT_QPA_PLATFORM=offscreen \
    python3 -m pytest tests/packaging -m packaging -s -q
