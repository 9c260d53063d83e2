; zjdesk installer (NSIS 3). Installs the PyInstaller one-folder build for the current user only:
; no administrator rights, everything under %LOCALAPPDATA%\Programs\zjdesk and HKCU.
;
; Build (see installer/README.md; the build scripts pass these):
;   makensis /INPUTCHARSET UTF8 /DVERSION=0.2.0rc1 /DVERSION_NUMBERS=0.2.0.3001 /DBUNDLE_DIR=..\dist\zjdesk
;            /DOUTFILE=..\dist\zjdesk-0.2.0rc1-setup.exe installer\zjdesk.nsi
; VERSION is the version in pyproject.toml, VERSION_NUMBERS its four numbers for Windows
; (python installer/bundle_filter.py version-numbers).
; Optional: /DCOMPRESSOR=zlib (faster, larger), /DVALIDATE_ONLY (no compression: CI on Linux compiles the
; script against the Linux bundle only to check it; that output is not an installer to ship),
; /DSIGN_SCRIPT=path\to\sign-windows.ps1 (signs the uninstaller as it is written, NSIS 3.08 or later).
;
; Before it changes anything, the installer makes sure that no zjdesk runs (.onInit, and again in the
; install section) and that Windows is new enough for Qt 6 (Windows 10 1809 / build 17763, 64-bit); the
; uninstaller also waits for zjdesk to be closed. An upgrade replaces only the program's own files:
; the user's settings (HKCU\Software\zjdesk), data folder and year files are never touched.
;
; The uninstaller removes the program, its shortcuts and registry entries. It never removes year files
; (.zjd) or zjdesk's own data folder (%LOCALAPPDATA%\zjdesk), and it removes the install folder only
; when it is empty, so a year file the user saved there stays.

Unicode true
ManifestDPIAware true

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "WinVer.nsh"
!include "x64.nsh"

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
; VIProductVersion and VIFileVersion take four numbers only; 0.2.0rc1 or 0.2.0.post1 are mapped to them by
; installer/bundle_filter.py (version_numbers), the same numbers as in zjdesk.exe's version resource.
!ifndef VERSION_NUMBERS
  !error "VERSION_NUMBERS is not defined: pass /DVERSION_NUMBERS=a.b.c.d (python installer/bundle_filter.py version-numbers)"
!endif
!searchparse /noerrors "${VERSION_NUMBERS}" "" VERSION_N1 "." VERSION_N2 "." VERSION_N3 "." VERSION_N4
!ifndef VERSION_N4
  !error "VERSION_NUMBERS must be four numbers a.b.c.d, not ${VERSION_NUMBERS}"
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
!define CLI_EXE_NAME "zjdesk-cli.exe"
!define LICENSE_FILE "LICENSE.txt"
!define NOTICES_FILE "THIRD-PARTY-NOTICES.txt"
; The named mutex a running zjdesk holds (zjdesk/distribution/running_mark.py, RUNNING_MUTEX_NAME).
!define RUNNING_MUTEX "zjdesk-program-running"
; Qt 6 (PySide6 6.8 and later) needs Windows 10 1809 (build 17763) or later, 64-bit.
!define MIN_WINDOWS_BUILD 17763
!define SHORTCUT_NAME "zjdesk 绩效自评报告"
!define PROG_ID "zjdesk.YearFile"
!define FILE_TYPE_NAME "zjdesk 年度文件"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\zjdesk"
!define CLASSES_KEY "Software\Classes"
!define ICON_FILE "..${SEP}resources${SEP}icons${SEP}zjdesk.ico"

Name "${APP_TITLE}（${APP_NAME} ${VERSION}）"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\zjdesk"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
!ifdef VALIDATE_ONLY
  SetCompress off
!else
  SetCompressor /SOLID ${COMPRESSOR}
  !if "${COMPRESSOR}" == "lzma"
    ; zjdesk.exe and zjdesk-cli.exe carry the same Python archive (about 8 MB each): a dictionary larger
    ; than one program lets the second copy cost next to nothing.
    SetCompressorDictSize 32
  !endif
!endif
BrandingText "${APP_NAME} ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

VIProductVersion "${VERSION_NUMBERS}"
VIFileVersion "${VERSION_NUMBERS}"

!ifdef SIGN_SCRIPT
  !if ${NSIS_PACKEDVERSION} < 0x3008000
    !error "signing the uninstaller needs NSIS 3.08 or later (!uninstfinalize)"
  !endif
  ; How the signing script is run; tests replace it (e.g. /DSIGN_RUNNER=python3).
  !ifndef SIGN_RUNNER
    !define SIGN_RUNNER "powershell -NoProfile -ExecutionPolicy Bypass -File"
  !endif
  !uninstfinalize '${SIGN_RUNNER} "${SIGN_SCRIPT}" "%1"' = 0
!endif

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

