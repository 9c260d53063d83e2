"""``zjdesk export``: the report (.docx, PDF) and the data and score sheets (.xlsx) of a year file."""

from __future__ import annotations

import argparse
import sys

from zjdesk.domain.checks import run_checks
from zjdesk.report.export import KINDS, export_year, open_yellow_findings, yellow_warning
from zjdesk.store.yearfile import read_year

# The name printed for each file written, by its suffix (checked by export_year).
KIND_NAMES = {suffix: name for name, suffix in KINDS.values()}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``export`` command."""
    export = subparsers.add_parser(
        "export",
        help="导出自评报告（.docx、PDF）和数据表、评分表（.xlsx）",
        description="导出自评报告和数据表、评分表。有红色问题时拒绝正式导出（退出状态 1），可用 --draft 导出草稿。",
    )
    export.add_argument("file", help="年度文件（.zjd）")
    export.add_argument("--docx", metavar="OUT.docx", help="写出 Word 报告")
    export.add_argument("--pdf", metavar="OUT.pdf", help="写出 PDF 报告")
    export.add_argument("--xlsx", metavar="OUT.xlsx", help="写出数据表和评分表")
    export.add_argument("--draft", action="store_true", help="导出草稿：即使还有红色问题也导出，每页标注“草稿”")
    export.set_defaults(handler=run_export)


def run_export(args: argparse.Namespace) -> int:
    year = read_year(args.file)
    written = export_year(year, docx=args.docx, pdf=args.pdf, xlsx=args.xlsx, draft=args.draft, sources=[args.file])
    mark = "草稿" if args.draft else ""
    for path in written:
        print(f"已导出{mark}{KIND_NAMES.get(path.suffix.lower(), '')}：{path}")
    if not args.draft:
        warning = yellow_warning(open_yellow_findings(run_checks(year)))
        if warning:
            print(warning, file=sys.stderr)
    return 0
