# Sign zjdesk's programs or its installer with signtool (Windows SDK): SHA-256 digests, an RFC 3161
# timestamp (the signature stays valid after the certificate expires), then verify each signature.
#
#   powershell -ExecutionPolicy Bypass -File installer\sign-windows.ps1 dist\zjdesk\zjdesk.exe dist\zjdesk\zjdesk-cli.exe
#
# The certificate: $env:ZJDESK_SIGN_PFX (path of a .pfx file) and $env:ZJDESK_SIGN_PASSWORD (its password).
# Optional: $env:ZJDESK_SIGN_TIMESTAMP, the timestamp server (default http://timestamp.digicert.com).
# .github/workflows/windows.yml runs this when the repository has the secret WINDOWS_SIGNING_CERTIFICATE;
# installer\zjdesk.nsi runs it on the uninstaller (!uninstfinalize) when built with /DSIGN_SCRIPT.
# This file stays ASCII: Windows PowerShell 5.1 reads a file without BOM in the ANSI code page.
param(
    [Parameter(Mandatory = $true, ValueFromRemainingArguments = $true)]
    [string[]]$Files
)
$ErrorActionPreference = "Stop"

if (-not $env:ZJDESK_SIGN_PFX -or -not (Test-Path $env:ZJDESK_SIGN_PFX)) {
    throw "no certificate: set ZJDESK_SIGN_PFX to a .pfx file (and ZJDESK_SIGN_PASSWORD to its password)"
}
$signtool = (Get-Command signtool.exe -ErrorAction SilentlyContinue).Source
if (-not $signtool) {
    $kits = Join-Path ${env:ProgramFiles(x86)} "Windows Kits\10\bin"
    $signtool = Get-ChildItem $kits -Recurse -Filter signtool.exe -ErrorAction SilentlyContinue |
        Where-Object { $_.FullName -match '\\x64\\' } |
        Sort-Object FullName -Descending |
        Select-Object -First 1 -ExpandProperty FullName
}
if (-not $signtool) { throw "signtool.exe not found: install the Windows SDK (it is on GitHub's Windows runners)" }
$timestamp = if ($env:ZJDESK_SIGN_TIMESTAMP) { $env:ZJDESK_SIGN_TIMESTAMP } else { "http://timestamp.digicert.com" }

foreach ($file in $Files) {
    if (-not (Test-Path $file)) { throw "nothing to sign at $file" }
    & $signtool sign /fd SHA256 /td SHA256 /tr $timestamp /f $env:ZJDESK_SIGN_PFX /p $env:ZJDESK_SIGN_PASSWORD /d "zjdesk" $file
    if ($LASTEXITCODE -ne 0) { throw "signtool could not sign $file (exit $LASTEXITCODE)" }
    & $signtool verify /pa $file
    if ($LASTEXITCODE -ne 0) { throw "the signature of $file does not verify (exit $LASTEXITCODE)" }
    Write-Host "signed: $file"
}
