"""（四）部门整体支出情况: the figures read back from the paragraph.

The paragraph is cut into clauses (at ，；。 but not inside 1,557.15); each clause names one
figure and its amount: ``2024年全年预算收入1557.15万元`` (or the seed's ``预算数收入``), ``其中：基本支出655.69万元``,
``2023年决算支出1564.1万元``, ``收入支出完成率100%``. A breakdown (基本支出/项目支出/其他)
belongs to the total named before it; a year before the evaluation year (or 上年) means last
year's figures. Amounts may carry 万元, 万, 元 (converted) or no unit (万元). A clause that names no
known figure is kept as 未识别内容.
"""

from __future__ import annotations

import contextlib
import re
from decimal import Decimal

from zjdesk.docx_import.result import Collector
from zjdesk.domain.amounts import AmountError, format_amount, normalise_width, parse_amount
from zjdesk.domain.limits import DECIMAL, NumberError, check_number
from zjdesk.domain.model import Breakdown, Figures
from zjdesk.domain.registry import breakdown_parts, figure_fields

_CLAUSE_SPLIT = re.compile(r"([，；;。]|,(?!\d{3}))")
_YEAR_PREFIX = re.compile(r"^(?:(?P<year>\d{4})\s*年度?|(?P<prior>上年度?|上一年度?|去年))(?:的)?(?:全年)?")
_AMOUNT = re.compile(
    r"^\s*(?:为|是|共|合计|总额)?\s*[：:]?\s*(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<unit>万元|万|元)?\s*$"
)
_PERCENT = re.compile(r"^\s*(?:为|是|达到|达)?\s*[：:]?\s*(?P<number>\d+(?:\.\d+)?)\s*%\s*$")
_QUOTE = "[\"“”'‘’「」]?"

# The words that begin a clause naming a figure → the figure (or the breakdown part) its amount goes to,
# from the model's declarations; last year's figures are named by a 上年 prefix read separately.
_LABELS: tuple[tuple[str, str], ...] = tuple(
    (words, item.name)
    for item in figure_fields()
    if item.info.kind in ("amount", "breakdown") and item.info.carry != "from"
    for words in item.info.words
) + tuple((words, part.name) for part in breakdown_parts() for words in part.info.words)
_COMPILED = [(re.compile(rf"^(?:{label})"), target) for label, target in _LABELS]
# figure → the figure that holds its value of last year (决算支出 → 上年决算支出)
_LAST_YEAR = {item.info.carry_from: item.name for item in figure_fields() if item.info.carry == "from"}
_RATE = re.compile(r"^(?P<name>[^\d%]{1,20}?率)\s*(?:为|是|达到|达)?\s*[：:]?\s*(?P<number>-?\d+(?:\.\d+)?)\s*%$")
_PERIOD_PREFIX = re.compile(r"^(?:年末|期末|年底)")
# "公用经费预算12万元，实际支出10万元": the actual amount pairs with the budget named just before.
_ACTUAL = re.compile(r"^实际(?:支出|执行|采购|金额|数)?")
_PAIRS = {
    "public_funds_budget": "public_funds_actual",
    "three_public_budget": "three_public_actual",
    "procurement_plan": "procurement_actual",
}
_BREAKDOWN_PARTS = tuple(part.name for part in breakdown_parts() if part.name != "total")


def amount_in_wan(number: str, unit: str | None) -> Decimal | None:
    """``number`` read as an amount in 万元 (``unit`` 元 is converted); ``None`` when it is none a year holds."""
    try:
        value = parse_amount(number)
    except AmountError:
        return None
    if value is not None and unit == "元":
        value = parse_amount(format_amount(value / Decimal(10000)))
    return value


