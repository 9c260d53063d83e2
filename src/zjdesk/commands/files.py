"""Commands on whole year files: demo, example, dump, load, new-year."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from zjdesk.commands.common import read_text, write_text_atomically
from zjdesk.demo import demo_year, example_year
from zjdesk.domain.carry_forward import carry_forward
from zjdesk.domain.errors import UserError
from zjdesk.domain.serialize import dumps, loads
from zjdesk.store.yearfile import read_year, write_new_year_file


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's commands."""
    demo = subparsers.add_parser("demo", help="写出内置的演示年度文件（2024年度，湛江市人民政府驻广州办事处）")
    demo.add_argument("out", help="要创建的年度文件，例如 demo.zjd")
    demo.set_defaults(handler=run_demo)

    example = subparsers.add_parser("example", help="写出内置的示例年度文件（虚构的示例单位，含完整的绩效目标指标表）")
    example.add_argument("out", help="要创建的年度文件，例如 example.zjd")
    example.set_defaults(handler=run_example)

    dump = subparsers.add_parser("dump", help="把年度文件导出为 JSON")
    dump.add_argument("file", help="年度文件（.zjd）")
    dump.add_argument("-o", "--output", metavar="OUT.json", help="写入此 JSON 文件（默认输出到屏幕）")
    dump.set_defaults(handler=run_dump)

    load = subparsers.add_parser("load", help="从 JSON 生成年度文件")
    load.add_argument("json", help="zjdesk dump 导出的 JSON 文件")
    load.add_argument("out", help="要创建的年度文件（.zjd）")
    load.set_defaults(handler=run_load)

    new_year = subparsers.add_parser("new-year", help="结转新年度：由上一年度的文件生成下一年度的文件")
    new_year.add_argument("file", help="上一年度的年度文件")
    new_year.add_argument("out", help="要创建的新年度文件")
    new_year.set_defaults(handler=run_new_year)


def _target(out: str) -> str:
    if not out.lower().endswith(".zjd"):
        raise UserError(f"年度文件名应以 .zjd 结尾（收到“{out}”），例如 {Path(out).stem or 'demo'}.zjd。")
    return out


def run_demo(args: argparse.Namespace) -> int:
    write_new_year_file(_target(args.out), demo_year())
    print(f"已写出演示年度文件：{args.out}")
    return 0


def run_example(args: argparse.Namespace) -> int:
    write_new_year_file(_target(args.out), example_year())
    print(f"已写出示例年度文件（虚构的示例单位）：{args.out}")
    return 0


def run_dump(args: argparse.Namespace) -> int:
    if args.output and Path(args.output).suffix.lower() != ".json":
        # JSON written over 去年报告.docx or 评分表.xlsx would lose that file.
        raise UserError(
            f"导出的 JSON 文件名应以 .json 结尾（收到“{args.output}”），例如 {Path(args.output).stem or '年度数据'}.json。"
        )
    text = dumps(read_year(args.file))
    if args.output:
        write_text_atomically(args.output, text, sources=[args.file])
    else:
        sys.stdout.write(text)
    return 0


def run_load(args: argparse.Namespace) -> int:
    target = _target(args.out)
    year = loads(read_text(args.json, "JSON 文件"))
    write_new_year_file(target, year)
    print(f"已由 {args.json} 生成年度文件：{target}")
    return 0


def run_new_year(args: argparse.Namespace) -> int:
    target = _target(args.out)
    previous = read_year(args.file)
    year = carry_forward(previous)
    write_new_year_file(target, year)
    # A year file without its evaluation year carries into a year without one: say so, not 已结转 0 年度.
    which = "新年度（上年文件未填写评价年度，请在封面中填写）"
    if year.cover.evaluation_year:
        which = f" {year.cover.evaluation_year} 年度"
    print(
        f"已结转{which}：{target}（{len(year.review)} 处沿用的文字和数字待复核；"
        f"上年决算支出 {year.figures.prior_final_expenditure.total or '未填'} 万元已作为对比数）"
    )
    return 0
