"""``zjdesk --self-test``: check an installation end to end without a screen.

The self-test runs what an officer does on the first day, in a temporary folder: write the demo
year, open it in the main window, and so on. It prints one line per step and returns 0 when every
step passed; otherwise it names the step that failed and returns 1. It is run by CI on the frozen
build (Linux and Windows) and can be run by a support person on an office PC:
``zjdesk.exe --self-test``.

Every step calls the real code of the program; a step that the program cannot do yet is not listed.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import zjdesk

# Network clients. zjdesk never opens a connection, and a build that loads one of these has picked
# up something it should not ship. (``socket`` and ``ssl`` are not listed: the standard library's
# email and asyncio packages, used by importlib.metadata and SQLAlchemy, import them without using them.)
NETWORK_MODULES = ("PySide6.QtNetwork", "http.client", "urllib.request", "ftplib", "smtplib", "xmlrpc.client")

DEMO_FILE_NAME = "自检-演示年度.zjd"


class SelfTestFailure(Exception):
    """A step found something wrong; the message (Chinese) says what."""


@dataclass
class SelfTestContext:
    """What the steps share: the temporary folder and what earlier steps produced."""

    folder: Path
    year_path: Path | None = None
    window: Any = None
    results: dict[str, Any] = field(default_factory=dict)


def step_write_demo(context: SelfTestContext) -> str:
    """Write the demo year to a new year file and read it back."""
    from zjdesk.demo import demo_year
    from zjdesk.store.yearfile import read_year, write_new_year_file

    year = demo_year()
    path = context.folder / DEMO_FILE_NAME
    write_new_year_file(path, year)
    if read_year(path) != year:
        raise SelfTestFailure("写出的年度文件读回后与演示数据不一致")
    context.year_path = path
    context.results["year"] = year
    return f"{year.cover.unit_name} {year.cover.evaluation_year}年度，{path.stat().st_size // 1024} KB"


def step_open_window(context: SelfTestContext) -> str:
    """Open the year file in the main window and draw it once off screen."""
    from zjdesk.app import open_window

    if context.year_path is None:
        raise SelfTestFailure("没有可打开的年度文件")
    window = open_window(context.year_path)
    context.window = window
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    picture = window.grab()
    if picture.isNull() or picture.width() < 100:
        raise SelfTestFailure("主窗口没有画出内容")
    detail = f"窗口标题：{window.windowTitle()}"
    from PySide6.QtWidgets import QLabel

    # The live score panel, when the window has one (objectNames are the field paths).
    total, grade = window.findChild(QLabel, "score.total"), window.findChild(QLabel, "score.grade")
    if total is not None and grade is not None:
        detail += f"；评分面板：{total.text()} 分 {grade.text()}"
    return detail


def step_score_and_checks(context: SelfTestContext) -> str:
    """Score the demo year and run the checks; the score must be the one its report states."""
    from zjdesk.domain.checks import SEVERITY_LABELS, run_checks
    from zjdesk.domain.scoring import score_year
    from zjdesk.domain.scoring_rules import format_number

    year = context.results.get("year")
    if year is None:
        raise SelfTestFailure("没有可评分的年度数据")
    from zjdesk.demo import PUBLISHED_GRADE, PUBLISHED_SCORE

    score = score_year(year)
    if score.total != PUBLISHED_SCORE:
        raise SelfTestFailure(f"计算的自评分数 {score.total} 与演示年度报告所填的 {PUBLISHED_SCORE} 不一致")
    if score.grade != PUBLISHED_GRADE:
        raise SelfTestFailure(f"计算的等级“{score.grade}”与演示年度报告所填的“{PUBLISHED_GRADE}”不一致")
    findings = run_checks(year, score)
    counts = "，".join(
        f"{label} {sum(1 for item in findings if item.severity == severity)} 项" for severity, label in SEVERITY_LABELS.items()
    )
    context.results["score"] = score
    return f"自评 {format_number(score.total)} 分（{score.grade}），检查结果：{counts}"


def step_export(context: SelfTestContext) -> str:
    """Export the report (.docx, PDF) and the sheets (.xlsx) as a draft, then look inside each file."""
    from zjdesk.report.export import export_year

    year = context.results.get("year")
    if year is None:
        raise SelfTestFailure("没有可导出的年度数据")
    folder = context.folder / "导出"
    folder.mkdir()
    docx, pdf, xlsx = folder / "自评报告.docx", folder / "自评报告.pdf", folder / "数据表和评分表.xlsx"
    export_year(year, docx=docx, pdf=pdf, xlsx=xlsx, draft=True)
    unit_name = year.cover.unit_name
    if unit_name not in _zip_member_text(docx, "word/document.xml"):
        raise SelfTestFailure(f"导出的 .docx 中没有单位名称“{unit_name}”")
    _zip_member_text(xlsx, "xl/workbook.xml")
    pdf_data = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf_data))
    fonts = sorted({name.decode("latin-1").split("+")[-1] for name in re.findall(rb"/BaseFont\s*/([^\s/<>\[\]]+)", pdf_data)})
    if not pdf_data.startswith(b"%PDF-") or pages == 0:
        raise SelfTestFailure("导出的 PDF 不完整（缺少文件头或页面）")
    if b"/FontFile" not in pdf_data:
        raise SelfTestFailure("导出的 PDF 没有嵌入字体：请检查电脑上是否有中文字体")
    _check_pdf_text(pdf_data, unit_name)
    context.results["docx"] = docx
    sizes = "，".join(f"{path.suffix[1:]} {path.stat().st_size // 1024} KB" for path in (docx, pdf, xlsx))
    return f"{sizes}；PDF {pages} 页，字体 {'、'.join(fonts)}"


def _check_pdf_text(pdf_data: bytes, unit_name: str) -> None:
    """The PDF's text layer gives the report's characters, not the look-alike radicals (⼯ for 工) Qt writes."""
    from zjdesk.report.pdf_text import text_layer_characters

    characters = text_layer_characters(pdf_data)
    radicals = sorted(char for char in characters if "\u2e80" <= char <= "\u2fdf")
    if radicals:
        raise SelfTestFailure(f"导出的 PDF 复制出的文字不正确（出现部首字符 {''.join(radicals)}）")
    if not set(unit_name) <= characters:
        raise SelfTestFailure(f"导出的 PDF 中复制不出单位名称“{unit_name}”")


def step_import_docx(context: SelfTestContext) -> str:
    """Read the exported report back as last year's report (the first-year import)."""
    from zjdesk.docx_import import import_docx

    docx = context.results.get("docx")
    year = context.results.get("year")
    if docx is None or year is None:
        raise SelfTestFailure("没有可导入的报告")
    imported = import_docx(docx).year
    if imported.cover.unit_name != year.cover.unit_name:
        raise SelfTestFailure(f"导入的单位名称“{imported.cover.unit_name}”与报告中的“{year.cover.unit_name}”不一致")
    return f"单位名称一致，读出 {len(imported.tasks)} 项重点工作，{len(imported.review)} 处标记“待复核”"


