"""The licences zjdesk ships: its own (MIT) and those of the third-party software in the program.

The build (``installer/zjdesk.spec``) writes :data:`LICENSE_FILE_NAME` and :data:`NOTICES_FILE_NAME`
beside ``zjdesk.exe``: the notices are made at build time from the metadata of the distributions
PyInstaller put into the program (name, version, licence, and the licence texts a distribution
ships), with Python itself, PyInstaller's bootloader and what the LGPL asks for Qt (where its source
is, how to replace its libraries). 帮助 → 关于 shows them (:func:`installed_notices`); run from
source, the same text is made from the distributions zjdesk runs on.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

LICENSE_FILE_NAME = "LICENSE.txt"
NOTICES_FILE_NAME = "THIRD-PARTY-NOTICES.txt"

# The distributions of Qt for Python; Qt itself comes inside PySide6-Essentials.
QT_DISTRIBUTIONS = ("pyside6-essentials", "shiboken6")
LICENCE_FILE = re.compile(r"^(licen[cs]e|copying|notice|authors)", re.IGNORECASE)
RULE = "-" * 78
DOUBLE_RULE = "=" * 78

PYINSTALLER_NOTE = (
    "zjdesk.exe 和 zjdesk-cli.exe 的启动程序是 PyInstaller 的 bootloader。它以 GPL-2.0-or-later 发布，"
    "附有例外条款：允许与任何许可证的程序一同分发。\n"
    "The starters zjdesk.exe and zjdesk-cli.exe are PyInstaller's bootloader, GPL-2.0-or-later with an exception "
    "that allows distributing it with programs under any licence (see its COPYING.txt below)."
)


@dataclass(frozen=True)
class Notice:
    """One piece of third-party software: what it is, its licence, and the licence texts it ships."""

    name: str
    version: str
    licence: str
    home_page: str = ""
    texts: tuple[tuple[str, str], ...] = ()  # (file name, text)
    note: str = ""


def normalized(name: str) -> str:
    """A distribution name in the form PyPI compares (PEP 503): ``PySide6_Essentials`` -> ``pyside6-essentials``."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _field(distribution: metadata.Distribution, name: str) -> str:
    """One metadata field of a distribution, "" when it has none."""
    values = distribution.metadata.get_all(name)
    return str(values[0]).strip() if values else ""


def licence_of(distribution: metadata.Distribution) -> str:
    """The licence a distribution declares: its SPDX expression, its short License field, or its classifiers."""
    meta = distribution.metadata
    expression = _field(distribution, "License-Expression")
    if expression:
        return expression
    field = _field(distribution, "License")
    if field and "\n" not in field and len(field) <= 120:
        return field
    classifiers = [item.split(" :: ")[-1] for item in meta.get_all("Classifier") or [] if item.startswith("License ::")]
    if classifiers:
        return "; ".join(classifiers)
    return field.splitlines()[0] if field else "未注明 / not stated"


def home_page_of(distribution: metadata.Distribution) -> str:
    """Where the distribution lives: its home page, or its source repository."""
    home_page = _field(distribution, "Home-page")
    if home_page:
        return home_page
    urls = [str(entry).split(",", 1) for entry in distribution.metadata.get_all("Project-URL") or [] if "," in entry]
    for wanted in ("homepage", "home", "source", "repository", "source code"):
        for label, url in urls:
            if label.strip().lower() == wanted:
                return url.strip()
    return urls[0][1].strip() if urls else ""


def licence_texts(distribution: metadata.Distribution) -> tuple[tuple[str, str], ...]:
    """The licence files a distribution ships in its metadata folder (PEP 639 ``licenses/`` or the folder itself)."""
    relative: list[str] = []
    for name in distribution.metadata.get_all("License-File") or []:
        relative += [f"licenses/{name}", name]
    for path in distribution.files or []:
        parts = path.parts
        if parts and parts[0].endswith((".dist-info", ".egg-info")) and LICENCE_FILE.match(path.name):
            relative.append("/".join(parts[1:]))
    texts: list[tuple[str, str]] = []
    seen: set[str] = set()
    for name in relative:
        file_name = name.rsplit("/", 1)[-1]
        if file_name in seen:
            continue
        text = distribution.read_text(name)
        if text:
            seen.add(file_name)
            texts.append((file_name, text.strip()))
    return tuple(texts)


def notice_of(distribution: metadata.Distribution, note: str = "") -> Notice:
    """The notice of one installed distribution, from its metadata."""
    return Notice(
        name=str(distribution.metadata["Name"]),
        version=distribution.version,
        licence=licence_of(distribution),
        home_page=home_page_of(distribution),
        texts=licence_texts(distribution),
        note=note,
    )


