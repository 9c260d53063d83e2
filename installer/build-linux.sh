#!/usr/bin/env bash
# Build zjdesk's one-folder bundle on Linux (dist/zjdesk: zjdesk and zjdesk-cli on one _internal), check it
# (installer/check_bundle.py: licences, build record, zjdesk-cli --help/--version, --self-test of both
# programs), and compile the NSIS installer script against it to check the script (uncompressed, not an
# installer to ship: the Windows installer is built by installer/build-windows.ps1 on Windows).
#
#   installer/build-linux.sh                 # uses python3 from PATH (with PyInstaller installed)
#   PYTHON=.venv/bin/python installer/build-linux.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
ROOT=$PWD
VERSION=$("$PYTHON" installer/bundle_filter.py version)
VERSION_NUMBERS=$("$PYTHON" installer/bundle_filter.py version-numbers)

if ! command -v makensis >/dev/null 2>&1; then
  echo "makensis not found (Debian: apt-get install nsis): installer script not checked" >&2
  exit 1
fi

started=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level ERROR \
  --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" installer/zjdesk.spec
built=$(date +%s)

# Both programs, the licences beside them, --help and --self-test without a screen.
"$PYTHON" installer/check_bundle.py "$ROOT/dist/zjdesk"
checked=$(date +%s)

check="$ROOT/build/zjdesk-$VERSION-nsis-check.exe"
# -WX: a warning in the script fails the build as an error would.
makensis -V2 -WX -INPUTCHARSET UTF8 -DVERSION="$VERSION" -DVERSION_NUMBERS="$VERSION_NUMBERS" \
  -DBUNDLE_DIR="$ROOT/dist/zjdesk" -DOUTFILE="$check" -DVALIDATE_ONLY installer/zjdesk.nsi
rm -f "$check"
echo "installer script: compiles for zjdesk $VERSION ($VERSION_NUMBERS) with makensis $(makensis -VERSION)"
finished=$(date +%s)

echo "bundle: $(du -sh "$ROOT/dist/zjdesk" | cut -f1) unpacked, $(find "$ROOT/dist/zjdesk" -type f | wc -l) files"
echo "time: build $((built - started)) s, checks and self-tests $((checked - built)) s, installer script $((finished - checked)) s"