def _zip_member_text(path: Path, member: str) -> str:
    """The text of one part of an Office file; fails the step if the file is not a complete package."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as package:
            if package.testzip() is not None:
                raise SelfTestFailure(f"{path.name} 已损坏")
            return package.read(member).decode("utf-8")
    except (zipfile.BadZipFile, KeyError) as error:
        raise SelfTestFailure(f"{path.name} 不是完整的 Office 文件（{error}）") from error


def step_chinese_ui(context: SelfTestContext) -> str:
    """Qt's Chinese translation (standard buttons, dialogs) is where the program loads it from."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    # The same file and folder as zjdesk.ui.qt_app.ensure_application; loaded here on its own so the
    # step checks the installed files whichever QApplication is running.
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator()
    if not translator.load("qtbase_zh_CN", folder):
        raise SelfTestFailure(f"找不到 Qt 的中文翻译 qtbase_zh_CN.qm（在 {folder} 中）")
    translated = translator.translate("QPlatformTheme", "Cancel")
    if not translated or translated == "Cancel":
        raise SelfTestFailure("Qt 的中文翻译文件不完整：标准按钮“Cancel”没有译文")
    return f"qtbase_zh_CN.qm 已找到，“Cancel”显示为“{translated}”"


def step_licences(context: SelfTestContext) -> str:
    """zjdesk's licence and the third-party notices are where 帮助 → 关于 reads them, and complete."""
    from zjdesk.distribution.notices import LICENSE_FILE_NAME, NOTICES_FILE_NAME, installed_notices, program_folder

    try:
        text = installed_notices()
    except OSError as error:
        raise SelfTestFailure(f"找不到许可证文件 {error.filename}：程序文件不完整，请重新安装") from error
    for required in ("MIT License", "PySide6", "GNU LESSER GENERAL PUBLIC LICENSE", "Python"):
        if required not in text:
            raise SelfTestFailure(f"许可证和第三方声明不完整：缺少“{required}”")
    where = "程序文件夹中的" if program_folder() is not None else "由 Python 环境生成的"
    return f"{where} {LICENSE_FILE_NAME} 和 {NOTICES_FILE_NAME}，共 {len(text) // 1024} KB"


