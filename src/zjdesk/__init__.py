"""zjdesk: the 部门整体支出绩效自评报告 of a Zhanjiang government unit, from one year file."""

from __future__ import annotations

from functools import cache


@cache
def _version() -> str:
    # importlib.metadata costs ~70 ms to import: only pay for it when someone asks for the version.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("zjdesk")
    except PackageNotFoundError:  # running from a source checkout or a frozen build without metadata
        return "0.1.0"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _version()
    raise AttributeError(f"module 'zjdesk' has no attribute {name!r}")
