"""The ``zjdesk`` command line.

``zjdesk [FILE.zjd]`` and ``zjdesk --demo`` open the desktop program; ``zjdesk COMMAND …`` runs
one of the commands of :mod:`zjdesk.commands`. A problem the user can fix ends with exit status
2 and one Chinese line on stderr, never a traceback, and leaves every file as it was.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

import zjdesk
from zjdesk.domain.errors import UserError

# Each module defines ``register(subparsers)``; its commands set ``handler`` on their parser.
COMMAND_MODULES = (
    "zjdesk.commands.files",
    "zjdesk.commands.scoring",
    "zjdesk.commands.goals",
    "zjdesk.commands.export",
    "zjdesk.commands.import_docx",
)


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command (used for dispatch and for ``--help``)."""
    parser = ArgumentParser(
        prog="zjdesk",
        description="部门整体支出绩效自评报告：打开年度文件，或运行下列命令。",
    )
    parser.add_argument("--version", action="version", version=f"zjdesk {zjdesk.__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="命令")
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def build_gui_parser() -> argparse.ArgumentParser:
    """The parser for opening the desktop program."""
    parser = ArgumentParser(prog="zjdesk", description="打开 zjdesk 桌面程序。")
    parser.add_argument("--version", action="version", version=f"zjdesk {zjdesk.__version__}")
    parser.add_argument("file", nargs="?", help="要打开的年度文件（.zjd）")
    parser.add_argument("--demo", action="store_true", help="打开内置的演示年度文件")
    parser.add_argument("--self-test", action="store_true", help="不打开窗口，检查程序能否正常工作（写出、打开、导出演示年度）")
    return parser


class _ChineseArgumentError(UserError):
    pass


class ArgumentParser(argparse.ArgumentParser):
    """argparse that reports a wrong command line as one Chinese line (exit status 2)."""

    def error(self, message: str) -> NoReturn:
        raise _ChineseArgumentError(f"命令参数有误（{message}）。运行“{self.prog} --help”查看用法。")


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._subparsers._group_actions if parser._subparsers else ():
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    _utf8_streams()
    try:
        parser = build_parser()
        if args_list and args_list[0] in _command_names(parser):
            args = parser.parse_args(args_list)
            return int(args.handler(args) or 0)
        gui_args = build_gui_parser().parse_args(args_list)
        if gui_args.self_test:
            from zjdesk.selftest import run_self_test

            return run_self_test()
        from zjdesk.app import run_program

        return run_program(gui_args.file, demo=gui_args.demo)
    except UserError as error:
        print(f"zjdesk：{error}", file=sys.stderr)
        return error.exit_status
    except KeyboardInterrupt:
        print("zjdesk：已取消。", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`zjdesk dump x.zjd | head`): not an error of ours.
        _silence_stdout()
        return 0


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _utf8_streams() -> None:
    # Windows consoles default to a legacy code page; Chinese messages must still come out.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="replace")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
