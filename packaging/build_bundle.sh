#!/usr/bin/env bash
# Build the self-contained Linux app folder and archive with PyInstaller (one-folder mode),
# then check it: packaging/check_bundle.sh. Usage: bash packaging/build_bundle.sh [OUTDIR]
# Output: OUTDIR/readwise-desktop/ (run ./readwise-desktop) and
#         OUTDIR/readwise-desktop-<version>-linux-<arch>.tar.gz
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-build}")"
bash packaging/system-deps.sh --test
python3 -m pip install --quiet --disable-pip-version-check --upgrade 'pip>=24'
python3 -m pip install --quiet --disable-pip-version-check . 'pyinstaller>=6.10,<7'
python3 -m PyInstaller packaging/readwise-desktop.spec --noconfirm --log-level WARN \
    --distpath "$out/dist" --workpath "$out/work"
rm -rf "$out/readwise-desktop"
mv "$out/dist/readwise-desktop" "$out/readwise-desktop"
version="$(python3 -c 'import readwise_desktop; print(readwise_desktop.__version__)')"
archive="$out/readwise-desktop-$version-linux-$(uname -m).tar.gz"
tar -C "$out" -czf "$archive" readwise-desktop
echo "bundle: $out/readwise-desktop ($(du -sh "$out/readwise-desktop" | cut -f1))"
echo "archive: $archive ($(du -sh "$archive" | cut -f1))"
