"""The sentences of the report that zjdesk writes itself, from the figures, the profile and the score.

These are generated, not typed, so the report text, the data sheet and the score sheet agree by
construction: the 支出情况 paragraph from the figures and their rates, the 自评结果 sentence from
the live score, the profile paragraphs from the staff tables.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

from zjdesk.domain.amounts import format_amount, format_number, format_percent
from zjdesk.domain.model import Breakdown, Cover, Figures, UnitProfile
from zjdesk.domain.rates import RATE_LABELS

# The rates the 支出情况 paragraph states, in this order (names of zjdesk.domain.rates; labels from there too).
PARAGRAPH_RATES: tuple[str, ...] = (
    "revenue_expenditure_rate",
    "final_budget_rate",
    "budget_execution_rate",
    "budget_adjustment_rate",
    "carry_over_rate",
    "public_funds_control_rate",
    "three_public_control_rate",
    "three_public_change_rate",
    "procurement_execution_rate",
)

RateLookup = Callable[[str], Decimal | None]


def opening_paragraph(cover: Cover) -> str:
    """根据《通知》文号文件要求，…现将N年度单位整体支出绩效自评情况报告如下："""
    notice = f"《{cover.notice_title}》" if cover.notice_title else "市财政局有关通知"
    return (
        f"根据{notice}{cover.notice_number}文件要求，{cover.opening_text}"
        f"现将{f'{cover.evaluation_year}年度' if cover.evaluation_year else '本年度'}{cover.unit_name or '本单位'}"
        "整体支出绩效自评情况报告如下："
    )


def _count(value: int | None) -> str:
    return "—" if value is None else str(value)


def profile_paragraphs(profile: UnitProfile) -> Iterator[tuple[str, str]]:
    """(text, source path) of each paragraph of 一、（一）, written from the profile's structure."""
    establishment = [f"{c.name}{_count(c.establishment)}名" for c in profile.staff if c.establishment is not None]
    first = f"{profile.short_name}成立于{profile.founded}" if profile.founded else profile.short_name
    parts = [part for part in (first, f"{profile.rank}编制" if profile.rank else "") if part]
    if profile.establishment_total is not None:
        parts.append(f"核定编制{profile.establishment_total}名" + (f"，其中{'，'.join(establishment)}" if establishment else ""))
    if profile.leadership_posts:
        parts.append(f"领导职数{profile.leadership_posts}")
    text = "，".join(parts) + "。" if parts else ""
    if profile.actual_total is not None:
        actual = [f"{c.name}{c.actual}名" + (f"（{c.note}）" if c.note else "") for c in profile.staff if c.actual is not None]
        text += f"{profile.staff_as_of}在职{profile.actual_total}人" + (f"，其中{'，'.join(actual)}" if actual else "") + "。"
    if text:
        yield text, "profile"
    if profile.sections or profile.subordinate_units:
        yield (
            f"内设{len(profile.sections)}个科室，下属二级预算单位数量为{len(profile.subordinate_units)}个。",
            "profile.sections",
        )
    for index, unit in enumerate(profile.subordinate_units):
        sentence = f"辖下的{unit.name}" + (f"是{unit.nature}" if unit.nature else "")
        if unit.establishment is not None:
            sentence += f"，核定编制{unit.establishment}名"
        sentence += "。"
        if unit.actual is not None:
            sentence += f"目前实有{unit.actual}人" + (f"，{unit.note}" if unit.note else "。")
        elif unit.note:
            sentence += unit.note
        yield sentence, f"profile.subordinate_units.{index}"
    if profile.retirees_total is not None:
        groups = "，".join(f"{g.origin}{_count(g.count)}人" for g in profile.retirees)
        yield (
            f"服务管理的退休人员{profile.retirees_total}人。" + (f"其中{groups}。" if groups else ""),
            "profile.retirees_total",
        )
    yield from duty_paragraphs(profile)
    for index, note in enumerate(profile.notes):
        yield note, f"profile.notes.{index}"


