"""zjdesk: the 部门整体支出绩效自评报告 of a Zhanjiang government unit, from one year file."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("zjdesk")
except PackageNotFoundError:  # running from a source checkout or a frozen build without metadata
    __version__ = "0.1.0"
