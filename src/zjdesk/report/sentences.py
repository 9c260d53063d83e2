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
from zjdesk.domain.registry import breakdown_parts
from zjdesk.domain.report_words import PENDING_GRADE
from zjdesk.report.score_words import AWAITING_NOTE

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
        units = len(profile.subordinate_units)
        yield (
            f"内设{len(profile.sections)}个科室，" + (f"下属二级预算单位数量为{units}个。" if units else "无下属二级预算单位。"),
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
    # Each duty ends in ；, the list's last in 。
    last = len(profile.sections) - 1 if not any(unit.duties for unit in profile.subordinate_units) else -1
    for index, section in enumerate(profile.sections):
        yield (
            f"{section.name}{section.duties.rstrip('。；;')}{'。' if index == last else '；'}",
            f"profile.sections.{index}.duties",
        )
    for index, unit in enumerate(profile.subordinate_units):
        if unit.duties:
            yield f"{unit.name}主要职责是：{unit.duties.rstrip('。')}。", f"profile.subordinate_units.{index}.duties"


def _money(value: Decimal | None) -> str:
    return format_amount(value, unit=True)


# How the 支出情况 paragraph names each figure, as a finance officer writes it (全年预算收入, 决算支出 …;
# not the data sheet's 全年预算数). The one place this wording lives; the Word importer reads it back by
# the words each field declares (zjdesk.domain.model), which these all match.
BUDGET_WORDS = "全年预算收入"
INITIAL_BUDGET_WORDS = "年初预算"
ADJUSTMENT_WORDS = "预算调整"
FINAL_REVENUE_WORDS = "决算收入"
FINAL_EXPENDITURE_WORDS = "决算支出"
CARRY_OVER_WORDS = "年末结转结余"
# (figure of the budget, figure of the actual, the subject, how the budget is named, how the actual is named)
PAIR_WORDS: tuple[tuple[str, str, str, str, str], ...] = (
    ("public_funds_budget", "public_funds_actual", "公用经费", "预算", "实际支出"),
    ("three_public_budget", "three_public_actual", "“三公”经费", "预算", "实际支出"),
    ("procurement_plan", "procurement_actual", "政府采购", "计划", "实际采购"),
)


def _breakdown(label: str, amounts: Breakdown) -> str:
    """ "决算支出1557.15万元，其中：基本支出655.69万元，项目支出898.41万元" (part names as the registry declares them)."""
    text = f"{label}{_money(amounts.total)}"
    parts = [
        f"{part.info.label}{_money(getattr(amounts, part.name))}"
        for part in breakdown_parts()
        if part.name != "total" and getattr(amounts, part.name) is not None
    ]
    return text + (f"，其中：{'，'.join(parts)}" if parts else "")


def expenditure_paragraph(figures: Figures, year: int, rate: RateLookup) -> str:
    """（四）部门整体支出情况, generated from the figures and the rates of ``zjdesk.domain.rates``.

    ``2024年全年预算收入1557.15万元，其中：…；决算收入…；决算支出…；2023年决算支出…；年末结转结余…；
    公用经费预算…，实际支出…；收入支出完成率100.00%，…。`` The year is named once, at the start, and
    again only where a clause is about another year.
    """
    clauses: list[str] = []
    lead = f"{year}年" if year else ""
    if figures.budget.total is not None:
        clauses.append(_breakdown(BUDGET_WORDS, figures.budget))
    if figures.initial_budget is not None or figures.budget_adjustment is not None:
        adjustment = [f"{INITIAL_BUDGET_WORDS}{_money(figures.initial_budget)}"] if figures.initial_budget is not None else []
        if figures.budget_adjustment is not None:
            adjustment.append(f"{ADJUSTMENT_WORDS}{_money(figures.budget_adjustment)}")
        clauses.append("，".join(adjustment))
    if figures.final_revenue.total is not None:
        clauses.append(_breakdown(FINAL_REVENUE_WORDS, figures.final_revenue))
    if figures.final_expenditure.total is not None:
        clauses.append(_breakdown(FINAL_EXPENDITURE_WORDS, figures.final_expenditure))
    if clauses:
        clauses[0] = lead + clauses[0]
    if figures.prior_final_expenditure.total is not None:
        prior = f"{year - 1}年" if year else "上年"
        clauses.append(_breakdown(prior + FINAL_EXPENDITURE_WORDS, figures.prior_final_expenditure))
    if figures.carry_over is not None:
        clauses.append(f"{CARRY_OVER_WORDS}{_money(figures.carry_over)}")
    for budget_name, actual_name, subject, budget_words, actual_words in PAIR_WORDS:
        budget, actual = getattr(figures, budget_name), getattr(figures, actual_name)
        pair = [f"{budget_words}{_money(budget)}"] if budget is not None else []
        if actual is not None:
            pair.append(f"{actual_words}{_money(actual)}")
        if pair:
            clauses.append(subject + "，".join(pair))
    rates = [(RATE_LABELS[name], rate(name)) for name in PARAGRAPH_RATES]
    stated = [f"{label}{format_percent(value)}" for label, value in rates if value is not None]
    if stated:
        clauses.append("，".join(stated))
    if not clauses:
        return "（支出情况数据尚未填写。）"
    return "；".join(clauses) + "。"


def score_sentence(total: Decimal, grade: str, cap_note: str = "", awaiting: int = 0) -> str:
    """自评结论：自评分数X分，等级X。 — from the live score.

    While ``awaiting`` indicators have no score yet (a draft), the total is only what is scored so far
    and no grade is given: 自评分数暂计X分，等级待定（尚有N项指标待评定）。
    """
    note = f"{cap_note}。" if cap_note else ""
    if awaiting:
        return f"自评结论：自评分数暂计{format_number(total)}分，等级{PENDING_GRADE}（{awaiting_note(awaiting)}）。{note}"
    return f"自评结论：自评分数{format_number(total)}分，等级{grade}。{note}"


def awaiting_note(awaiting: int) -> str:
    """尚有N项指标待评定 — why a draft's total is provisional."""
    return f"尚有{awaiting}项指标{AWAITING_NOTE}"
