#!/usr/bin/env bash
# Build the one-folder program with PyInstaller: dist/gonghui-desk/ holds gonghui-desk (the
# window) and gonghui-desk-cli (the commands), with Python, Qt, the font, the translations
# and the migrations inside. Prints how long it took and how big the folder is.
#   bash packaging/build.sh [DIST_DIR]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
VENV=${GONGHUI_VENV:-$ROOT/.venv}
DIST=${1:-$ROOT/dist}
WORK=${GONGHUI_BUILD_WORK:-$ROOT/build/pyinstaller}
[ -x "$VENV/bin/python" ] || bash packaging/dev.sh setup
"$VENV/bin/python" -m pip install -q --disable-pip-version-check "pyinstaller>=6.10,<7"
"$VENV/bin/python" packaging/translations.py
start=$(date +%s)
"$VENV/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$WORK" packaging/gonghui-desk.spec
# Links left pointing at Qt libraries the recipe leaves out (QML, Quick, Wayland).
find "$DIST/gonghui-desk" -xtype l -delete
seconds=$(( $(date +%s) - start ))
size=$(du -sm "$DIST/gonghui-desk" | cut -f1)
printf 'Built %s in %d s: %d MB (%d files)\n' "$DIST/gonghui-desk" "$seconds" "$size" \
  "$(find "$DIST/gonghui-desk" -type f | wc -l)"
