"""``zjdesk --help``: the desktop program's options and every command, in Chinese; each command has its own help."""

from __future__ import annotations

import pytest

from zjdesk.cli import _command_names, build_parser, main

COMMANDS = sorted(_command_names(build_parser()))


def _help(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_lists_the_program_options_and_every_command(capsys: pytest.CaptureFixture[str], flag: str) -> None:
    shown = _help(capsys, [flag])
    assert shown.startswith("用法：zjdesk [FILE.zjd] [--demo] [--self-test]\n       zjdesk 命令 [参数 …]\n")
    for option in ("--demo", "--self-test", "--version", "FILE.zjd"):
        assert option in shown
    commands = shown[shown.index("命令：\n") :]
    for name in COMMANDS:
        # Each command on its own line with what it does.
        line = next(line for line in commands.splitlines() if line.startswith(f"  {name} "))
        assert any("\u4e00" <= char <= "\u9fff" for char in line), line
    assert {"demo", "dump", "load", "new-year", "score", "check", "indicators", "export", "import-docx"} <= set(COMMANDS)
    assert "zjdesk export --help" in commands
    assert "show this help message" not in shown and "usage:" not in shown


def test_each_command_has_its_own_chinese_help(capsys: pytest.CaptureFixture[str]) -> None:
    shown = _help(capsys, ["export", "--help"])
    assert shown.startswith("用法：zjdesk export")
    assert "--draft" in shown and "显示本帮助并退出" in shown


def test_version_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    import zjdesk

    assert _help(capsys, ["--version"]).strip() == f"zjdesk {zjdesk.__version__}"
