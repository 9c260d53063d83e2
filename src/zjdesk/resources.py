"""Finding the files under ``resources/`` at run time.

The same files are reached from three layouts: a source checkout (``<repo>/resources``), an
installed wheel (``zjdesk/resources`` inside the package) and a PyInstaller build
(``<bundle>/resources``). :func:`resource_path` hides the difference.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    """The folder that holds zjdesk's resources."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    package_dir = Path(__file__).resolve().parent
    candidates += [package_dir / "resources", package_dir.parents[1] / "resources"]
    for candidate in candidates:
        if (candidate / "demo").is_dir():
            return candidate
    raise FileNotFoundError("zjdesk 的资源文件缺失，请重新安装程序。")


def resource_path(*parts: str) -> Path:
    """The path of a file under ``resources/``, e.g. ``resource_path("demo", "demo-2024.json")``."""
    return resources_dir().joinpath(*parts)
