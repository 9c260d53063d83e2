"""The Documents folder, and the Chinese reason a folder cannot take a new file."""

from __future__ import annotations

from pathlib import Path

import pytest

from zjdesk.store import folders
from zjdesk.store.folders import documents_dir, folder_problem


def test_documents_is_the_desktops_documents_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "user-dirs.dirs").write_text('XDG_DOCUMENTS_DIR="$HOME/我的文档"\n', encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert documents_dir() == Path.home() / "我的文档"
    (tmp_path / "user-dirs.dirs").unlink()
    assert documents_dir() == Path.home() / "Documents"  # no desktop setting: the usual place


def test_a_folder_that_can_take_a_file_has_no_problem(tmp_path: Path) -> None:
    assert folder_problem(tmp_path) is None
    assert list(tmp_path.iterdir()) == []  # the trial file is gone again


def test_a_missing_folder_or_a_file_is_named_in_chinese(tmp_path: Path) -> None:
    missing = tmp_path / "文档"
    assert folder_problem(missing) == f"文件夹“{missing}”不存在：请点“浏览…”选择其他保存位置（或先在资源管理器中建立该文件夹）。"
    (tmp_path / "a.txt").write_text("x")
    assert "不是文件夹" in (folder_problem(tmp_path / "a.txt") or "")


def test_a_read_only_folder_is_named_in_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")  # what a read-only share or an ACL does (root ignores chmod)

    monkeypatch.setattr(folders.tempfile, "TemporaryFile", refuse)
    problem = folder_problem(tmp_path) or ""
    assert "不能写入（只读或没有权限）" in problem and str(tmp_path) in problem
