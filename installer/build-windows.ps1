# Build zjdesk for Windows: the one-folder bundle (dist\zjdesk), its --self-test, and the installer
# (dist\zjdesk-VERSION-setup.exe). Run from any folder in PowerShell 5.1 or 7:
#
#   powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1
#   powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1 -Python .venv\Scripts\python.exe
#
# Needs: Python 3.11+ with zjdesk's dependencies and PyInstaller (pip install -e ".[build]"), and
# NSIS 3 (makensis on PATH or in its default folder). See installer\README.md.
param(
    [string]$Python = "python",
    [switch]$SkipInstaller
)
$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

$Version = (& $Python -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])").Trim()
if ($LASTEXITCODE -ne 0) { throw "Python could not read the version from pyproject.toml" }
Write-Host "zjdesk $Version"

$clock = [Diagnostics.Stopwatch]::StartNew()
& $Python -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$Root\dist" --workpath "$Root\build\pyinstaller" installer\zjdesk.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
Write-Host ("bundle built in {0:N0} s" -f $clock.Elapsed.TotalSeconds)

# The self-test. zjdesk.exe is a windowed program: start it with redirected output and wait for it.
$exe = Join-Path $Root "dist\zjdesk\zjdesk.exe"
$info = New-Object Diagnostics.ProcessStartInfo
$info.FileName = $exe
$info.Arguments = "--self-test"
$info.UseShellExecute = $false
$info.RedirectStandardOutput = $true
$info.RedirectStandardError = $true
$info.StandardOutputEncoding = [Text.Encoding]::UTF8
$info.StandardErrorEncoding = [Text.Encoding]::UTF8
$process = [Diagnostics.Process]::Start($info)
$stderrTask = $process.StandardError.ReadToEndAsync()
$stdout = $process.StandardOutput.ReadToEnd()
$process.WaitForExit()
$stderr = $stderrTask.Result
[Console]::OutputEncoding = [Text.Encoding]::UTF8
Write-Host $stdout
if ($stderr) { Write-Host $stderr }
Set-Content -Path "$Root\dist\self-test.log" -Value ($stdout + $stderr) -Encoding UTF8
if ($process.ExitCode -ne 0) { throw "zjdesk --self-test failed (exit status $($process.ExitCode))" }
if (-not $stdout.Trim()) { Write-Warning "zjdesk --self-test passed (exit status 0) but its output did not reach this console" }

$bundleBytes = (Get-ChildItem "$Root\dist\zjdesk" -Recurse -File | Measure-Object -Property Length -Sum).Sum
$bundleFiles = (Get-ChildItem "$Root\dist\zjdesk" -Recurse -File).Count
Write-Host ("bundle: {0:N1} MB unpacked, {1} files" -f ($bundleBytes / 1MB), $bundleFiles)
if ($SkipInstaller) { return }

$makensis = (Get-Command makensis -ErrorAction SilentlyContinue).Source
if (-not $makensis) {
    foreach ($candidate in @("${env:ProgramFiles(x86)}\NSIS\makensis.exe", "$env:ProgramFiles\NSIS\makensis.exe")) {
        if (Test-Path $candidate) { $makensis = $candidate; break }
    }
}
if (-not $makensis) { throw "makensis not found: install NSIS 3 (https://nsis.sourceforge.io, or: choco install nsis)" }

$setup = Join-Path $Root "dist\zjdesk-$Version-setup.exe"
$clock.Restart()
& $makensis /V2 /WX "/DVERSION=$Version" "/DBUNDLE_DIR=$Root\dist\zjdesk" "/DOUTFILE=$setup" installer\zjdesk.nsi
if ($LASTEXITCODE -ne 0) { throw "makensis failed" }
Write-Host ("installer: {0} ({1:N1} MB), built in {2:N0} s" -f $setup, ((Get-Item $setup).Length / 1MB), $clock.Elapsed.TotalSeconds)
