"""What the desktop program does with an error nobody expected: save the work, log it, say so in Chinese.

The windowed program has no console (``sys.stderr`` is None there), so an exception in a slot would
vanish and the program carry on in an unknown state. :func:`install` replaces ``sys.excepthook``
and ``threading.excepthook``: the error and its traceback go to the log (:mod:`zjdesk.store.program_log`),
every open year is saved as it is (its last complete values — a wrong entry never reaches the
file), and a message box says what happened, whether the work is saved, and where the log is.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any

from zjdesk.store.program_log import log_file
from zjdesk.store.user_data import log_dir

_installed: list[Any] = []  # the previous hooks, and the program
_handling = threading.local()


def install(program: Any) -> None:
    """Route every uncaught exception of the program (main thread, slots, other threads) to :func:`handle`."""
    if _installed:
        _installed[2] = program
        return
    _installed.extend([sys.excepthook, threading.excepthook, program])
    sys.excepthook = handle
    threading.excepthook = _handle_thread


def uninstall() -> None:
    """Put the previous hooks back (tests)."""
    if _installed:
        sys.excepthook, threading.excepthook, _program = _installed
        _installed.clear()


def _logger() -> Any:
    """The program's log, started now if it was not yet (an error in the first moments of the program)."""
    import logging

    from zjdesk.store.program_log import start_logging

    start_logging("after an unexpected error")
    return logging.getLogger("zjdesk.crash")


def _handle_thread(arguments: threading.ExceptHookArgs) -> None:
    if arguments.exc_type is SystemExit or arguments.exc_value is None:
        return
    logger = _logger()
    # Qt widgets belong to the main thread: a thread's error is logged, and shown when the main loop runs.
    logger.error(
        "unexpected error in thread %s",
        getattr(arguments.thread, "name", "?"),
        exc_info=(arguments.exc_type, arguments.exc_value, arguments.exc_traceback),
    )
    from PySide6.QtCore import QTimer

    value = arguments.exc_value
    QTimer.singleShot(0, lambda: _tell(type(value), value, None, logged=True))


def handle(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    """The excepthook: log, save every open year, and tell the officer in a message box."""
    if issubclass(kind, KeyboardInterrupt):
        if _installed:
            _installed[0](kind, error, trace)
        return
    _tell(kind, error, trace, logged=False)


def _tell(kind: type[BaseException], error: BaseException, trace: TracebackType | None, *, logged: bool) -> None:
    logger = _logger()
    if getattr(_handling, "active", False):  # an error while telling about an error: the log has both
        logger.error("error while reporting an error: %s", "".join(traceback.format_exception(kind, error, trace)))
        return
    _handling.active = True
    try:
        if not logged:
            logger.error("unexpected error", exc_info=(kind, error, trace))
        saved = _save_open_years()
        message = crash_message(kind, saved)
        from zjdesk.ui import dialogs

        program = _installed[2] if _installed else None
        parent = program.windows[-1] if program is not None and getattr(program, "windows", None) else None
        dialogs.show_crash(parent, "程序出现意外错误", message, log_dir())
    except Exception:  # the last line of defence must not raise itself
        logger.exception("the error message could not be shown")
    finally:
        _handling.active = False


def _save_open_years() -> bool | None:
    """Save every open year now; True when all were saved, False when one was not, None with none open."""
    program = _installed[2] if _installed else None
    windows = list(getattr(program, "windows", []) or [])
    if not windows:
        return None
    saved = True
    for window in windows:
        flush: Callable[[], bool] | None = getattr(getattr(window, "open_year", None), "flush", None)
        try:
            saved = bool(flush()) and saved if flush is not None else saved
        except Exception:
            _logger().exception("saving after an unexpected error failed")
            saved = False
    return saved


def crash_message(kind: type[BaseException], saved: bool | None) -> str:
    """The message box's text: what happened, whether the work is saved, where the log is."""
    if saved is True:
        work = "您已填写的内容都已保存到年度文件中（输入有误、标红未保存的栏目除外，它们仍在栏目中）。"
    elif saved is False:
        work = "最近的修改未能保存到年度文件中：请先用“文件 → 另存为”把本年度另存一份，再关闭程序。"
    else:
        work = "没有打开的年度文件，没有内容丢失。"
    return (
        f"zjdesk 遇到了一个意外错误（{kind.__name__}），刚才的操作可能没有完成。\n\n{work}\n\n"
        f"错误的详细情况已记录在日志文件中：\n{log_file()}\n"
        "如果再次出现，请通过“帮助 → 打开日志文件夹”找到该文件，发给技术支持人员。可以继续使用本程序。"
    )