def bundled_distributions(module_names: Iterable[str]) -> list[metadata.Distribution]:
    """The installed distributions that provide ``module_names`` (dotted modules or bundle paths), zjdesk excepted."""
    providers = metadata.packages_distributions()
    names: set[str] = set()
    for module in module_names:
        top = re.split(r"[./\\]", module, maxsplit=1)[0]
        names.update(normalized(name) for name in providers.get(top, ()))
    names.discard("zjdesk")
    return [metadata.distribution(name) for name in sorted(names)]


def _requirement_name(requirement: str) -> str | None:
    """The distribution a requirement names, or None when it only applies to an extra."""
    if re.search(r"\bextra\s*==", requirement):
        return None
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
    return normalized(match.group(1)) if match else None


def runtime_distributions() -> list[metadata.Distribution]:
    """The installed distributions zjdesk runs on: its requirements and theirs, zjdesk excepted."""
    found: dict[str, metadata.Distribution] = {}
    seen = {"zjdesk"}
    pending = ["zjdesk"]
    while pending:
        name = pending.pop()
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a requirement for another platform or Python version
        if name != "zjdesk":
            found[name] = distribution
        for requirement in distribution.requires or []:
            wanted = _requirement_name(requirement)
            if wanted and wanted not in seen:
                seen.add(wanted)
                pending.append(wanted)
    return [found[name] for name in sorted(found)]


def python_licence_text() -> str:
    """The licence text of the running Python (the one a build puts into the program), or ""."""
    base = Path(sys.base_prefix)
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for candidate in (base / "LICENSE.txt", base / "lib" / version / "LICENSE.txt", Path("/usr/lib") / version / "LICENSE.txt"):
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8", errors="replace").strip()
    return ""


def python_notice() -> Notice:
    """Python itself: the interpreter and standard library in the program."""
    version = ".".join(str(part) for part in sys.version_info[:3])
    text = python_licence_text()
    return Notice(
        name="Python",
        version=version,
        licence="PSF-2.0（Python Software Foundation License）",
        home_page=f"https://docs.python.org/{sys.version_info.major}.{sys.version_info.minor}/license.html",
        texts=(("LICENSE.txt", text),) if text else (),
        note="" if text else "Python 的许可证全文见上面的网址。/ The full licence text is at the address above.",
    )


def qt_version(pyside_version: str) -> str:
    """The Qt release a PySide6 wheel carries: its first three numbers (``6.8.0.2`` carries Qt 6.8.0)."""
    return ".".join(pyside_version.split(".")[:3])


def qt_section(pyside_version: str, qt_files: Sequence[str]) -> str:
    """What the LGPL asks of a program that ships Qt: the licence, where the source is, how to replace Qt."""
    qt = qt_version(pyside_version)
    major_minor = ".".join(qt.split(".")[:2])
    lines = [
        f"Qt {qt} 与 PySide6 {pyside_version}（Qt for Python）/ Qt {qt} and PySide6 {pyside_version}",
        RULE,
        "zjdesk 的界面、打印和 PDF 使用 Qt 和 PySide6，依据 GNU 较宽松通用公共许可证第 3 版（LGPL-3.0）使用；",
        "LGPL-3.0 和它所引用的 GPL-3.0 全文附在本文件末尾。Qt 版权归 The Qt Company Ltd. 及其他贡献者所有。",
        "zjdesk's windows, printing and PDF use Qt and PySide6 under the GNU Lesser General Public License",
        "version 3 (LGPL-3.0); the LGPL-3.0 and the GPL-3.0 it refers to are at the end of this file.",
        "Qt is Copyright (C) The Qt Company Ltd. and other contributors.",
        "",
        "源代码 / Source code:",
        f"  Qt {qt}:      https://download.qt.io/archive/qt/{major_minor}/{qt}/",
        f"               (git: https://code.qt.io/cgit/qt/qt5.git/ , tag v{qt})",
        f"  PySide6 {pyside_version}: https://code.qt.io/cgit/pyside/pyside-setup.git/ , tag v{pyside_version}",
        "               (https://download.qt.io/official_releases/QtForPython/)",
        "  Qt 所含第三方组件的许可证 / licences of the third-party code inside Qt:",
        f"               https://doc.qt.io/qt-{qt.split('.')[0]}/licenses-used-in-qt.html",
        "",
        "替换 Qt 库 / Replacing the Qt libraries:",
        "  zjdesk 以动态链接方式使用 Qt：Qt 是程序文件夹 _internal\\PySide6 中的独立库文件（Qt6Core.dll、",
        "  Qt6Gui.dll、Qt6Widgets.dll、Qt6PrintSupport.dll 和 plugins 中的插件）。您可以用自己修改或重新编译的",
        f"  Qt {major_minor}.x 库（同一编译器、同为 64 位）替换这些文件，zjdesk 即使用替换后的库；PySide6 模块",
        "  （QtCore.pyd 等）可由上面的 pyside-setup 源代码重新编译后一并替换。",
        "  zjdesk links Qt dynamically: Qt is the separate library files in the program folder's _internal\\PySide6",
        "  (Qt6Core.dll, Qt6Gui.dll, Qt6Widgets.dll, Qt6PrintSupport.dll and the plugins folder). Replace them with",
        f"  your own modified or rebuilt Qt {major_minor}.x libraries (same compiler, 64-bit) and zjdesk uses those;",
        "  the PySide6 modules (QtCore.pyd, …) can be rebuilt from the pyside-setup source above and replaced too.",
    ]
    if qt_files:
        lines += ["", "本程序中的 Qt 库文件 / The Qt library files in this program:"]
        lines += [f"  _internal/{path}" for path in qt_files]
    return "\n".join(lines)


