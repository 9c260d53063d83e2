"""What a build of zjdesk records about itself, for the About dialog and for support.

The build (``installer/zjdesk.spec``) writes :data:`BUILD_INFO_FILE` into the program's library folder
with :func:`write_build_info`; the running program reads it back with :func:`current_build`. Run from
source, there is no such file and the build says so.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

BUILD_INFO_FILE = "zjdesk-build.json"


@dataclass(frozen=True)
class BuildInfo:
    """One build of the program: when, from which commit, for which system, with which tools."""

    version: str
    built_at: str = ""  # "2026-12-01 08:30 UTC"
    commit: str = ""  # short hash, "+" when the working tree had changes
    system: str = ""  # "Windows AMD64"
    python: str = ""
    pyinstaller: str = ""
    frozen: bool = False

    def describe(self) -> str:
        """One line in Chinese, e.g. ``2026-12-01 08:30 UTC 构建，提交 0d54d82，Windows AMD64，PyInstaller 6.22.3``."""
        if not self.frozen:
            return "从源代码运行（未打包）"
        parts = [f"{self.built_at} 构建" if self.built_at else "构建时间不详"]
        parts.append(f"提交 {self.commit}" if self.commit else "提交不详")
        if self.system:
            parts.append(self.system)
        if self.pyinstaller:
            parts.append(f"PyInstaller {self.pyinstaller}")
        return "，".join(parts)


def _git_commit(repo: Path) -> str:
    """The checked-out commit (short), with "+" when files differ from it; "" without git."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=repo, capture_output=True, text=True, check=True, timeout=30
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=repo,
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return os.environ.get("GITHUB_SHA", "")[:7]
    return commit + ("+" if changed else "")


def new_build_info(version: str, repo: Path, pyinstaller: str) -> BuildInfo:
    """The record of a build made now, from the checkout at ``repo``."""
    return BuildInfo(
        version=version,
        built_at=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        commit=_git_commit(repo),
        system=f"{platform.system()} {platform.machine()}",
        python=platform.python_version(),
        pyinstaller=pyinstaller,
        frozen=True,
    )


def write_build_info(path: Path, info: BuildInfo) -> None:
    """Write ``info`` as JSON (the build puts it into the program's library folder)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(asdict(info), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def current_build() -> BuildInfo:
    """The build of the running program: its recorded build information, or a source run."""
    import zjdesk

    if not getattr(sys, "frozen", False):
        return BuildInfo(version=zjdesk.__version__, python=platform.python_version())
    library = getattr(sys, "_MEIPASS", None)  # the built program's _internal folder
    try:
        if library is None:
            raise OSError("no library folder")
        data = json.loads((Path(library) / BUILD_INFO_FILE).read_text(encoding="utf-8"))
        known = {name: data[name] for name in BuildInfo.__dataclass_fields__ if name in data}
        return BuildInfo(**{**known, "frozen": True})
    except (OSError, ValueError, TypeError):
        return BuildInfo(version=zjdesk.__version__, frozen=True)  # a build without its record: "构建时间不详"
