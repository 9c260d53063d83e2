; zjdesk installer (NSIS 3). Installs the PyInstaller one-folder build for the current user only:
; no administrator rights, everything under %LOCALAPPDATA%\Programs\zjdesk and HKCU.
;
; Build (see installer/README.md; the build scripts pass these):
;   makensis /DVERSION=0.1.0 /DBUNDLE_DIR=..\dist\zjdesk /DOUTFILE=..\dist\zjdesk-0.1.0-setup.exe installer\zjdesk.nsi
; Optional: /DCOMPRESSOR=zlib (faster, larger), /DVALIDATE_ONLY (no compression: CI on Linux compiles the
; script against the Linux bundle only to check it; that output is not an installer to ship).
;
; The uninstaller removes the program, its shortcuts and registry entries. It never removes year files
; (.zjd) or zjdesk's own data folder (%LOCALAPPDATA%\zjdesk), and it removes the install folder only
; when it is empty, so a year file the user saved there stays.

Unicode true
ManifestDPIAware true

!include "MUI2.nsh"
!include "FileFunc.nsh"

; Compile-time paths are relative to this folder (makensis works in the script's folder); pass BUNDLE_DIR and
; OUTFILE as absolute paths. makensis on Linux (CI) needs "/" as separator, on Windows "\".
!ifdef NSIS_WIN32_MAKENSIS
  !define SEP "\"
!else
  !define SEP "/"
!endif

!ifndef VERSION
  !error "VERSION is not defined: pass /DVERSION=x.y.z (the version in pyproject.toml)"
!endif
!ifndef BUNDLE_DIR
  !define BUNDLE_DIR "..${SEP}dist${SEP}zjdesk"
!endif
!ifndef OUTFILE
  !define OUTFILE "..${SEP}dist${SEP}zjdesk-${VERSION}-setup.exe"
!endif
!ifndef COMPRESSOR
  !define COMPRESSOR "lzma"
!endif

!define APP_NAME "zjdesk"
!define APP_TITLE "部门整体支出绩效自评报告"
!define PUBLISHER "zjdesk"
!define EXE_NAME "zjdesk.exe"
!define SHORTCUT_NAME "zjdesk 绩效自评报告"
!define PROG_ID "zjdesk.YearFile"
!define FILE_TYPE_NAME "zjdesk 年度文件"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\zjdesk"
!define CLASSES_KEY "Software\Classes"
!define ICON_FILE "..${SEP}resources${SEP}icons${SEP}zjdesk.ico"

; VIProductVersion needs four numbers: 0.1.0 -> 0.1.0.0
!searchparse /noerrors "${VERSION}" "" VERSION_MAJOR "." VERSION_MINOR "." VERSION_PATCH
!ifndef VERSION_PATCH
  !define VERSION_PATCH 0
!endif

Name "${APP_TITLE}（${APP_NAME} ${VERSION}）"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\zjdesk"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
!ifdef VALIDATE_ONLY
  SetCompress off
!else
  SetCompressor /SOLID ${COMPRESSOR}
!endif
BrandingText "${APP_NAME} ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

VIProductVersion "${VERSION_MAJOR}.${VERSION_MINOR}.${VERSION_PATCH}.0"
VIFileVersion "${VERSION_MAJOR}.${VERSION_MINOR}.${VERSION_PATCH}.0"

!define MUI_ICON "${ICON_FILE}"
!define MUI_UNICON "${ICON_FILE}"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TITLE "安装 ${APP_TITLE}"
!define MUI_WELCOMEPAGE_TEXT "本程序将为当前用户安装 ${APP_NAME} ${VERSION}（${APP_TITLE}）。$\r$\n$\r$\n安装不需要管理员权限，也不需要联网。$\r$\n$\r$\n点击“下一步”继续。"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE_NAME}"
!define MUI_FINISHPAGE_RUN_TEXT "立即打开 ${APP_NAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${APP_TITLE} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "MIT"

Function .onInit
  SetShellVarContext current
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

Section "zjdesk" SectionProgram
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An older version's library folder is replaced, not merged: stale Qt files would be loaded.
  RMDir /r "$INSTDIR\_internal"
  File /r "${BUNDLE_DIR}${SEP}*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${SHORTCUT_NAME}.lnk" "$INSTDIR\${EXE_NAME}" "" "$INSTDIR\${EXE_NAME}" 0
  CreateShortCut "$DESKTOP\${SHORTCUT_NAME}.lnk" "$INSTDIR\${EXE_NAME}" "" "$INSTDIR\${EXE_NAME}" 0

  ; .zjd opens in zjdesk, with zjdesk's icon (per user: HKCU\Software\Classes).
  WriteRegStr HKCU "${CLASSES_KEY}\.zjd" "" "${PROG_ID}"
  WriteRegStr HKCU "${CLASSES_KEY}\.zjd\OpenWithProgids" "${PROG_ID}" ""
  WriteRegStr HKCU "${CLASSES_KEY}\${PROG_ID}" "" "${FILE_TYPE_NAME}"
  WriteRegStr HKCU "${CLASSES_KEY}\${PROG_ID}\DefaultIcon" "" "$\"$INSTDIR\${EXE_NAME}$\",0"
  WriteRegStr HKCU "${CLASSES_KEY}\${PROG_ID}\shell" "" "open"
  WriteRegStr HKCU "${CLASSES_KEY}\${PROG_ID}\shell\open" "" "用 zjdesk 打开"
  WriteRegStr HKCU "${CLASSES_KEY}\${PROG_ID}\shell\open\command" "" "$\"$INSTDIR\${EXE_NAME}$\" $\"%1$\""
  WriteRegStr HKCU "${CLASSES_KEY}\Applications\${EXE_NAME}\SupportedTypes" ".zjd" ""
  WriteRegStr HKCU "${CLASSES_KEY}\Applications\${EXE_NAME}\shell\open\command" "" "$\"$INSTDIR\${EXE_NAME}$\" $\"%1$\""

  ; The entry in Settings → Apps (and Control Panel → Programs), with the version.
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME} ${APP_TITLE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$\"$INSTDIR\${EXE_NAME}$\",0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" "$\"$INSTDIR\uninstall.exe$\""
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" "$\"$INSTDIR\uninstall.exe$\" /S"
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"

  ; Tell Explorer that file associations changed, so .zjd files show the new icon at once.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${SHORTCUT_NAME}.lnk"
  Delete "$DESKTOP\${SHORTCUT_NAME}.lnk"

  ; Only what the installer put there: the program and its library folder.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE_NAME}"
  Delete "$INSTDIR\uninstall.exe"
  ; Removed only when empty: year files the user saved in this folder stay, and so does the folder.
  RMDir "$INSTDIR"

  ; The association is removed only if .zjd still points to zjdesk.
  ReadRegStr $0 HKCU "${CLASSES_KEY}\.zjd" ""
  StrCmp $0 "${PROG_ID}" 0 +2
    DeleteRegValue HKCU "${CLASSES_KEY}\.zjd" ""
  DeleteRegValue HKCU "${CLASSES_KEY}\.zjd\OpenWithProgids" "${PROG_ID}"
  DeleteRegKey /ifempty HKCU "${CLASSES_KEY}\.zjd\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "${CLASSES_KEY}\.zjd"
  DeleteRegKey HKCU "${CLASSES_KEY}\${PROG_ID}"
  DeleteRegKey HKCU "${CLASSES_KEY}\Applications\${EXE_NAME}"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  ; Not removed, on purpose: every .zjd year file, and %LOCALAPPDATA%\zjdesk (the demo year and the
  ; list of recent files), which belong to the user.

  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
