"""Commands on the score and the checks: score, check, indicators export/import.

``zjdesk score FILE.zjd [--json]`` prints the live score; ``zjdesk check FILE.zjd [--json]`` the
findings, with exit status 1 when a red finding blocks the final export. A file that cannot be read
ends with exit status 2. The JSON forms are documented in ``docs/score-json.md``.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from zjdesk.commands.common import write_bytes_atomically
from zjdesk.domain.checks import CHECK_NAMES, SEVERITY_LABELS, has_blocking, run_checks
from zjdesk.domain.errors import UserError
from zjdesk.domain.report_words import PENDING_GRADE
from zjdesk.domain.score_json import findings_to_plain, score_to_plain
from zjdesk.domain.scoring import YearScore, score_year
from zjdesk.domain.scoring_rules import format_number
from zjdesk.store.indicator_xlsx import import_indicator_set, indicator_set_to_xlsx
from zjdesk.store.yearfile import YearFile, read_year

SEVERITY_MARKS = {"red": "红", "yellow": "黄", "blue": "蓝"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's commands."""
    score = subparsers.add_parser("score", help="计算年度文件的自评分数和等级")
    score.add_argument("file", help="年度文件（.zjd）")
    score.add_argument("--json", action="store_true", help="以 JSON 输出（格式见 docs/score-json.md）")
    score.set_defaults(handler=run_score)

    check = subparsers.add_parser("check", help="检查年度文件的数据和文字（有红色问题时退出码为 1）")
    check.add_argument("file", help="年度文件（.zjd）")
    check.add_argument("--json", action="store_true", help="以 JSON 输出（格式见 docs/score-json.md）")
    check.set_defaults(handler=run_check)

    indicators = subparsers.add_parser("indicators", help="导出或导入年度文件的评分指标体系（.xlsx）")
    actions = indicators.add_subparsers(dest="indicators_command", metavar="操作", required=True)
    export = actions.add_parser("export", help="把年度文件的指标体系导出为 .xlsx")
    export.add_argument("file", help="年度文件（.zjd）")
    export.add_argument("out", help="要写出的 .xlsx 文件")
    export.set_defaults(handler=run_indicators_export)
    load = actions.add_parser("import", help="从 .xlsx 导入指标体系，替换年度文件中的指标体系")
    load.add_argument("file", help="年度文件（.zjd）")
    load.add_argument("xlsx", help="指标表（.xlsx，列：一级指标、二级指标、三级指标、分值、指标解释、评分标准）")
    load.set_defaults(handler=run_indicators_import)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def format_score(score: YearScore) -> str:
    """The score as readable text: total, cap, groups, every indicator with its explanation, the goal table's rows."""
    lines = [f"自评分数：{format_number(score.total)} 分（满分 {format_number(score.max_total)} 分），等级：{score.grade}"]
    if score.provisional:
        # As the program's score panel says it: no grade while indicators await their score or rest on unreviewed numbers.
        waiting = sum(1 for item in score.indicators if item.awaits_score)
        unconfirmed = sum(1 for item in score.indicators if item.unconfirmed_inputs)
        missing = [f"{waiting} 项指标尚未评分" if waiting else "", f"{unconfirmed} 项指标依据的数字待复核" if unconfirmed else ""]
        lines = [
            f"自评分数（暂计）：{format_number(score.total)} 分（满分 {format_number(score.max_total)} 分），"
            f"等级：{PENDING_GRADE}"
            f"（{'，'.join(item for item in missing if item)}；全部评分并复核后给出等级）"
        ]
    if score.cap is not None:
        lines.append(f"封顶：{score.cap.explanation}")
    for group in score.groups:
        lines.append(f"{group.name}：{format_number(group.score)}/{format_number(group.weight)} 分")
        for item in score.indicators:
            if item.indicator.level1 == group.name:
                mark = "（按自评）" if item.fell_back_to_judged else ""
                lines.append(f"  {item.name}{mark}：{item.explanation}")
    goals = score.goals
    if goals.rows:
        pending = f"，待填写 {goals.pending} 项" if goals.pending else ""
        lines.append(f"绩效目标表：{len(goals.rows)} 项指标，达成 {goals.met} 项，未达成 {goals.not_met} 项{pending}")
        lines.extend(f"  目标{item.goal + 1} {item.explanation}" for item in goals.rows)
    return "\n".join(lines)


def run_score(args: argparse.Namespace) -> int:
    score = score_year(read_year(args.file))
    if args.json:
        _print_json(score_to_plain(score))
    else:
        print(format_score(score))
    return 0


def run_check(args: argparse.Namespace) -> int:
    findings = run_checks(read_year(args.file))
    if args.json:
        _print_json(findings_to_plain(findings))
    else:
        counts = {severity: sum(1 for f in findings if f.severity == severity) for severity in SEVERITY_MARKS}
        print("检查结果：" + "，".join(f"{SEVERITY_MARKS[s]}色（{SEVERITY_LABELS[s]}）{counts[s]} 项" for s in SEVERITY_MARKS))
        for finding in findings:
            notes = []
            if finding.acknowledged:
                notes.append("已确认")
            if finding.fix is not None:
                notes.append(f"可自动修正：{finding.fix.label}")
            suffix = f"（{'；'.join(notes)}）" if notes else ""
            name = CHECK_NAMES.get(finding.check, finding.check)
            where = f"{finding.step_caption} {finding.path}"
            print(f"[{SEVERITY_MARKS[finding.severity]}] {where}  {name}：{finding.message}{suffix}")
        if has_blocking(findings):
            print("有红色问题：修改后才能正式导出（仍可导出草稿）。")
    return 1 if has_blocking(findings) else 0


def run_indicators_export(args: argparse.Namespace) -> int:
    if not args.out.lower().endswith(".xlsx"):
        raise UserError(f"导出的指标表文件名应以 .xlsx 结尾（收到“{args.out}”）。")
    year = read_year(args.file)
    write_bytes_atomically(args.out, indicator_set_to_xlsx(year.indicator_set), sources=[args.file])
    print(f"已导出 {len(year.indicator_set.indicators)} 项指标：{args.out}")
    return 0


def run_indicators_import(args: argparse.Namespace) -> int:
    with YearFile.open(args.file) as year_file:
        year = year_file.load()
        # Read the whole sheet before changing anything: a bad sheet leaves the year file as it was.
        year.indicator_set = import_indicator_set(args.xlsx, year.indicator_set)
        year_file.save(year)
    indicator_set = year.indicator_set
    total = sum((item.weight for item in indicator_set.indicators), start=indicator_set.total_weight * 0)
    print(
        f"已导入 {len(indicator_set.indicators)} 项指标（分值合计 {format_number(total)} 分）到 {args.file}；"
        f"可用 zjdesk score {args.file} 查看得分。"
    )
    return 0
