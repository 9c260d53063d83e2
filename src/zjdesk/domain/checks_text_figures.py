"""Figures written in free text that contradict the figures, the rates or the live score.

Only statements the text makes unambiguously are compared: a known label followed closely by a
number (``决算支出1557.15万元`` or ``15,571,500元``, ``预算完成率100%``, ``自评分数100分``, ``自评结果优秀``). The
last year (or 上年) named earlier in the same sentence decides which year an amount belongs to:
last year's is compared with last year's figures, any other year's is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from zjdesk.domain.amounts import format_amount
from zjdesk.domain.checks_base import YELLOW, CheckContext, Finding, Fix, fingerprint
from zjdesk.domain.model import YearData
from zjdesk.domain.paths import get_value
from zjdesk.domain.rates import RATE_LABELS
from zjdesk.domain.registry import breakdown_parts, figure_fields
from zjdesk.domain.scoring_rules import format_number

LAST_YEAR = "last_year"  # in place of the last-year field: the words themselves say 上年


def _amount_words() -> list[tuple[str, str, str | None]]:
    """(words, figure of this year, the same figure of last year or None), from the model's declarations.

    A breakdown's words name its total; the words of a breakdown's parts (基本支出, 项目支出 …) name
    those of 决算支出, the parts a report's prose states.
    """
    last_year_of = {item.info.carry_from: item.name for item in figure_fields() if item.info.carry == "from"}
    entries: list[tuple[str, str, str | None]] = []
    for item in figure_fields():
        if item.info.kind not in ("amount", "breakdown"):
            continue
        total = ".total" if item.info.kind == "breakdown" else ""
        prior = last_year_of.get(item.name)
        if item.info.carry == "from":  # its words name last year's figure themselves (上年决算支出)
            entries += [(words, item.name + total, LAST_YEAR) for words in item.info.words]
        else:
            entries += [(words, item.name + total, prior + total if prior else None) for words in item.info.words]
    for part in breakdown_parts():
        entries += [
            (words, f"final_expenditure.{part.name}", f"prior_final_expenditure.{part.name}") for words in part.info.words
        ]
    return entries


AMOUNT_WORDS = _amount_words()
_NUMBER = r"(\d[\d,]*(?:\.\d+)?)"
# A figure's words where they begin a phrase: after a year, 其中, punctuation or the start, not inside a longer
# word (项目预算, 追加预算 are not the 全年预算数).
_PHRASE_START = "(?:(?<=[年度的中是为])|(?<![\u3400-\u9fff]))"
AMOUNT = re.compile(
    _PHRASE_START
    + "(?:"
    + "|".join(f"(?P<w{index}>{words})" for index, (words, _, _) in enumerate(AMOUNT_WORDS))
    + ")"
    + r"(?P<gap>[^0-9。；;\n]{0,6}?)(?P<number>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>万元|元)"
)
# Words between a figure's name and a number that make the number something else: a change
# (决算支出较上年增加15.87万元), a part of it (基本支出中人员经费450.2万元), a share or a gap.
NOT_THE_FIGURE = re.compile(r"[较比增减降升提超节少多差占余均]|中|其中|同比|环比")
YEAR_MARK = re.compile(r"((?:19|20)\d{2})年|(上年|上一年)")

RATE_BY_LABEL = {label.replace("“", "").replace("”", ""): metric for metric, label in RATE_LABELS.items()}
RATE = re.compile(
    _PHRASE_START + f"({'|'.join(sorted(RATE_BY_LABEL, key=len, reverse=True))})(?P<gap>[^0-9。；;\\n]{{0,4}}?){_NUMBER}\\s*[%％]"
)
# A rate stated as a bound or a target, not as this year's value: 保持在95%以上, 不低于90%.
RATE_BOUND = re.compile(r"\s*(?:以上|以下|以内|左右|上下)")
RATE_BOUND_BEFORE = re.compile(r"不低于|不高于|不超过|不少于|达到|目标|计划|要求|保持在|力争|确保")

# Head counts of the unit itself: 在职人员28人, 核定编制30名, 退休人员50人. Only where the sentence
# before the words names no other subject (下属医院核定编制200名 is another unit's).
COUNT = re.compile(
    r"(?P<words>在职(?:人员|人数|职工)?|实有(?:人员|人数)?|核定编制(?:数)?|编制数|退休(?:人员|职工)?)"
    r"(?:为|共|共计|合计|总数)?(?P<number>\d+)(?:人|名)"
)
COUNT_FIELDS = (("在职", "actual_total"), ("实有", "actual_total"), ("退休", "retirees_total"))
# What may stand between a clause's start and the count when the count is the unit's own.
OWN_SUBJECT = re.compile(
    r"(?:截至|截止|到|至|于|目前|现|现有|共有|全|我|本|单位|机关|其中|[局办馆校院委所站处中心]|"
    r"(?:19|20)\d{2}年|年底|年末|\d{1,2}月(?:\d{1,2}日)?|底|末|，)*"
)

SCORE = re.compile(r"自评(?:分数|得分|总分)[为是：:]?\s*" + _NUMBER + r"\s*分")
GRADE = re.compile(r"(?:自评(?:结果|等级|结论)|等级)[为是：:]?\s*(优秀|良好|中等|较差|优|良|中|差)")
GRADE_WORDS = {"优秀": "优", "良好": "良", "中等": "中", "较差": "差"}
LONG_GRADE = {"优": "优秀", "良": "良好", "中": "中等", "差": "较差"}


def _figure(year: YearData, dotted: str) -> Decimal | None:
    value = get_value(year.figures, dotted)
    return value if isinstance(value, Decimal) else None


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


TEN_THOUSAND = Decimal(10000)
CENT = Decimal("0.01")


def _in_yuan(amount: Decimal, written: str) -> str:
    """``amount`` (万元) in 元, written as ``written`` is: with thousands separators or not, to its places."""
    yuan = (amount * TEN_THOUSAND).quantize(Decimal(1).scaleb(-_places(written)), rounding=ROUND_HALF_UP)
    return f"{yuan:,f}" if "," in written else f"{yuan:f}"


def _places(text: str) -> int:
    return len(text.split(".", 1)[1]) if "." in text else 0


def _contradictions(context: CheckContext, text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, written, correct) of each number in ``text`` that contradicts the data."""
    year = context.year
    evaluation_year = year.cover.evaluation_year
    found: list[tuple[int, int, str, str]] = []
    for match in AMOUNT.finditer(text):
        index = next(int(name[1:]) for name, value in match.groupdict().items() if name[0] == "w" and value is not None)
        _words, current, prior = AMOUNT_WORDS[index]
        if NOT_THE_FIGURE.search(match["gap"]):
            continue
        # The last year named earlier in the same sentence says which year the amount belongs to.
        sentence_start = max(text.rfind(mark, 0, match.start()) for mark in "。；;\n") + 1
        marks = list(YEAR_MARK.finditer(text, sentence_start, match.start()))
        before = marks[-1] if marks else None
        field: str | None = current
        if prior == LAST_YEAR:
            pass  # 上年决算支出: last year's by its own words, whatever year the sentence named before
        elif before is not None:
            named_year = int(before.group(1)) if before.group(1) else None
            if before.group(2) or (evaluation_year and named_year == evaluation_year - 1):
                field = prior
            elif named_year != evaluation_year:
                continue
        expected = _figure(year, field) if field else None
        written = _number(match["number"])
        if expected is None or written is None:
            continue
        if match["unit"] == "元":  # 8,063,200元: the figure is kept in 万元 to two places
            if (written / TEN_THOUSAND).quantize(CENT, rounding=ROUND_HALF_UP) != expected:
                found.append((match.start("number"), match.end("number"), match["number"], _in_yuan(expected, match["number"])))
        elif written != expected:
            found.append((match.start("number"), match.end("number"), match["number"], format_amount(expected)))
    for match in RATE.finditer(text):
        if RATE_BOUND_BEFORE.search(match["gap"]) or RATE_BOUND.match(text, match.end()):
            continue
        rate = context.rates.get(RATE_BY_LABEL[match.group(1)])
        written = _number(match.group(3))
        if rate is None or written is None:
            continue
        expected = rate.quantize(Decimal(1).scaleb(-_places(match.group(3))), rounding=ROUND_HALF_UP)
        if written != expected:
            found.append((match.start(3), match.end(3), match.group(3), f"{rate:f}"))
    found += _count_contradictions(year, text)
    score = context.score
    scores, grades = list(SCORE.finditer(text)), list(GRADE.finditer(text))
    # A provisional total (indicators still to score, numbers still to review) is no grade to correct a text by;
    # asked only of a text that states a score or grade (it walks every indicator, and this runs per text).
    if (scores or grades) and score.indicators and not score.provisional:
        for match in scores:
            written = _number(match.group(1))
            if written is not None and written != score.total:
                found.append((match.start(1), match.end(1), match.group(1), format_number(score.total)))
        for match in grades:
            word = match.group(1)
            if score.grade and GRADE_WORDS.get(word, word) != score.grade:
                correct = LONG_GRADE.get(score.grade, score.grade) if word in GRADE_WORDS else score.grade
                found.append((match.start(1), match.end(1), word, correct))
    return sorted(found)


