"""What goes into the frozen build: used by ``installer/zjdesk.spec`` and tested by tests/installer/test_installer_bundle.py.

zjdesk uses QtCore, QtGui and QtWidgets (PySide6-Essentials). PyInstaller's Qt hooks also collect
plugins for every image format and platform, translations for every language and libraries that
only those plugins need. The rules here keep what the program runs and drop the rest; nothing that
can open a network connection is shipped (QtNetwork, the TLS and network-information plugins,
Python's ssl and HTTP/URL clients).
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path, PurePosixPath

# Python modules the build never needs: other GUI toolkits, developer tools PyInstaller might find,
# network clients, and the Qt modules of PySide6-Essentials that zjdesk does not use. Notes: asyncio,
# imported by SQLAlchemy, works without ssl; python-docx and openpyxl use only lxml.etree; hashlib
# falls back to its built-in algorithms without _hashlib, which would bring OpenSSL's libcrypto.
EXCLUDED_MODULES = [
    "tkinter", "_tkinter", "unittest", "pydoc", "doctest", "pdb", "idlelib", "lib2to3", "ensurepip", "venv",
    "pytest", "_pytest", "hypothesis", "IPython", "numpy", "PIL", "matplotlib",
    "ssl", "_ssl", "_hashlib", "http.client", "http.server", "urllib.request", "ftplib", "smtplib", "imaplib",
    "poplib", "xmlrpc",
    "lxml.objectify", "lxml.html", "lxml.isoschematron", "lxml.cssselect",
    "PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtQuickControls2",
    "PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtSql",
    "PySide6.QtSvg", "PySide6.QtSvgWidgets", "PySide6.QtDBus", "PySide6.QtTest", "PySide6.QtConcurrent",
    "PySide6.QtDesigner", "PySide6.QtUiTools", "PySide6.QtHelp", "PySide6.QtXml", "PySide6.QtStateMachine",
    "PySide6.QtMultimedia", "PySide6.QtWebSockets", "PySide6.QtHttpServer",
]  # fmt: skip

# Qt plugin folders (and, where not None, the plugins in them) that are shipped; the rest are dropped.
#   platforms: the window system (windows; xcb and wayland on Linux) and offscreen (for --self-test)
#   styles: the Windows 11 style; imageformats: .ico (window icon), .jpg, .gif
#   platforminputcontexts: Chinese input methods on Linux (ibus, compose); platformthemes: Linux dialogs
#   printsupport: printers on Linux (CUPS); xcbglintegrations, wayland-*: what the Linux platforms load
KEPT_PLUGINS: dict[str, set[str] | None] = {
    "platforms": {"qwindows", "qxcb", "qwayland", "qoffscreen", "qminimal"},
    "styles": None,
    "imageformats": {"qico", "qjpeg", "qgif"},
    "platforminputcontexts": {"ibusplatforminputcontextplugin", "composeplatforminputcontextplugin"},
    "platformthemes": {"qgtk3", "qxdgdesktopportal"},
    "printsupport": None,
    "xcbglintegrations": None,
    "wayland-shell-integration": {"xdg-shell"},
    "wayland-decoration-client": None,
    "wayland-graphics-integration-client": {"shm-emulation-server"},
}

# Libraries that nothing shipped needs once the plugins above are dropped (matched on the file name):
# QtNetwork, QML/Quick, QtPdf, OpenGL, SVG, the EGLFS platform, and Windows' 20 MB software OpenGL renderer.
EXCLUDED_LIBRARIES = re.compile(
    r"Qt6(Network|Qml\w*|Quick\w*|Pdf\w*|OpenGL\w*|Svg\w*|VirtualKeyboard\w*|Sql|Test|Concurrent|Designer\w*|"
    r"Multimedia\w*|WebSockets|HttpServer|ShaderTools|Lottie\w*|Labs\w*|EglFs\w*)\b|opengl32sw|d3dcompiler|"
    r"lib(ssl|crypto)(-\d+)?(-x64)?\.",
    re.IGNORECASE,
)

# Of Qt's translations only the Simplified Chinese ones for qtbase (qt_zh_CN.qm loads qtbase_zh_CN.qm).
KEPT_TRANSLATIONS = re.compile(r"^qt(base)?_zh_CN\.qm$")


def _plugin_stem(file_name: str) -> str:
    stem = file_name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def is_kept(dest: str) -> bool:
    """Whether the file that PyInstaller would put at ``dest`` (relative to the bundle) is shipped."""
    path = PurePosixPath(dest.replace("\\", "/"))
    name = path.name
    if "translations" in path.parts[:-1] and name.endswith(".qm"):
        return bool(KEPT_TRANSLATIONS.match(name))
    if EXCLUDED_LIBRARIES.search(name):
        return False
    if "plugins" not in path.parts:
        return True
    index = path.parts.index("plugins")
    if len(path.parts) <= index + 2:
        return True
    folder = path.parts[index + 1]
    if folder not in KEPT_PLUGINS:
        return False
    names = KEPT_PLUGINS[folder]
    return names is None or _plugin_stem(name) in names


def zjdesk_module_names(src: Path) -> list[str]:
    """Every module of the zjdesk package under ``src`` (some are imported by name, e.g. the commands)."""
    names = []
    for path in sorted((src / "zjdesk").rglob("*.py")):
        parts = list(path.relative_to(src).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names.append(".".join(parts))
    return names


def project_version(pyproject: Path) -> str:
    """The version in ``pyproject.toml``."""
    return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]


# The fourth number of a Windows version orders a release's stages as PEP 440 does:
# 0.2.0.dev1 < 0.2.0a1 < 0.2.0b1 < 0.2.0rc1 < 0.2.0 < 0.2.0.post1.
STAGE_BASE = {"dev": 0, "a": 1000, "b": 2000, "rc": 3000, "final": 4000}
STAGE_LIMIT = 1000  # a serial such as rc1 or dev3 must stay below this


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """Four numbers for Windows version resources (VIProductVersion, VIFileVersion, zjdesk.exe's FileVersion).

    The first three are the release (``0.2.0``); the fourth orders what Windows cannot spell:
    ``0.2.0.dev1`` -> ``0.2.0.1``, ``0.2.0rc1`` -> ``0.2.0.3001``, ``0.2.0`` -> ``0.2.0.4000``,
    ``0.2.0.post1`` -> ``0.2.0.4001``. Raises ValueError for a version that cannot be mapped.
    """
    from packaging.version import InvalidVersion, Version

    try:
        parsed = Version(version)
    except InvalidVersion as error:
        raise ValueError(f"not a PEP 440 version: {version!r}") from error
    release = list(parsed.release)
    if len(release) > 3 or parsed.local or parsed.epoch:
        raise ValueError(f"{version!r}: zjdesk versions have at most three numbers, no epoch and no local part")
    stages = [stage for stage in (parsed.pre, parsed.post, parsed.dev) if stage is not None]
    if len(stages) > 1:
        raise ValueError(f"{version!r}: at most one of pre-release, post-release and dev release")
    if parsed.pre is not None:
        stage, serial = STAGE_BASE[parsed.pre[0]], parsed.pre[1]
    elif parsed.dev is not None:
        stage, serial = STAGE_BASE["dev"], parsed.dev
    else:
        stage, serial = STAGE_BASE["final"], parsed.post or 0
    limit = 65535 - stage if parsed.post is not None else STAGE_LIMIT
    if serial >= limit:
        raise ValueError(f"{version!r}: the number after the release stage must be below {limit}")
    numbers = [*release, 0, 0][:3]
    if any(number > 65535 for number in numbers):
        raise ValueError(f"{version!r}: each number must be at most 65535")
    return (numbers[0], numbers[1], numbers[2], stage + serial)


def version_numbers_text(version: str) -> str:
    """The four numbers joined with dots, as makensis takes them (``0.2.0.3001``)."""
    return ".".join(str(number) for number in version_numbers(version))


def main(argv: list[str]) -> int:
    """``python installer/bundle_filter.py version|version-numbers [VERSION]``, for the build scripts."""
    repo = Path(__file__).resolve().parents[1]
    if not argv or argv[0] not in ("version", "version-numbers"):
        print("usage: bundle_filter.py version|version-numbers [VERSION]", file=sys.stderr)
        return 2
    version = argv[1] if len(argv) > 1 else project_version(repo / "pyproject.toml")
    try:
        print(version if argv[0] == "version" else version_numbers_text(version))
    except ValueError as error:
        print(f"bundle_filter.py: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
