#!/usr/bin/env bash
# Build zjdesk's one-folder bundle on Linux (dist/zjdesk), run its --self-test, and compile the NSIS
# installer script against it to check the script (uncompressed, not an installer to ship: the
# Windows installer is built by installer/build-windows.ps1 on Windows).
#
#   installer/build-linux.sh                 # uses python3 from PATH (with PyInstaller installed)
#   PYTHON=.venv/bin/python installer/build-linux.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
ROOT=$PWD
VERSION=$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')

started=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level ERROR \
  --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" installer/zjdesk.spec
built=$(date +%s)

# The bundle's own self-test, without a screen.
"$ROOT/dist/zjdesk/zjdesk" --self-test
tested=$(date +%s)

if command -v makensis >/dev/null 2>&1; then
  check="$ROOT/build/zjdesk-$VERSION-nsis-check.exe"
  # -WX: a warning in the script fails the build as an error would.
  makensis -V2 -WX -DVERSION="$VERSION" -DBUNDLE_DIR="$ROOT/dist/zjdesk" -DOUTFILE="$check" -DVALIDATE_ONLY \
    installer/zjdesk.nsi
  rm -f "$check"
  echo "installer script: compiles (makensis $(makensis -VERSION))"
else
  echo "makensis not found (Debian: apt-get install nsis): installer script not checked" >&2
  exit 1
fi
finished=$(date +%s)

echo "bundle: $(du -sh "$ROOT/dist/zjdesk" | cut -f1) unpacked, $(find "$ROOT/dist/zjdesk" -type f | wc -l) files"
echo "time: build $((built - started)) s, self-test $((tested - built)) s, installer script $((finished - tested)) s"
