"""``zjdesk import-docx REPORT.docx OUT.zjd``: last year's Word report becomes the first year file."""

from __future__ import annotations

import argparse
from pathlib import Path

from zjdesk.docx_import import import_docx
from zjdesk.domain.errors import UserError
from zjdesk.domain.scoring_sets import reference_indicator_set
from zjdesk.store.yearfile import write_new_year_file


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the import-docx command."""
    parser = subparsers.add_parser(
        "import-docx",
        help="从往年报告导入：把往年的自评报告（.docx）读成年度文件，所有导入的内容标记“待复核”",
    )
    parser.add_argument("report", help="往年的部门整体支出绩效自评报告（.docx）")
    parser.add_argument("out", help="要创建的年度文件（.zjd）")
    parser.set_defaults(handler=run_import_docx)


def run_import_docx(args: argparse.Namespace) -> int:
    """Import the report, write the year file, and say what was found and what was not placed."""
    target = Path(args.out)
    if target.suffix.lower() != ".zjd":
        raise UserError(f"年度文件名应以 .zjd 结尾（收到“{args.out}”），例如 {target.stem or 'report'}.zjd。")
    if target.exists():
        raise UserError(f"“{args.out}”已经存在：导入不会覆盖已有的年度文件，请换一个文件名。")
    result = import_docx(args.report)
    # A report carries the score, not the indicator table: the year is scored against the shipped
    # reference set until the officer imports the bureau's own (as the desktop program does).
    with_reference_set = not result.year.indicator_set.indicators
    if with_reference_set:
        result.year.indicator_set = reference_indicator_set()
    write_new_year_file(target, result.year)
    print(f"已由 {args.report} 生成年度文件：{args.out}")
    for line in result.found:
        print(f"  {line}")
    print(f"共 {len(result.year.review)} 处导入的内容标记为“待复核”。")
    if with_reference_set:  # a score sheet read from the report is the year's set: nothing stands in for it
        print("评分暂用程序自带的参考指标体系，请换成本年度通知所附的指标体系。")
    if result.unplaced:
        print(f"以下 {len(result.unplaced)} 段未能识别，已保存在年度文件的“未识别内容”中，请在程序中逐段放到合适的位置：")
        for text in result.unplaced:
            print(f"  · {text}")
    return 0
