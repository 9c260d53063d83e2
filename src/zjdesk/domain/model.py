"""The year's data: every part of the 部门整体支出绩效自评报告 as typed, plain Python structures.

One :class:`YearData` holds one evaluation year. Field names here are the names of the JSON
representation (``zjdesk.domain.serialize``), and a field's dotted path in that JSON
(``cover.unit_name``, ``tasks.0.points.1.text``, ``figures.final_expenditure.basic``) is how the
checks, the UI and the tests name it. Amounts are :class:`~decimal.Decimal` in 万元; an unknown
number is ``None``, never zero.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from zjdesk.domain.field_info import amount, breakdown, count, labelled, percent

DEFAULT_OPENING_TEXT = (
    "我单位及时布置自评，成立自评工作小组，明确分工，落实责任，认真开展自评自查工作，"
    "经查阅、核实有关账务及项目等执行情况，填写自评表格并综合分析，形成本评价报告。"
)


@dataclass
class Cover:
    """The cover block and the notice the report answers."""

    attachment_number: str = ""  # "6" → 附件6
    evaluation_year: int = labelled("评价年度", 0, kind="count")
    unit_name: str = labelled("评价单位")
    fill_date: date | None = labelled("填报日期", None, kind="date")
    notice_title: str = ""  # 湛江市财政局关于开展2025年市级财政资金绩效自评工作的通知
    notice_number: str = ""  # 湛财绩〔2025〕2号
    opening_text: str = DEFAULT_OPENING_TEXT  # the middle of the opening paragraph
    # The score sheet's sign-off rows (单位（盖章） is unit_name, 填报日期 is fill_date).
    preparer: str = ""  # 填表人
    preparer_phone: str = ""  # 联系电话
    unit_head: str = ""  # 单位负责人


@dataclass
class StaffCategory:
    """One category of staff: establishment (编制) and actual staff (在职) of the unit itself."""

    name: str = ""  # 公务员 / 后勤服务人员 / 事业人员 …
    establishment: int | None = count("编制数", "名")
    actual: int | None = count("在职人数")
    note: str = ""  # e.g. 其中雇员8名


@dataclass
class Section:
    """An internal section (内设科室) and its duties."""

    name: str = ""
    duties: str = ""


@dataclass
class SubordinateUnit:
    """A subordinate unit (下属二级预算单位) with its own establishment and staff."""

    name: str = ""
    nature: str = ""  # 公益二类正科级事业单位
    establishment: int | None = count("编制数", "名")
    actual: int | None = count("实有人数")
    note: str = ""  # why actual differs, history
    duties: str = ""


@dataclass
class RetireeGroup:
    """Retirees served, by the unit they retired from."""

    origin: str = ""
    count: int | None = count("退休人数")


@dataclass
class UnitProfile:
    """一、（一）单位机构设置、部门职能情况."""

    short_name: str = ""  # 广州办
    founded: str = ""  # 1958年11月
    rank: str = ""  # 正处级
    establishment_total: int | None = count("核定编制数", "名", sheet_group="三、人员情况")
    leadership_posts: str = ""  # 1正2副
    staff_as_of: str = ""  # 2024年年底
    actual_total: int | None = count("在职人数", sheet_group="三、人员情况")
    staff: list[StaffCategory] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    subordinate_units: list[SubordinateUnit] = field(default_factory=list)
    retirees_total: int | None = count("退休人员数")
    retirees: list[RetireeGroup] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # further paragraphs the structure does not cover


@dataclass
class TaskPoint:
    """A numbered point of a task, rendered （1）title。text."""

    title: str = ""
    text: str = ""


@dataclass
class Task:
    """A yearly task, rendered 1、title。lead, then its points and paragraphs."""

    title: str = ""
    lead: str = ""
    points: list[TaskPoint] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)


# 指标性质 of a goal indicator: higher is better, lower is better, equal, qualitative.
NATURES: tuple[str, ...] = ("≥", "≤", "=", "定性")
# 一级指标 of the goal table and the 二级指标 usual under each.
GOAL_LEVELS: dict[str, tuple[str, ...]] = {
    "产出指标": ("数量指标", "质量指标", "时效指标", "成本指标"),
    "效益指标": ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"),
    "满意度指标": ("服务对象满意度指标",),
}


@dataclass
class GoalIndicator:
    """A row of the goal table (部门整体支出绩效目标表): an indicator, its target and this year's result.

    ``target`` and ``actual`` are text: a number as typed (``95``) or, for a 定性 indicator, a
    qualitative target (平稳有序) and rating (部分达成). The score (得分) is computed, never stored.
    """

    level1: str = ""  # 一级指标: 产出指标 / 效益指标 / 满意度指标
    level2: str = ""  # 二级指标: 数量指标 …
    level3: str = ""  # 三级指标: the indicator's name (物业出租率)
    nature: str = "≥"  # 指标性质, one of NATURES
    target: str = ""  # 指标值 (年度目标值)
    unit: str = ""  # 度量单位: % / 元/人 / 人次
    actual: str = ""  # 实际完成值
    weight: Decimal | None = None  # 分值
    deviation: str = ""  # 偏差原因分析及改进措施


@dataclass
class Goal:
    """A performance goal (绩效目标) and the measurable indicators under it."""

    text: str = ""
    indicators: list[GoalIndicator] = field(default_factory=list)


@dataclass
class Breakdown:
    """An amount and its split into 基本支出 / 项目支出 / 其他 (万元)."""

    total: Decimal | None = amount("合计")
    basic: Decimal | None = amount("基本支出", words=("基本支出",))
    project: Decimal | None = amount("项目支出", words=("项目支出", "专项项目(?:支出)?", "专项支出", "专项资金"))
    other: Decimal | None = amount("其他支出", words=("其他支出",))


# The groups of the data sheet (数据表) in which the figures are printed, in their order.
BUDGET_GROUP = "一、预算收支情况"
FUNDS_GROUP = "二、公用经费、“三公”经费和政府采购"
PRIOR_NOTE = "上年度决算"
_Q = "[\"“”'‘’]?"  # the quotation marks around 三公, as typed or not at all


@dataclass
class Figures:
    """The figures of the data sheet (数据表); the 支出情况 paragraph is generated from them.

    Each field is declared with its name, unit, sign rule, carry-forward rule, data-sheet row and the
    words reports use for it (:mod:`zjdesk.domain.field_info`): that declaration is the one place a
    figure is defined. Fields print on the data sheet in this order.
    """

    initial_budget: Decimal | None = amount("年初预算数", sheet_group=BUDGET_GROUP, words=("年初预算(?:数)?(?:收入)?",))
    budget_adjustment: Decimal | None = amount(
        "预算调整数",
        signed=True,
        sheet_group=BUDGET_GROUP,
        words=("预算调整(?:数|金额)?", "调整预算(?:数)?"),
        hint="年度内追加为正数，调减为负数（例如 -12.50）。",
    )
    budget: Breakdown = breakdown(
        "全年预算数",
        Breakdown,
        sheet_group=BUDGET_GROUP,
        sheet_parts=("basic", "project"),
        words=("(?:全年)?预算(?:数)?(?:收入)?(?:总额)?",),
    )
    final_revenue: Breakdown = breakdown(
        "决算收入", Breakdown, sheet_group=BUDGET_GROUP, sheet_parts=("basic", "project"), words=("决算(?:数)?收入(?:总额)?",)
    )
    final_expenditure: Breakdown = breakdown(
        "决算支出",
        Breakdown,
        sheet_group=BUDGET_GROUP,
        sheet_parts=("basic", "project", "other"),
        words=("(?:决算(?:数)?|实际)支出(?:总额)?",),
    )
    prior_final_expenditure: Breakdown = breakdown(
        "上年决算支出",
        Breakdown,
        carry="from",
        carry_from="final_expenditure",
        sheet_group=BUDGET_GROUP,
        sheet_parts=("basic", "project"),
        sheet_note=PRIOR_NOTE,
        words=("上年度?决算(?:数)?支出",),
    )
    carry_over: Decimal | None = amount("年末结转结余", sheet_group=BUDGET_GROUP, words=("(?:年末)?结转结余(?:资金)?(?:数)?",))
    public_funds_budget: Decimal | None = amount("公用经费预算数", sheet_group=FUNDS_GROUP, words=("公用经费预算(?:数)?",))
    public_funds_actual: Decimal | None = amount(
        "公用经费实际支出", sheet_group=FUNDS_GROUP, words=("公用经费(?:实际)?(?:支出|决算)(?:数)?",)
    )
    three_public_budget: Decimal | None = amount(
        "“三公”经费预算数", sheet_group=FUNDS_GROUP, words=(f"{_Q}三公{_Q}经费预算(?:数)?",)
    )
    three_public_actual: Decimal | None = amount(
        "“三公”经费实际支出", sheet_group=FUNDS_GROUP, words=(f"{_Q}三公{_Q}经费(?:实际)?(?:支出|决算)(?:数)?",)
    )
    three_public_prior_actual: Decimal | None = amount(
        "上年“三公”经费支出",
        carry="from",
        carry_from="three_public_actual",
        sheet_group=FUNDS_GROUP,
        sheet_note=PRIOR_NOTE,
        words=(f"上年度?{_Q}三公{_Q}经费(?:实际)?(?:支出|决算)?(?:数)?",),
    )
    procurement_plan: Decimal | None = amount(
        "政府采购计划金额",
        sheet_group=FUNDS_GROUP,
        words=("政府采购(?:预算|计划)(?:[（(](?:计划|预算)[）)])?(?:数|金额)?",),
    )
    procurement_actual: Decimal | None = amount(
        "政府采购实际金额", sheet_group=FUNDS_GROUP, words=("政府采购(?:实际|执行)(?:数|金额)?",)
    )
    # As reported by the treasury system (国库支付系统); printed with the computed rates.
    payment_progress_rate: Decimal | None = percent("支付进度率", sheet_note="国库支付系统", words=("支付进度(?:率)?",))
    # Of ``YearData.goals``: for 重点工作完成率.
    goals_completed: int | None = count("已完成的绩效目标数", "个", carry="empty")


@dataclass
class EvaluationTeam:
    """二、（一）评价小组情况."""

    intro: str = ""
    leaders: list[str] = labelled("评价小组组长", factory=list, kind="list")
    deputies: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)


@dataclass
class Process:
    """二、（二）–（四）: how the evaluation was done and submitted."""

    work_process: str = labelled("自评工作过程")
    submission_date: date | None = None
    submission_text: str = labelled("自评材料报送时间及质量")  # or written from submission_date
    disclosure_text: str = labelled("自评材料报送及公开一致情况")


@dataclass
class Band:
    """A band of a threshold rule: rates in [lower, upper) earn ``points`` (percent, inclusive lower).

    ``upper_inclusive`` makes the band [lower, upper] ("≤ 10%"). Bands are tried in order and the
    first that holds the rate wins; ``None`` bounds are open.
    """

    lower: Decimal | None = None
    upper: Decimal | None = None
    points: Decimal = Decimal(0)
    upper_inclusive: bool = False


@dataclass
class ScoringRule:
    """How an indicator is scored.

    kind: ``judged`` (the officer's score), ``bands`` (rate in a band → points), ``linear``
    (full marks up to ``threshold``; ``per_point`` off for each percentage point beyond it, in
    ``direction``), ``pro_rata`` (rate/target × weight, or target/rate when lower is better),
    ``checklist`` (``per_item`` off for each unmet item) or ``goal_indicators`` (the goal table's
    rows of the 一级指标 in ``levels``: their total score ÷ their total weight × the weight).
    ``metric`` names a rate of ``zjdesk.domain.rates``.
    """

    kind: str = "judged"
    metric: str = ""
    bands: list[Band] = field(default_factory=list)
    threshold: Decimal | None = None
    per_point: Decimal | None = None
    direction: str = "higher"  # higher | lower is better
    target: Decimal | None = None
    checklist: list[str] = field(default_factory=list)
    per_item: Decimal | None = None
    levels: list[str] = field(default_factory=list)  # goal_indicators: the 一级指标 counted (empty: all)


@dataclass
class Indicator:
    """A row of the score sheet: the indicator, its rule and this year's assessment."""

    code: str = ""  # stable identifier within the set
    level1: str = ""
    level2: str = ""
    level3: str = ""
    weight: Decimal = Decimal(0)
    explanation: str = ""  # 指标解释
    criteria: str = ""  # 评分标准
    rule: ScoringRule = field(default_factory=ScoringRule)
    judged_score: Decimal | None = None  # the officer's score (judged, or fallback)
    deduction_reason: str = ""  # 扣分原因
    checklist_met: list[bool] = field(default_factory=list)  # per rule.checklist item
    violations: int | None = None  # counted violations, for checklist rules that deduct per case


@dataclass
class ScoreCap:
    """A cap on the total while a metric lies in [lower, upper)."""

    metric: str = "budget_execution_rate"
    lower: Decimal | None = None
    upper: Decimal | None = None
    max_total: Decimal = Decimal(100)


@dataclass
class GradeBand:
    """Totals at or above ``minimum`` earn ``grade`` (bands are read from the highest down)."""

    grade: str = ""
    minimum: Decimal = Decimal(0)


@dataclass
class QualitativeBand:
    """A rating of a 定性 goal indicator and the share of its weight it earns (percent)."""

    name: str = ""
    percent: Decimal = Decimal(0)


def default_qualitative_bands() -> list[QualitativeBand]:
    """达成 100 %, 基本达成 80 %, 部分达成 60 %, 未达成 0 % (DESIGN §4b)."""
    return [
        QualitativeBand("达成", Decimal(100)),
        QualitativeBand("基本达成", Decimal(80)),
        QualitativeBand("部分达成", Decimal(60)),
        QualitativeBand("未达成", Decimal(0)),
    ]


@dataclass
class RegionRules:
    """Where bureaus differ (DESIGN §4b): settings of the indicator set, not code."""

    apply_caps: bool = True  # whether the set's caps on the total (budget execution rate) apply
    execution_basis: str = "adjusted"  # 预算完成率 against the adjusted (全年预算数) or the initial (年初预算数) budget
    equal_tolerance: Decimal = Decimal(0)  # "=" indicators: full marks within this percentage of the target
    qualitative_bands: list[QualitativeBand] = field(default_factory=default_qualitative_bands)
    overshoot: str = "none"  # none | deduct: points off when the actual overshoots the target with no reason given
    overshoot_threshold: Decimal = Decimal(30)  # percent above the target
    overshoot_deduction: Decimal = Decimal(2)  # points


@dataclass
class IndicatorSet:
    """The indicator table (指标体系) this year is scored against; a copy lives in each year."""

    name: str = ""
    source: str = ""  # where it comes from; the shipped one says 参考指标体系
    is_reference: bool = False
    total_weight: Decimal = Decimal(100)
    caps: list[ScoreCap] = field(default_factory=list)
    grades: list[GradeBand] = field(default_factory=list)
    indicators: list[Indicator] = labelled("评分指标", factory=list, kind="list")
    region_rules: RegionRules = field(default_factory=RegionRules)


@dataclass
class Evaluation:
    """三、绩效自评情况: the score as stated in a report (imports) and the analysis texts."""

    stated_score: Decimal | None = None  # as written in an imported report; the live score wins
    stated_grade: str = ""
    budgeting: str = labelled("预算编制情况分析")  # 1.预算编制情况
    execution: str = labelled("预算执行情况分析")  # 2.预算执行情况
    supervision: str = labelled("预算监督情况分析")  # 3.预算监督情况


@dataclass
class Practice:
    """主要做法和经验: a title and its text."""

    title: str = ""
    text: str = ""


@dataclass
class Acknowledgement:
    """A yellow finding the officer has seen and accepted, bound to the value it was about."""

    check: str = ""
    path: str = ""
    value: str = ""  # fingerprint of the value when acknowledged


@dataclass
class PendingEntry:
    """What the officer typed into a number field that could not be used, kept apart from the value.

    The field's value stays the last complete valid one; the typed text waits here — shown red
    again when the year is opened — until the officer corrects or clears it. Its red finding blocks
    the final export.
    """

    path: str = ""  # the field it was typed into
    text: str = ""  # exactly as typed
    reason: str = ""  # why it could not be used (Chinese)


@dataclass
class YearData:
    """Everything of one evaluation year."""

    cover: Cover = field(default_factory=Cover)
    profile: UnitProfile = field(default_factory=UnitProfile)
    tasks: list[Task] = labelled("年度总体工作和重点工作任务", factory=list, kind="list")
    goals: list[Goal] = labelled("部门整体支出绩效目标", factory=list, kind="list")
    figures: Figures = field(default_factory=Figures)
    team: EvaluationTeam = field(default_factory=EvaluationTeam)
    process: Process = field(default_factory=Process)
    indicator_set: IndicatorSet = field(default_factory=IndicatorSet)
    evaluation: Evaluation = field(default_factory=Evaluation)
    practices: list[Practice] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    improvements: list[str] = field(default_factory=list)
    other: str = ""  # 四、其他自评情况; rendered 无 when empty
    review: list[str] = field(default_factory=list)  # field paths carried forward, awaiting 复核
    acknowledgements: list[Acknowledgement] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)  # 未识别内容 from an imported report
    pending: list[PendingEntry] = field(default_factory=list)  # typed entries not (yet) usable


# The top-level parts of a year, in report order; each is one row of the year file.
SECTIONS: tuple[str, ...] = tuple(YearData.__dataclass_fields__)
