# Build zjdesk for Windows: the one-folder bundle (dist\zjdesk: zjdesk.exe and zjdesk-cli.exe on one
# _internal, LICENSE.txt and THIRD-PARTY-NOTICES.txt beside them), its checks (installer\check_bundle.py:
# licences, zjdesk-cli --help, --self-test of both programs) and the installer (dist\zjdesk-VERSION-setup.exe).
# Run from any folder in PowerShell 5.1 or 7:
#
#   powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1
#   powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1 -Python .venv\Scripts\python.exe
#   ... -SkipInstaller    the bundle and its checks only
#   ... -InstallerOnly    the installer from an existing dist\zjdesk (e.g. after signing its programs)
#
# Needs: Python 3.12 with zjdesk's dependencies and PyInstaller at the pinned versions
# (pip install -e ".[build]" -c installer\constraints.txt), and NSIS 3 (makensis on PATH or in its default
# folder). With $env:ZJDESK_SIGN_PFX set (see installer\sign-windows.ps1) the uninstaller inside the
# installer is signed as makensis writes it. See installer\README.md.
# This file stays ASCII: Windows PowerShell 5.1 reads a file without BOM in the ANSI code page.
param(
    [string]$Python = "python",
    [switch]$SkipInstaller,
    [switch]$InstallerOnly
)
$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

$Version = (& $Python installer\bundle_filter.py version)
if ($LASTEXITCODE -ne 0) { throw "Python could not read the version from pyproject.toml" }
$VersionNumbers = (& $Python installer\bundle_filter.py version-numbers)
if ($LASTEXITCODE -ne 0) { throw "the version $Version cannot be written as four numbers for Windows" }
$Version = $Version.Trim()
$VersionNumbers = $VersionNumbers.Trim()
Write-Host "zjdesk $Version (Windows version $VersionNumbers)"
$bundle = Join-Path $Root "dist\zjdesk"
$clock = [Diagnostics.Stopwatch]::StartNew()

if (-not $InstallerOnly) {
    & $Python -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$Root\dist" --workpath "$Root\build\pyinstaller" installer\zjdesk.spec
    if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
    Write-Host ("bundle built in {0:N0} s" -f $clock.Elapsed.TotalSeconds)

    # Both programs and the licences; zjdesk-cli --help and --version; --self-test of zjdesk-cli.exe and of
    # the windowed zjdesk.exe (read through a pipe). The self-test's output goes to dist\self-test.log.
    & $Python installer\check_bundle.py $bundle
    if ($LASTEXITCODE -ne 0) { throw "the bundle's checks failed (see above)" }

    $bundleBytes = (Get-ChildItem $bundle -Recurse -File | Measure-Object -Property Length -Sum).Sum
    $bundleFiles = (Get-ChildItem $bundle -Recurse -File).Count
    Write-Host ("bundle: {0:N1} MB unpacked, {1} files" -f ($bundleBytes / 1MB), $bundleFiles)
}
if ($SkipInstaller) { return }
if (-not (Test-Path (Join-Path $bundle "zjdesk.exe"))) { throw "dist\zjdesk\zjdesk.exe not found: build the bundle first" }

$makensis = (Get-Command makensis -ErrorAction SilentlyContinue).Source
if (-not $makensis) {
    foreach ($candidate in @("${env:ProgramFiles(x86)}\NSIS\makensis.exe", "$env:ProgramFiles\NSIS\makensis.exe")) {
        if (Test-Path $candidate) { $makensis = $candidate; break }
    }
}
if (-not $makensis) { throw "makensis not found: install NSIS 3 (https://nsis.sourceforge.io, or: choco install nsis)" }

$setup = Join-Path $Root "dist\zjdesk-$Version-setup.exe"
$arguments = @("/V2", "/WX", "/INPUTCHARSET", "UTF8", "/DVERSION=$Version", "/DVERSION_NUMBERS=$VersionNumbers",
    "/DBUNDLE_DIR=$bundle", "/DOUTFILE=$setup")
if ($env:ZJDESK_SIGN_PFX) {
    $arguments += "/DSIGN_SCRIPT=$Root\installer\sign-windows.ps1"
    Write-Host "the uninstaller is signed as makensis writes it"
}
$clock.Restart()
& $makensis @arguments installer\zjdesk.nsi
if ($LASTEXITCODE -ne 0) { throw "makensis failed" }
Write-Host ("installer: {0} ({1:N1} MB), built in {2:N0} s" -f $setup, ((Get-Item $setup).Length / 1MB), $clock.Elapsed.TotalSeconds)
