#!/usr/bin/env bash
# The test command: installs what the tests need, then runs every check.
# README's second command and .ci/run both call this script.
set -euo pipefail
cd "$(dirname "$0")/.."

# System libraries: Xvfb for the real-screen screenshot test, and the libraries Qt's xcb
# platform needs there. Installed only where missing, and only when we may (root or sudo).
need=()
for pkg in xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \
        libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 \
        libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
    $sudo apt-get update -qq >/dev/null && \
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null \
        || echo "note: could not install ${need[*]}; the Xvfb screenshot test will be skipped" >&2
fi

python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'

python3 -m ruff check src tests
python3 -m ruff format --check src tests
python3 -m mypy
export QT_QPA_PLATFORM=offscreen
python3 -m pytest "$@"
