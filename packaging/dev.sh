#!/usr/bin/env bash
# Set up a development checkout and run it.
#   bash packaging/dev.sh run [ARGS…]   install into .venv and open the app (ARGS go to gonghui-desk)
#   bash packaging/dev.sh test [ARGS…]  install what is missing and run lint, types, all tests and
#                                        the calendar sweep (with ARGS: pytest ARGS instead)
#   bash packaging/dev.sh setup          install what is missing, run nothing (packaging/build.sh uses it)
# Missing Debian/Ubuntu packages (Qt's libraries, fonts, PDF tools) are installed with apt
# when the script runs as root or sudo is available; otherwise it says what to install.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
VENV=${GONGHUI_VENV:-$ROOT/.venv}

# Qt's offscreen platform and the bundled font need these; poppler-utils reads PDFs back.
APT_BASE=(libgl1 libegl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0 fontconfig
          poppler-utils)
# The tests open every exported workbook in LibreOffice, as the higher body's PC would.
# PyInstaller reads the program's libraries with binutils' objdump when it builds the bundle.
# The suite runs the services, exchange and UI tests on a throwaway PostgreSQL cluster too.
APT_TEST=(libreoffice-calc-nogui binutils postgresql)
# A real window on X11 (Qt ≥ 6.5 needs xcb-cursor) and a virtual screen for screenshots.
APT_WINDOW=(libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
            libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1
            xvfb xauth)

say() { printf '%s\n' "$*" >&2; }

ensure_apt() {
  command -v dpkg-query >/dev/null 2>&1 || return 0   # not Debian/Ubuntu: nothing to do
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' \
      || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
      say "Please install: ${missing[*]} (apt-get install), then run this again."; return 1
    fi
  fi
  say "Installing system packages: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

ensure_python() {
  PYTHON=${PYTHON:-python3}
  if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    say "Python 3.11 or newer is needed (found: $("$PYTHON" --version 2>&1 || echo none))."
    exit 1
  fi
  if ! "$PYTHON" -c 'import venv, ensurepip' 2>/dev/null; then
    ensure_apt python3-venv
  fi
}

ensure_venv() {
  local extras=$1
  ensure_python
  [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e "$ROOT$extras"
  "$VENV/bin/python" packaging/translations.py
}

case "${1:-}" in
  run)
    shift
    ensure_apt "${APT_BASE[@]}" "${APT_WINDOW[@]}"
    ensure_venv ""
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "$#" -eq 0 ]; then
      say "No screen found; opening the window on a virtual screen (Xvfb)."
      exec xvfb-run -a "$VENV/bin/gonghui-desk"
    fi
    exec "$VENV/bin/gonghui-desk" "$@"
    ;;
  setup)
    ensure_apt "${APT_BASE[@]}"
    ensure_venv "[dev]"
    ;;
  test)
    shift
    ensure_apt "${APT_BASE[@]}" "${APT_TEST[@]}"
    ensure_venv "[dev]"
    say "ruff…";  "$VENV/bin/ruff" check gonghui_desk tests bench packaging
    say "mypy…";  "$VENV/bin/mypy"
    if [ "$#" -gt 0 ]; then exec "$VENV/bin/python" -m pytest "$@"; fi
    # The whole suite at its fixed day, then the calendar sweep: the date-dependent tests
    # again at each day that has broken date arithmetic before (tests/dates.py). Both share
    # their tests among one worker process per core (pytest-xdist).
    "$VENV/bin/python" -m pytest -n auto
    say "calendar sweep…"
    exec "$VENV/bin/python" -m tests.sweep
    ;;
  *)
    say "usage: bash packaging/dev.sh run [ARGS…] | test [PYTEST ARGS…] | setup"
    exit 2
    ;;
esac
