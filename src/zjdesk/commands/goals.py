"""Commands on the goal table: ``zjdesk goals export FILE.zjd OUT.xlsx`` and ``zjdesk goals import FILE.zjd IN.xlsx``.

The import reads the whole sheet before the year file is touched: a sheet with a problem ends with
exit status 2 and one Chinese line naming the cells, and the year file stays as it was.
"""

from __future__ import annotations

import argparse

from zjdesk.commands.common import write_bytes_atomically
from zjdesk.domain.errors import UserError
from zjdesk.store.goal_xlsx import goal_table_to_xlsx, import_goal_sheet
from zjdesk.store.yearfile import YearFile, read_year


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's commands."""
    goals = subparsers.add_parser("goals", help="导出或导入年度文件的绩效目标指标表（.xlsx）")
    actions = goals.add_subparsers(dest="goals_command", metavar="操作", required=True)
    export = actions.add_parser("export", help="把年度文件的绩效目标及指标导出为 .xlsx")
    export.add_argument("file", help="年度文件（.zjd）")
    export.add_argument("out", help="要写出的 .xlsx 文件")
    export.set_defaults(handler=run_goals_export)
    load = actions.add_parser("import", help="从 .xlsx 导入绩效目标的指标（按目标文字归入年度的绩效目标）")
    load.add_argument("file", help="年度文件（.zjd）")
    load.add_argument(
        "xlsx",
        help="绩效目标表（.xlsx，列：绩效目标、一级指标、二级指标、三级指标、指标性质、指标值、度量单位、实际完成值、分值…）",
    )
    load.set_defaults(handler=run_goals_import)


def run_goals_export(args: argparse.Namespace) -> int:
    if not args.out.lower().endswith(".xlsx"):
        raise UserError(f"导出的绩效目标表文件名应以 .xlsx 结尾（收到“{args.out}”）。")
    year = read_year(args.file)
    write_bytes_atomically(args.out, goal_table_to_xlsx(year))
    rows = sum(len(goal.indicators) for goal in year.goals)
    print(f"已导出 {len(year.goals)} 个绩效目标、{rows} 项指标：{args.out}")
    return 0


def run_goals_import(args: argparse.Namespace) -> int:
    with YearFile.open(args.file) as year_file:
        year = year_file.load()
        summary = import_goal_sheet(args.xlsx, year)  # reads the whole sheet first; a problem changes nothing
        year_file.save(year)
    added = f"，新增绩效目标 {len(summary.added)} 个" if summary.added else ""
    print(
        f"已导入 {summary.rows} 项指标到 {len(summary.updated) + len(summary.added)} 个绩效目标{added}：{args.file}；"
        f"可用 zjdesk score {args.file} 查看得分。"
    )
    return 0