class _FigureReader:
    def __init__(self, figures: Figures, evaluation_year: int) -> None:
        self.figures = figures
        self.evaluation_year = evaluation_year
        self.current_year = evaluation_year
        self.breakdown: Breakdown | None = None
        self.rates: dict[str, Decimal] = {}
        self.read: list[str] = []
        self.stated_expenditure = False
        self.pair: str | None = None

    def clause(self, text: str) -> bool:
        text = re.sub(r"^其中\s*[：:]?\s*", "", normalise_width(text).strip())
        if not text:
            return True
        prior = False
        if found := _YEAR_PREFIX.match(text):
            if found["prior"]:
                prior = True
            else:
                year = int(found["year"])
                if not self.current_year:
                    self.current_year = year
                prior = year < self.current_year
            text = text[found.end() :].strip()
        text = _PERIOD_PREFIX.sub("", text)
        if self.pair and (actual := _ACTUAL.match(text)):
            amount = _AMOUNT.match(text[actual.end() :])
            value = amount_in_wan(amount["number"], amount["unit"]) if amount else None
            if value is None:
                return False
            setattr(self.figures, self.pair, value)
            self.read.append(f"{text[: actual.end()]}{format_amount(value)}万元")
            self.pair = None
            return True
        if rate := _RATE.match(text):
            try:
                number = check_number(Decimal(rate["number"]), DECIMAL, rate["number"] + "%")
            except NumberError:  # 99999999999999999999%: no rate, a slip; the clause stays unplaced
                return False
            self.rates[rate["name"]] = number
            if "支付进度" in rate["name"]:
                self.figures.payment_progress_rate = number
            self.read.append(f"{rate['name']}{rate['number']}%")
            return True
        for pattern, target in _COMPILED:
            label = pattern.match(text)
            if not label:
                continue
            amount = _AMOUNT.match(text[label.end() :])
            if not amount:
                return False
            value = amount_in_wan(amount["number"], amount["unit"])
            if value is None:
                return False
            return self._store(target, value, prior, label.group(0))
        return False

    def _store(self, target: str, value: Decimal, prior: bool, label: str) -> bool:
        figures = self.figures
        self.pair = _PAIRS.get(target)
        if target in _BREAKDOWN_PARTS:
            if self.breakdown is None:
                return False
            setattr(self.breakdown, target, value)
        else:
            name = _LAST_YEAR.get(target, target) if prior else target
            current = getattr(figures, name)
            if isinstance(current, Breakdown):
                current.total, self.breakdown = value, current
                self.stated_expenditure = self.stated_expenditure or name == "final_expenditure"
            else:
                setattr(figures, name, value)
        self.read.append(f"{'上年' if prior else ''}{label}{format_amount(value)}万元")
        return True

    def finish(self) -> None:
        figures = self.figures
        revenue_parts = figures.final_revenue
        if not self.stated_expenditure and any(getattr(revenue_parts, part) is not None for part in _BREAKDOWN_PARTS):
            # Hand-written reports state only the revenue and split it 其中：基本支出…项目支出…: a
            # split into 支出 categories is of the spending (the zjdesk export states both lines).
            for part in _BREAKDOWN_PARTS:
                setattr(figures.final_expenditure, part, getattr(revenue_parts, part))
                setattr(revenue_parts, part, None)
        # 收入支出完成率 = 决算支出 / 决算收入: a report that states only the revenue and this rate
        # states the expenditure too.
        rate = self.rates.get("收入支出完成率")
        revenue = figures.final_revenue.total
        if rate is not None and not self.stated_expenditure and revenue is not None and figures.final_expenditure.total is None:
            with contextlib.suppress(AmountError):  # a rate far above 100% gives no amount a year holds
                figures.final_expenditure.total = parse_amount(format_amount(revenue * rate / 100))


def parse_figures(lines: list[str], out: Collector) -> None:
    """Fill ``year.figures`` from the 支出情况 paragraph(s)."""
    reader = _FigureReader(out.year.figures, out.year.cover.evaluation_year)
    for line in lines:
        pieces = _CLAUSE_SPLIT.split(line)  # clause, delimiter, clause, delimiter, …
        clauses = [(pieces[i], pieces[i + 1] if i + 1 < len(pieces) else "") for i in range(0, len(pieces), 2)]
        leftovers = [clause + delimiter for clause, delimiter in clauses if clause.strip() and not reader.clause(clause)]
        understood = sum(1 for clause, _ in clauses if clause.strip()) - len(leftovers)
        if leftovers:
            # A paragraph with no figure in it is kept whole; otherwise only what was not read.
            out.cannot_place(line if not understood else "".join(leftovers))
    reader.finish()
    if reader.read:
        out.note("部门整体支出情况：" + "，".join(reader.read))
    else:
        out.note("部门整体支出情况：未识别出金额")