def _count_contradictions(year: YearData, text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, written, correct) of each head count of the unit in ``text`` that differs from the profile."""
    if "人" not in text and "名" not in text:
        return []
    found: list[tuple[int, int, str, str]] = []
    for match in COUNT.finditer(text):
        # The sentence before the count, without the unit's other counts (核定编制30名，在职28人).
        sentence_start = max(text.rfind(mark, 0, match.start()) for mark in "。；;\n") + 1
        before = COUNT.sub("", text[sentence_start : match.start()])
        if YEAR_MARK.search(before) and not _names_only(before, year.cover.evaluation_year):
            continue  # another year's count
        if not OWN_SUBJECT.fullmatch(before):
            continue  # another unit's, or a part of the staff
        words = match["words"]
        name = next((field for prefix, field in COUNT_FIELDS if words.startswith(prefix)), "establishment_total")
        expected = getattr(year.profile, name)
        if expected is not None and int(match["number"]) != expected:
            found.append((match.start("number"), match.end("number"), match["number"], str(expected)))
    return found


def _names_only(before: str, evaluation_year: int) -> bool:
    """Whether every year named in ``before`` is the evaluation year (上年 counts as another year)."""
    return all(mark.group(1) and int(mark.group(1)) == evaluation_year for mark in YEAR_MARK.finditer(before))


DAY = re.compile(r"(?<!\d)(\d{1,2})月(\d{1,2})日")


def _date_contradictions(context: CheckContext, text: str) -> list[tuple[int, int, str, str]]:
    """A 月日 in 自评材料报送时间及质量 that differs from the submission date."""
    submitted = context.year.process.submission_date
    if submitted is None:
        return []
    correct = f"{submitted.month}月{submitted.day}日"
    return [
        (match.start(), match.end(), match.group(), correct)
        for match in DAY.finditer(text)
        if (int(match.group(1)), int(match.group(2))) != (submitted.month, submitted.day)
    ]


def check_text_figures(context: CheckContext) -> Iterator[Finding]:
    """Yellow: an amount, rate, score, grade or submission date in the text that differs from the data."""
    for path, text in context.prose:
        contradictions = _contradictions(context, text)
        if path == "process.submission_text":
            contradictions = sorted(contradictions + _date_contradictions(context, text))
        if not contradictions:
            continue
        pieces, position = [], 0
        for start, end, _written, correct in contradictions:
            pieces += [text[position:start], correct]
            position = end
        fixed = "".join(pieces) + text[position:]
        listing = "；".join(f"“{written}”应为“{correct}”" for _, _, written, correct in contradictions)
        yield Finding(
            "text_figure_mismatch",
            YELLOW,
            f"文字中的数字与数据不一致：{listing}。请改正文字（或核对数据）。",
            path,
            fix=Fix("按数据改正文字", path, text, fixed),
            fingerprint=fingerprint(text, *(correct for *_, correct in contradictions)),
        )