!define RUNNING_MESSAGE_INSTALL "zjdesk 正在运行，安装程序无法替换它的文件。$\r$\n$\r$\n请先关闭所有 zjdesk 窗口（填写的内容已自动保存），然后点“重试”继续安装；点“取消”退出安装，电脑上的程序不会有任何改动。$\r$\n$\r$\n如果 zjdesk 已经关闭仍出现此提示，可能是杀毒软件正在检查程序文件，请稍等片刻再点“重试”。"
!define RUNNING_MESSAGE_UNINSTALL "zjdesk 正在运行，无法卸载。$\r$\n$\r$\n请先关闭所有 zjdesk 窗口（填写的内容已自动保存），然后点“重试”继续卸载；点“取消”退出卸载。"
!define OLD_FILES_MESSAGE "旧版本的程序文件无法删除（$INSTDIR\_internal），可能仍被 zjdesk 或杀毒软件占用。$\r$\n$\r$\n请关闭所有 zjdesk 窗口，稍等片刻后点“重试”；点“取消”停止安装（之后重新运行安装程序即可）。"

; Whether zjdesk runs, in $0 (1 or 0): its mutex exists (this version and later), or one of its programs
; in $INSTDIR cannot be opened for writing, which Windows refuses while the program runs (older versions
; hold no mutex). A rename test would not do: Windows lets a running .exe be renamed.
!macro DEFINE_RUNNING_CHECK PREFIX
  Function ${PREFIX}IsZjdeskRunning
    Push $1
    Push $2
    StrCpy $0 0
    System::Call 'kernel32::OpenMutexW(i 0x00100000, i 0, w "${RUNNING_MUTEX}") p .r1'
    ${If} $1 != 0
      System::Call 'kernel32::CloseHandle(p r1)'
      StrCpy $0 1
    ${EndIf}
    ${ForEach} $2 0 1 + 1
      ${If} $2 == 0
        StrCpy $1 "$INSTDIR\${EXE_NAME}"
      ${Else}
        StrCpy $1 "$INSTDIR\${CLI_EXE_NAME}"
      ${EndIf}
      ${If} $0 == 0
      ${AndIf} ${FileExists} $1
        ClearErrors
        FileOpen $1 $1 a
        ${If} ${Errors}
          StrCpy $0 1
        ${Else}
          FileClose $1
        ${EndIf}
      ${EndIf}
    ${Next}
    Pop $2
    Pop $1
  FunctionEnd
!macroend
!insertmacro DEFINE_RUNNING_CHECK ""
!insertmacro DEFINE_RUNNING_CHECK "un."

; Asks until zjdesk is closed (Retry) or the user gives up (Cancel, and /S silent runs): then Abort.
!macro WAIT_UNTIL_CLOSED PREFIX MESSAGE
  ${Do}
    Call ${PREFIX}IsZjdeskRunning
    ${If} $0 == 0
      ${Break}
    ${EndIf}
    ${If} ${Cmd} `MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${MESSAGE}" /SD IDCANCEL IDCANCEL`
      Abort
    ${EndIf}
  ${Loop}
!macroend

Function .onInit
  SetShellVarContext current
  ; Before anything else: on an older Windows the program could not start (Qt 6 needs 1809 or later).
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
  ${OrIfNot} ${AtLeastBuild} ${MIN_WINDOWS_BUILD}
    ${WinVerGetBuild} $1
    MessageBox MB_OK|MB_ICONSTOP "zjdesk 需要 64 位的 Windows 10（1809 版，内部版本 ${MIN_WINDOWS_BUILD}）或更新的 Windows（如 Windows 10 22H2、Windows 11）。$\r$\n$\r$\n这台电脑的 Windows 较旧（内部版本 $1），zjdesk 无法在上面运行，安装不会继续。请联系单位的信息技术人员升级 Windows。" /SD IDOK
    Abort
  ${EndIf}
  !insertmacro WAIT_UNTIL_CLOSED "" "${RUNNING_MESSAGE_INSTALL}"
FunctionEnd

Function un.onInit
  SetShellVarContext current
  !insertmacro WAIT_UNTIL_CLOSED "un." "${RUNNING_MESSAGE_UNINSTALL}"
FunctionEnd

Section "zjdesk" SectionProgram
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; zjdesk may have been started since .onInit asked (a shortcut, a double-clicked .zjd): nothing is
  ; removed until no zjdesk runs.
  !insertmacro WAIT_UNTIL_CLOSED "" "${RUNNING_MESSAGE_INSTALL}"
  ; An older version's library folder is replaced, not merged: stale Qt files would be loaded. Only the
  ; program's own folder goes; settings, the data folder and year files stay as they are.
  ${Do}
    ClearErrors
    RMDir /r "$INSTDIR\_internal"
    ${IfNot} ${Errors}
    ${AndIfNot} ${FileExists} "$INSTDIR\_internal\*.*"
      ${Break}
    ${EndIf}
    ${If} ${Cmd} `MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${OLD_FILES_MESSAGE}" /SD IDCANCEL IDCANCEL`
      Abort "旧版本的程序文件无法删除，安装已停止。"
    ${EndIf}
  ${Loop}
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

  ; Only what the installer put there: the programs, the licences and the library folder.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE_NAME}"
  Delete "$INSTDIR\${CLI_EXE_NAME}"
  Delete "$INSTDIR\${LICENSE_FILE}"
  Delete "$INSTDIR\${NOTICES_FILE}"
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
  ; Not removed, on purpose: every .zjd year file, %LOCALAPPDATA%\zjdesk (the demo year, the logs) and
  ; the settings under HKCU\Software\zjdesk (the list of recent files), which belong to the user.

  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