def step_no_network(context: SelfTestContext) -> str:
    """No module that can open a network connection has been loaded."""
    loaded = [name for name in NETWORK_MODULES if name in sys.modules]
    if loaded:
        raise SelfTestFailure(f"加载了网络模块：{'、'.join(loaded)}")
    return "未加载任何网络模块"


STEPS: list[tuple[str, Callable[[SelfTestContext], str]]] = [
    ("写出演示年度文件", step_write_demo),
    ("在主窗口中打开", step_open_window),
    ("计算自评分数和检查", step_score_and_checks),
    ("导出报告（.docx、PDF）和表格（.xlsx）", step_export),
    ("导入往年报告（.docx）", step_import_docx),
    ("中文界面翻译", step_chinese_ui),
    ("许可证和第三方声明", step_licences),
    ("不联网", step_no_network),
]


def _environment_line() -> str:
    from zjdesk.resources import resources_dir

    layout = "打包版" if getattr(sys, "frozen", False) else "Python 环境"
    return (
        f"zjdesk {zjdesk.__version__} 自检（{layout}，Python {sys.version.split()[0]}，{sys.platform}），"
        f"资源目录：{resources_dir()}"
    )


def _close_window(context: SelfTestContext) -> None:
    # The window holds the year file open (and locked); close it before the folder is removed.
    if context.window is not None:
        context.window.close()
        context.window.deleteLater()
        context.window = None


def run_self_test(out: TextIO | None = None) -> int:
    """Run every step, printing one line each; 0 when all passed, 1 naming the failed step."""
    # Before Qt starts: the self-test must run without a screen (CI, remote sessions).
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    stream = out if out is not None else sys.stdout

    def say(line: str) -> None:
        if stream is not None:  # a windowed build started without a console has no stdout
            print(line, file=stream, flush=True)

    import logging

    from zjdesk.store.program_log import start_logging

    # The log a support person asks for records the self-test too (faults stay with the program's own).
    start_logging("self-test", faults=False)
    logger = logging.getLogger("zjdesk.selftest")
    try:
        say(_environment_line())
    except Exception as error:
        logger.error("self-test: resources: %s", error)
        say(f"自检失败：资源文件：{error}")
        return 1
    started = time.perf_counter()
    # ignore_cleanup_errors: on Windows a virus scanner may still hold a just-written file for a moment.
    with tempfile.TemporaryDirectory(prefix="zjdesk-selftest-", ignore_cleanup_errors=True) as folder_name:
        context = SelfTestContext(folder=Path(folder_name))
        try:
            for number, (title, step) in enumerate(STEPS, start=1):
                step_started = time.perf_counter()
                try:
                    detail = step(context)
                except Exception as error:
                    logger.error("self-test step %d/%d failed: %s", number, len(STEPS), title, exc_info=error)
                    say(f"[{number}/{len(STEPS)}] {title} … 失败：{error}")
                    if not isinstance(error, SelfTestFailure):
                        say("".join(traceback.format_exception(error)).rstrip())
                    say(f"自检失败：第 {number} 步“{title}”。")
                    return 1
                seconds = time.perf_counter() - step_started
                logger.info("self-test step %d/%d passed: %s (%.2f s)", number, len(STEPS), title, seconds)
                say(f"[{number}/{len(STEPS)}] {title} … 通过（{seconds:.2f} 秒）：{detail}")
        finally:
            _close_window(context)
    logger.info("self-test passed: %d steps in %.1f s", len(STEPS), time.perf_counter() - started)
    say(f"自检通过：{len(STEPS)} 步全部通过，用时 {time.perf_counter() - started:.1f} 秒。")
    return 0
