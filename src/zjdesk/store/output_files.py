"""Writing output files (reports, sheets, JSON) so that a failure never leaves a half-written file.

Each output is written in full under a temporary name beside its target, then moved into place;
several outputs of one export are moved all together or not at all (:mod:`zjdesk.store.staging`).
A target that cannot be written — its folder missing, read-only, open in Word/WPS/Excel on Windows
— is refused with a Chinese message saying what to do. An output never replaces a year file, the
file it is made from, or another output of the same command.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path

from zjdesk.store.file_names import PathTooLongError, check_name, check_path
from zjdesk.store.probe import looks_like_year_file
from zjdesk.store.staging import Batch, OutputFileError, recover_folder

PathLike = str | os.PathLike[str]
YEAR_FILE_SUFFIX = ".zjd"

__all__ = ["OutputFileError", "check_target", "check_targets", "write_all_atomically", "write_atomically"]


def _same_file(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return os.path.abspath(first) == os.path.abspath(second)


def check_target(path: Path, sources: Iterable[PathLike] = ()) -> None:
    """Refuse, before any work, a target that cannot be written or must not be replaced.

    ``sources`` are the files the output is made from: an output never replaces one of them.
    """
    try:
        check_name(path)
        check_path(path)
    except PathTooLongError as error:
        raise OutputFileError(str(error)) from error
    if path.suffix.lower() == YEAR_FILE_SUFFIX:
        raise OutputFileError(
            f"“{path.name}”是年度文件的文件名（.zjd）：导出的内容不能写成年度文件，请换一个文件名（例如 .docx、.pdf、.json）。"
        )
    for source in sources:
        if _same_file(path, Path(source)):
            raise OutputFileError(f"“{path.name}”是要读取的文件本身：导出的内容不能覆盖它，请换一个文件名。")
    folder = path.parent
    if not os.path.isdir(folder):
        raise OutputFileError(f"文件夹“{folder}”不存在：请先建立该文件夹，或选择其他保存位置。")
    if os.path.isdir(path):
        raise OutputFileError(f"“{path}”是一个文件夹：请给出要保存的文件名。")
    if os.path.lexists(path):
        try:
            status = os.stat(path)
        except OSError as error:
            raise OutputFileError(f"无法写入“{path.name}”（{error.strerror}）：请选择其他文件名。") from error
        if not stat.S_ISREG(status.st_mode):
            raise OutputFileError(f"“{path.name}”不是普通文件（是管道或设备）：请选择磁盘上的文件名。")
        if looks_like_year_file(path):
            raise OutputFileError(f"“{path.name}”是一个 zjdesk 年度文件：导出的内容不能覆盖年度文件，请换一个文件名。")
        if not os.access(path, os.W_OK) or not status.st_mode & stat.S_IWUSR:
            raise OutputFileError(f"文件“{path.name}”是只读的，不能覆盖：请取消只读属性，或另存为其他文件名。")
    if not os.access(folder, os.W_OK):
        raise OutputFileError(f"没有在文件夹“{folder}”中写入的权限：请选择其他保存位置。")


def check_targets(paths: Sequence[Path], sources: Iterable[PathLike] = ()) -> None:
    """:func:`check_target` for each, and no two targets the same file."""
    sources = list(sources)
    for index, path in enumerate(paths):
        check_target(path, sources)
        for earlier in paths[:index]:
            if _same_file(path, earlier):
                raise OutputFileError(f"同一个文件“{path.name}”被指定了两次：每种导出请给出不同的文件名。")


def write_atomically(target: PathLike, data: bytes, sources: Iterable[PathLike] = ()) -> None:
    """Write one output file through a temporary file moved into place."""
    path = Path(target)
    check_target(path, sources)
    write_all_atomically([(path, data)])


def write_all_atomically(contents: list[tuple[Path, bytes]]) -> None:
    """Stage every output beside its target, then move them all into place — or, on failure, none."""
    folders = [path.parent for path, _data in contents]
    for folder in dict.fromkeys(folders):
        recover_folder(folder)  # what a killed zjdesk left there is finished first
    with Batch(folders) as batch:
        for path, data in contents:
            batch.stage(path, data)
        batch.commit()
