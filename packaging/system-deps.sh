#!/usr/bin/env bash
# System libraries Qt's xcb platform plugin needs on Debian-like systems (PySide6 wheels do not
# ship them), and with --test also Xvfb for the real-screen screenshot test and the validators
# of the .desktop and AppStream files.
# Installs only what is missing, and only where it may (root, or sudo without a password).
set -uo pipefail
pkgs=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
      libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libegl1
      libgl1 libfontconfig1 libdbus-1-3)
[ "${1:-}" = "--test" ] && pkgs+=(xvfb xauth desktop-file-utils appstream)
command -v dpkg >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 || exit 0
need=()
for pkg in "${pkgs[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo -n"
if $sudo apt-get update -qq >/dev/null 2>&1 &&
   $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null 2>&1; then
    echo "installed system packages: ${need[*]}" >&2
else
    echo "note: could not install ${need[*]} (needs root or sudo); the window may not start" >&2
fi
exit 0
