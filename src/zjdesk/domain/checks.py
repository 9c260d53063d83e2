"""The checks engine: the officer's safety net (DESIGN §6).

:func:`run_checks` runs the catalogue :data:`CHECKS` over a year and returns its findings, red
first. Red findings block the final export (:func:`has_blocking`); yellow and blue ones can be
acknowledged (:func:`acknowledge`), which stores the finding's fingerprint in
``year.acknowledgements`` so the acknowledgement lapses as soon as the value it was about changes.
Text findings carry an automatic fix (:func:`apply_fix`). Pure and cheap: it runs on every keystroke.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from zjdesk.domain.checks_base import (
    BLUE,
    RED,
    SEVERITY_LABELS,
    SEVERITY_ORDER,
    YELLOW,
    CheckContext,
    Finding,
    Fix,
    blocking_findings,
    fingerprint,
    has_blocking,
    prose_fields,
)
from zjdesk.domain.checks_goals import (
    check_goal_actuals,
    check_goal_deviations,
    check_goal_placement,
    check_goal_rates,
    check_goal_rows_complete,
    check_goal_surveys,
    check_goal_table_summary,
    check_goal_value_kinds,
    check_goals_completed,
)
from zjdesk.domain.checks_indicators import check_judged_scores, check_missing_data, check_weights
from zjdesk.domain.checks_numbers import (
    check_breakdowns,
    check_empty_optional,
    check_negative_amounts,
    check_over_establishment,
    check_pending_entries,
    check_required,
    check_staff_counts,
    check_stated_score,
    check_year_fields,
)
from zjdesk.domain.checks_slips import (
    check_dates_after_fill_date,
    check_doubled_text,
    check_text_rates_over_100,
    check_unit_name_variants,
)
from zjdesk.domain.checks_text import (
    check_document_number_brackets,
    check_half_width_punctuation,
    check_review_pending,
    check_short_analysis,
    check_stray_spaces,
)
from zjdesk.domain.checks_text_figures import check_text_figures
from zjdesk.domain.checks_years import check_notice_year, check_stale_years, check_text_years
from zjdesk.domain.errors import UserError
from zjdesk.domain.model import Acknowledgement, YearData
from zjdesk.domain.paths import PathError, get_value, set_value
from zjdesk.domain.scoring import YearScore, score_year

__all__ = [
    "BLUE",
    "CHECKS",
    "CHECK_NAMES",
    "RED",
    "SEVERITY_LABELS",
    "YELLOW",
    "Finding",
    "Fix",
    "FixError",
    "acknowledge",
    "apply_fix",
    "blocking_findings",
    "has_blocking",
    "run_checks",
    "unacknowledge",
]

# The catalogue, in the order findings of equal severity are listed.
CHECKS: tuple[Callable[[CheckContext], Iterator[Finding]], ...] = (
    check_pending_entries,
    check_required,
    check_negative_amounts,
    check_year_fields,
    check_weights,
    check_judged_scores,
    check_goal_rows_complete,
    check_goal_value_kinds,
    check_goal_deviations,
    check_breakdowns,
    check_staff_counts,
    check_over_establishment,
    check_stated_score,
    check_goal_placement,
    check_goal_rates,
    check_goal_surveys,
    check_text_figures,
    check_notice_year,
    check_stale_years,
    check_text_years,
    check_stray_spaces,
    check_half_width_punctuation,
    check_document_number_brackets,
    check_doubled_text,
    check_unit_name_variants,
    check_dates_after_fill_date,
    check_text_rates_over_100,
    check_review_pending,
    check_missing_data,
    check_goal_actuals,
    check_goals_completed,
    check_goal_table_summary,
    check_short_analysis,
    check_empty_optional,
)

# check id → Chinese name, for the findings panel's filter and the documentation.
CHECK_NAMES: dict[str, str] = {
    "pending_entry": "输入有误未保存",
    "required_missing": "必填项为空",
    "negative_amount": "金额为负数",
    "year_mismatch": "日期与评价年度不符",
    "weights_total": "指标分值合计不符",
    "score_out_of_range": "自评分超出范围",
    "judged_score_missing": "未自评打分",
    "deduction_reason_missing": "未填写扣分原因",
    "breakdown_sum": "分项之和不等于合计",
    "staff_sum": "人数分项之和不等于合计",
    "retirees_sum": "退休人员分项之和不等于合计",
    "staff_over_establishment": "实有人数超过编制",
    "stated_score_mismatch": "报告分数与计算结果不一致",
    "text_figure_mismatch": "文字中的数字与数据不一致",
    "stale_year": "年份未随评价年度更新",
    "text_year": "文字中的年份可疑",
    "stray_space": "汉字间多余空格",
    "half_width_punctuation": "中文中的半角标点",
    "document_number_brackets": "文号括号不规范",
    "doubled_text": "重复的字词或标点",
    "unit_name_variant": "单位名称前后不一致",
    "date_after_fill_date": "日期晚于填报日期",
    "invalid_date": "日期不存在",
    "text_rate_over_100": "文字中的比率超过100%",
    "review_pending": "沿用内容待复核",
    "missing_data": "缺少计分数据",
    "short_analysis": "分析文字过短",
    "empty_optional": "可选内容为空",
    "goal_row_incomplete": "绩效指标未填写完整",
    "goal_weight_invalid": "绩效指标分值有误",
    "goal_value_kind": "指标值与实际完成值类型不符",
    "goal_deviation_missing": "未填写偏差原因",
    "goal_indicator_misplaced": "绩效指标归类不当",
    "goal_indicator_duplicated": "指标同时列在产出和效益下",
    "goal_rate_over_100": "比率指标值超过100%",
    "goal_survey_missing": "满意度未说明调查方式",
    "goal_actual_missing": "未填写实际完成值",
    "goal_without_indicators": "绩效目标未细化为指标",
    "goal_all_full": "绩效指标全部满分",
    "goal_completed_count": "已完成目标数与绩效目标表不符",
}


class FixError(UserError):
    """An automatic fix that can no longer be applied (the value changed since the check ran)."""


def _acknowledged_keys(year: YearData) -> set[tuple[str, str, str]]:
    return {(item.check, item.path, item.value) for item in year.acknowledgements}


def run_checks(year: YearData, score: YearScore | None = None) -> list[Finding]:
    """Every finding for ``year``: red first, then yellow, then blue, each in catalogue order.

    Pass ``score`` when the caller has just computed :func:`score_year` (saves computing it twice).
    """
    context = CheckContext(year=year, score=score if score is not None else score_year(year), prose=prose_fields(year))
    acknowledged = _acknowledged_keys(year)
    findings: list[Finding] = []
    for check in CHECKS:
        for finding in check(context):
            if not finding.fingerprint:
                finding.fingerprint = _value_fingerprint(year, finding.path)
            if finding.acknowledgeable:
                finding.acknowledged = (finding.check, finding.path, finding.fingerprint) in acknowledged
            findings.append(finding)
    findings.sort(key=lambda finding: SEVERITY_ORDER[finding.severity])
    return findings


def _value_fingerprint(year: YearData, path: str) -> str:
    try:
        return fingerprint(get_value(year, path))
    except PathError:
        return fingerprint(path)


def acknowledge(year: YearData, finding: Finding) -> None:
    """Record in ``year`` that the officer accepts ``finding`` as it stands (not possible for red)."""
    if not finding.acknowledgeable:
        raise UserError("红色问题必须修改后才能正式导出，不能确认忽略。")
    unacknowledge(year, finding)
    year.acknowledgements.append(Acknowledgement(check=finding.check, path=finding.path, value=finding.fingerprint))
    finding.acknowledged = True


def unacknowledge(year: YearData, finding: Finding) -> None:
    """Withdraw any acknowledgement of ``finding``'s check at its path."""
    year.acknowledgements = [
        item for item in year.acknowledgements if not (item.check == finding.check and item.path == finding.path)
    ]
    finding.acknowledged = False


def apply_fix(year: YearData, finding: Finding) -> None:
    """Apply ``finding``'s automatic fix to ``year``; refused when the value changed since the check ran."""
    fix = finding.fix
    if fix is None:
        raise FixError("这个问题没有自动修正，请手工修改。")
    try:
        current = get_value(year, fix.path)
    except PathError as error:
        raise FixError("要修正的内容已不存在，请重新检查。") from error
    if fix.op == "remove":
        if not isinstance(current, list) or fix.new not in current:
            raise FixError("内容在检查之后已被修改，请重新检查后再修正。")
        set_value(year, fix.path, [item for item in current if item != fix.new])
        return
    if current != fix.old:
        raise FixError("内容在检查之后已被修改，请重新检查后再修正。")
    set_value(year, fix.path, fix.new)
