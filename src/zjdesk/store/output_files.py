"""Writing output files (reports, sheets, JSON) so that a failure never leaves a half-written file.

Each output is first written in full to a temporary file beside its target, then moved into place.
A target that cannot be written — its folder missing, read-only, or open in Word/WPS/Excel on
Windows — is refused with a Chinese message saying what to do.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from zjdesk.domain.errors import UserError

PathLike = str | os.PathLike[str]


class OutputFileError(UserError):
    """An output file cannot be written (missing folder, read-only, open in another program)."""


def check_target(path: Path) -> None:
    """Refuse, before any work, a target whose folder is missing or which cannot be replaced."""
    folder = path.parent
    if not folder.is_dir():
        raise OutputFileError(f"文件夹“{folder}”不存在：请先建立该文件夹，或选择其他保存位置。")
    if path.is_dir():
        raise OutputFileError(f"“{path}”是一个文件夹：请给出要保存的文件名。")
    if path.exists() and (not os.access(path, os.W_OK) or not path.stat().st_mode & stat.S_IWUSR):
        raise OutputFileError(f"文件“{path.name}”是只读的，不能覆盖：请取消只读属性，或另存为其他文件名。")
    if not os.access(folder, os.W_OK):
        raise OutputFileError(f"没有在文件夹“{folder}”中写入的权限：请选择其他保存位置。")


def write_atomically(target: PathLike, data: bytes) -> None:
    """Write one output file through a temporary file moved into place."""
    path = Path(target)
    check_target(path)
    write_all_atomically([(path, data)])


def write_all_atomically(contents: list[tuple[Path, bytes]]) -> None:
    """Stage every output as a temporary file beside its target, then move them all into place."""
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in contents:
            staged.append((_stage(path, data), path))
        while staged:
            temporary, path = staged[0]
            try:
                os.replace(temporary, path)
            except OSError as error:
                raise OutputFileError(
                    f"无法写入“{path.name}”（{error.strerror}）：如果该文件正在 Word、WPS、Excel 或其他程序中打开，"
                    "请先关闭它再试。"
                ) from error
            staged.pop(0)
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _stage(path: Path, data: bytes) -> Path:
    try:
        descriptor, name = tempfile.mkstemp(prefix=".zjdesk-", suffix=path.suffix + ".tmp", dir=path.parent)
    except OSError as error:
        raise OutputFileError(f"无法在“{path.parent}”中写入（{error.strerror}）：请选择可以写入的文件夹。") from error
    temporary = Path(name)
    try:
        # mkstemp creates 0600; give the file the mode a normal save would (or the one it replaces).
        os.chmod(temporary, stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o666 & ~_umask())
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise OutputFileError(f"写入“{path.name}”失败（{error.strerror}）：请检查磁盘空间后重试。") from error
    return temporary
