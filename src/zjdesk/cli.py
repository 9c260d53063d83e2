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
from collections.abc import Iterable, Sequence
from typing import Any, NoReturn

import zjdesk
from zjdesk.distribution.running_mark import mark_running
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
    parser.add_argument("--version", action="version", version=f"zjdesk {zjdesk.__version__}", help="显示版本号并退出")
    subparsers = parser.add_subparsers(dest="command", metavar="命令")
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def build_gui_parser(commands: argparse.ArgumentParser | None = None) -> argparse.ArgumentParser:
    """The parser for opening the desktop program; its help (``zjdesk --help``) also lists the commands."""
    parser = ArgumentParser(
        prog="zjdesk",
        usage="%(prog)s [FILE.zjd] [--demo] [--self-test]\n       %(prog)s 命令 [参数 …]",
        description="部门整体支出绩效自评报告：打开 zjdesk 桌面程序，或运行下列命令。",
        epilog=_commands_help(commands if commands is not None else build_parser()),
        formatter_class=_ChineseRawEpilogFormatter,
    )
    parser.add_argument("--version", action="version", version=f"zjdesk {zjdesk.__version__}", help="显示版本号并退出")
    parser.add_argument("file", nargs="?", metavar="FILE.zjd", help="要打开的年度文件（.zjd）")
    parser.add_argument("--demo", action="store_true", help="打开内置的演示年度文件")
    parser.add_argument("--self-test", action="store_true", help="不打开窗口，检查程序能否正常工作（写出、打开、导出演示年度）")
    return parser


def _commands_help(parser: argparse.ArgumentParser) -> str:
    """The commands of ``parser``, one per line with what it does."""
    commands = [(choice.dest, choice.help or "") for choice in _subparsers_action(parser)._choices_actions]
    width = max(len(name) for name, _help in commands) + 2
    lines = [f"  {name.ljust(width)}{text}" for name, text in commands]
    return "\n".join(["命令：", *lines, "", "运行“zjdesk 命令 --help”查看一个命令的参数，例如 zjdesk export --help。"])


class _ChineseHelpFormatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class _ChineseRawEpilogFormatter(_ChineseHelpFormatter):
    # The command list keeps its lines; argparse would join them into one paragraph.
    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "".join(indent + line for line in text.splitlines(keepends=True))


class _ChineseArgumentError(UserError):
    pass


class ArgumentParser(argparse.ArgumentParser):
    """argparse in Chinese: its help says 用法/参数/选项, and a wrong command line is one Chinese line (exit 2)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["add_help"] = False  # our own -h, with Chinese help
        kwargs.setdefault("formatter_class", _ChineseHelpFormatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message: str) -> NoReturn:
        raise _ChineseArgumentError(f"命令参数有误（{message}）。运行“{self.prog} --help”查看用法。")


def _subparsers_action(parser: argparse.ArgumentParser) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    for action in parser._subparsers._group_actions if parser._subparsers else ():
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise ValueError("the parser has no commands")


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    return set(_subparsers_action(parser).choices)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    _utf8_streams()
    mark_running()  # before any file is touched: the installer waits while zjdesk runs
    try:
        parser = build_parser()
        if args_list and args_list[0] in _command_names(parser):
            args = parser.parse_args(args_list)
            return int(args.handler(args) or 0)
        gui_args = build_gui_parser(parser).parse_args(args_list)
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