def _notice_block(notice: Notice) -> str:
    lines = [f"{notice.name} {notice.version}", RULE, f"许可证 / Licence: {notice.licence}"]
    if notice.home_page:
        lines.append(f"主页 / Home page: {notice.home_page}")
    if notice.note:
        lines += ["", notice.note]
    for file_name, text in notice.texts:
        lines += ["", f"--- {file_name} ---", text]
    if not notice.texts and not notice.note:
        lines += ["", "（此软件包未附许可证文件。/ This distribution ships no licence file.）"]
    return "\n".join(lines)


def notices_text(
    distributions: Sequence[metadata.Distribution],
    *,
    qt_files: Sequence[str] = (),
    bootloader: metadata.Distribution | None = None,
) -> str:
    """THIRD-PARTY-NOTICES.txt for a program carrying ``distributions`` (and, when built, PyInstaller's bootloader)."""
    import zjdesk
    from zjdesk.resources import resource_path

    notices = [python_notice(), *(notice_of(item) for item in distributions)]
    if bootloader is not None:
        notices.append(notice_of(bootloader, PYINSTALLER_NOTE))
    pyside = next((item for item in distributions if normalized(str(item.metadata["Name"])) == QT_DISTRIBUTIONS[0]), None)
    parts = [
        f"zjdesk {zjdesk.__version__} —— 第三方软件声明 / Third-party notices",
        DOUBLE_RULE,
        "zjdesk 本身以 MIT 许可证发布（见 LICENSE.txt）。本程序包含下列第三方软件，各以其许可证发布；",
        "本文件由程序所含软件包的元数据生成。",
        "zjdesk itself is released under the MIT licence (LICENSE.txt). The program includes the third-party",
        "software below, each under its own licence; this file is generated from the metadata of the",
        "distributions in the program.",
        "",
        "目录 / Contents:",
        *(f"  {item.name} {item.version} — {item.licence}" for item in notices),
    ]
    if pyside is not None:
        parts += ["", DOUBLE_RULE, qt_section(pyside.version, qt_files)]
    for notice in notices:
        parts += ["", DOUBLE_RULE, _notice_block(notice)]
    if pyside is not None:
        for file_name in ("LGPL-3.0.txt", "GPL-3.0.txt"):
            parts += ["", DOUBLE_RULE, resource_path("licenses", file_name).read_text(encoding="utf-8").strip()]
    return "\n".join(parts) + "\n"


def write_text_file(path: Path, text: str) -> None:
    """Write a text file for Windows readers: UTF-8 with a byte-order mark, CRLF line ends."""
    path.write_text(text, encoding="utf-8-sig", newline="\r\n")


def program_folder() -> Path | None:
    """The folder of the running program's executable in a frozen build, else None."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return None


def zjdesk_licence_text() -> str:
    """zjdesk's own licence, from the installed metadata or the source checkout."""
    try:
        for _file_name, text in licence_texts(metadata.distribution("zjdesk")):
            return text
    except metadata.PackageNotFoundError:
        pass
    checkout = Path(__file__).resolve().parents[3] / "LICENSE"
    return checkout.read_text(encoding="utf-8").strip() if checkout.is_file() else ""


def installed_notices() -> str:
    """zjdesk's licence and the third-party notices, as the About dialog shows them.

    A built program reads the files beside its executable (what was shipped); from source, the
    notices are made from the distributions zjdesk runs on. Raises OSError when a built program's
    files are missing.
    """
    folder = program_folder()
    if folder is not None:
        licence = (folder / LICENSE_FILE_NAME).read_text(encoding="utf-8-sig")
        notices = (folder / NOTICES_FILE_NAME).read_text(encoding="utf-8-sig")
    else:
        licence = zjdesk_licence_text()
        notices = notices_text(runtime_distributions())
    return f"{licence.strip()}\n\n{DOUBLE_RULE}\n{notices}"