def duty_paragraphs(profile: UnitProfile) -> Iterator[tuple[str, str]]:
    """部门职能情况: the sections and subordinate units with their duties."""
    if not profile.sections and not profile.subordinate_units:
        return
    names = "、".join(s.name for s in profile.sections)
    lead = f"部门职能情况：内设{names}{len(profile.sections)}个科室" if profile.sections else "部门职能情况："
    if profile.subordinate_units:
        lead += ("，" if profile.sections else "") + "辖下" + "、".join(u.name for u in profile.subordinate_units)
    yield lead + "。其中：", "profile.sections"
    for index, section in enumerate(profile.sections):
        yield f"{section.name}{section.duties.rstrip('。；;')}；", f"profile.sections.{index}.duties"
    for index, unit in enumerate(profile.subordinate_units):
        if unit.duties:
            yield f"{unit.name}主要职责是：{unit.duties.rstrip('。')}。", f"profile.subordinate_units.{index}.duties"


def _money(value: Decimal | None) -> str:
    return format_amount(value, unit=True)


def _breakdown(label: str, amounts: Breakdown) -> str:
    """ "2024年决算支出1557.15万元，其中：基本支出655.69万元，项目支出898.41万元"."""
    text = f"{label}{_money(amounts.total)}"
    parts = [
        f"{name}{_money(value)}"
        for name, value in (("基本支出", amounts.basic), ("项目支出", amounts.project), ("其他支出", amounts.other))
        if value is not None
    ]
    return text + (f"，其中：{'，'.join(parts)}" if parts else "")


def expenditure_paragraph(figures: Figures, year: int, rate: RateLookup) -> str:
    """（四）部门整体支出情况, generated from the figures and the rates of ``zjdesk.domain.rates``."""
    clauses: list[str] = []
    revenue = []
    if figures.budget.total is not None:
        revenue.append(_breakdown(f"{year}年预算数收入", figures.budget))
    if figures.final_revenue.total is not None:
        revenue.append(_breakdown(f"{year}年决算收入", figures.final_revenue))
    if revenue:
        clauses.append("，".join(revenue))
    if figures.initial_budget is not None or figures.budget_adjustment is not None:
        adjustment = [f"年初预算数{_money(figures.initial_budget)}"] if figures.initial_budget is not None else []
        if figures.budget_adjustment is not None:
            adjustment.append(f"预算调整数{_money(figures.budget_adjustment)}")
        clauses.append("，".join(adjustment))
    if figures.final_expenditure.total is not None:
        clauses.append(_breakdown(f"{year}年决算支出", figures.final_expenditure))
    if figures.prior_final_expenditure.total is not None:
        clauses.append(_breakdown(f"{year - 1}年决算支出", figures.prior_final_expenditure))
    if figures.carry_over is not None:
        clauses.append(f"年末结转结余{_money(figures.carry_over)}")
    for label, budget, actual in (
        ("公用经费", figures.public_funds_budget, figures.public_funds_actual),
        ("“三公”经费", figures.three_public_budget, figures.three_public_actual),
        ("政府采购", figures.procurement_plan, figures.procurement_actual),
    ):
        if budget is not None or actual is not None:
            pair = [f"预算{_money(budget)}"] if budget is not None else []
            if actual is not None:
                pair.append(f"实际{_money(actual)}")
            clauses.append(label + "，".join(pair))
    rates = [(RATE_LABELS[name], rate(name)) for name in PARAGRAPH_RATES]
    stated = [f"{label}{format_percent(value)}" for label, value in rates if value is not None]
    if stated:
        clauses.append("，".join(stated))
    if not clauses:
        return "（支出情况数据尚未填写。）"
    return "；".join(clauses) + "。"


def score_sentence(total: Decimal, grade: str, cap_note: str = "") -> str:
    """自评结论：自评分数X分，等级X。 — from the live score."""
    note = f"{cap_note}。" if cap_note else ""
    return f"自评结论：自评分数{format_number(total)}分，等级{grade}。{note}"
