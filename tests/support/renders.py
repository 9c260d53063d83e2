"""Rendering the report for the layout tests: LibreOffice and the program's own PDF, read back with poppler.

``other_unit_year`` is a year unlike the demo (another unit, figures in every field, numbers in the
text, a long data sheet, long task lists); ``libreoffice_pdf`` renders a .docx as Word would on a
government PC (fontconfig maps the GB faces onto the faces the program's renderer takes here);
``pdf_pages`` and ``text_chunks`` read a PDF's lines and positioned text back.
"""

from __future__ import annotations

import copy
import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree

from pypdf import PdfReader

from zjdesk.demo import demo_year
from zjdesk.domain.model import (
    Breakdown,
    Goal,
    GoalIndicator,
    Practice,
    StaffCategory,
    SubordinateUnit,
    Task,
    TaskPoint,
    YearData,
)

FONTS_CONF = Path(__file__).parents[1] / "data" / "fonts.conf"
_XHTML = "{http://www.w3.org/1999/xhtml}"
MM = 72 / 25.4

# --- a year for another unit -----------------------------------------------------------------

_CLAUSES = (
    "全年共完成{n}项重点任务，涉及资金{a}万元",
    "按照市委、市政府的统一部署，认真落实年度工作计划",
    "严格执行预算管理制度，确保资金使用规范、安全、有效",
    "截至{y}年12月31日，累计支付{a}万元，支付进度达到{p}%",
    "组织开展专题培训{n}期，参训人员{m}人次",
    "加强与省直有关部门的沟通衔接，及时掌握政策动态",
    "完善内部控制制度{n}项，修订工作规程{m}项",
    "对照年初设定的绩效目标逐项梳理，形成问题清单和整改台账",
)


def _paragraph(seed: int, sentences: int, year: int = 2024) -> str:
    parts = []
    for index in range(sentences):
        clause = _CLAUSES[(seed + index * 3) % len(_CLAUSES)]
        parts.append(
            clause.format(
                n=3 + (seed + index) % 17,
                m=120 + (seed * 7 + index * 13) % 880,
                a=f"{100 + (seed * 37 + index * 91) % 9000}.{(seed + index) % 100:02d}",
                p=f"{90 + (seed + index) % 10}.{(seed * 3 + index) % 100:02d}",
                y=year,
            )
        )
    return "，".join(parts) + "。"


def other_unit_year() -> YearData:
    """湛江市农业农村综合服务中心, 2024: every figure filled in, six staff categories and four
    subordinate units (a data sheet of three pages), twelve tasks with points and paragraphs full of
    numbers, eight goals (three with indicator rows: the goal table), ten long 改进措施, deductions with
    reasons, the sign-off fields filled in."""
    year = copy.deepcopy(demo_year())
    cover = year.cover
    cover.unit_name = "湛江市农业农村综合服务中心"
    cover.attachment_number = "3"
    cover.fill_date = date(2025, 4, 28)
    cover.notice_number = "湛财绩〔2025〕2号"
    cover.preparer = "林晓敏"
    cover.preparer_phone = "0759-3386152"
    cover.unit_head = "陈国栋"
    profile = year.profile
    profile.short_name = "服务中心"
    profile.founded = "2003年6月"
    profile.rank = "正科级公益一类事业单位"
    profile.staff = [
        StaffCategory("管理人员", 12, 11),
        StaffCategory("专业技术人员", 36, 34, "其中高级职称9名"),
        StaffCategory("工勤技能人员", 8, 8),
        StaffCategory("编外聘用人员", 6, 5),
        StaffCategory("见习人员", 2, 2),
        StaffCategory("借调人员", 1, 1),
    ]
    profile.establishment_total = 65
    profile.actual_total = 61
    profile.staff_as_of = "2024年12月31日"
    profile.subordinate_units = [
        SubordinateUnit(f"湛江市{name}站", "公益一类事业单位", 10 + index, 9 + index, "", f"负责全市{name}的管理和服务工作")
        for index, name in enumerate(("农业技术推广", "动物疫病预防控制", "农产品质量安全检测", "农业机械化技术"))
    ]
    profile.retirees_total = 27
    profile.retirees = []
    profile.notes = []
    year.tasks = [
        Task(
            title=f"扎实推进第{number}项重点工作",
            lead=_paragraph(number, 2),
            points=[TaskPoint(f"强化措施{point}", _paragraph(number * 5 + point, 3)) for point in range(1, 4)],
            paragraphs=[_paragraph(number * 11, 4)],
        )
        for number in range(1, 13)
    ]
    year.goals = [Goal(f"{_paragraph(number * 13, 1).rstrip('。')}；") for number in range(1, 9)]
    for number, goal in enumerate(year.goals[:3], start=1):  # the first three goals with measurable rows
        goal.indicators = [
            GoalIndicator("产出指标", "数量指标", f"完成重点任务数{number}", "≥", "10", "项", "12", Decimal("5")),
            GoalIndicator(
                "效益指标",
                "社会效益指标",
                f"服务对象覆盖率{number}",
                "≥",
                "95",
                "%",
                "91.5",
                Decimal("5"),
                "部分乡镇交通不便，下半年已增设服务点",
            ),
            GoalIndicator(
                "满意度指标",
                "服务对象满意度指标",
                "服务对象满意度",
                "≥",
                "90",
                "%",
                "93",
                Decimal("5"),
                "通过问卷调查取得，回收有效问卷215份",
            ),
        ]
    figures = year.figures
    figures.initial_budget = Decimal("4820.00")
    figures.budget_adjustment = Decimal("312.45")
    figures.budget = Breakdown(Decimal("5132.45"), Decimal("2210.30"), Decimal("2922.15"))
    figures.final_revenue = Breakdown(Decimal("5132.45"), Decimal("2210.30"), Decimal("2922.15"))
    figures.final_expenditure = Breakdown(Decimal("4987.62"), Decimal("2198.77"), Decimal("2788.85"))
    figures.prior_final_expenditure = Breakdown(Decimal("4655.10"), Decimal("2101.02"), Decimal("2554.08"))
    figures.carry_over = Decimal("144.83")
    figures.public_funds_budget = Decimal("286.00")
    figures.public_funds_actual = Decimal("279.41")
    figures.three_public_budget = Decimal("18.50")
    figures.three_public_actual = Decimal("16.32")
    figures.three_public_prior_actual = Decimal("17.05")
    figures.procurement_plan = Decimal("730.00")
    figures.procurement_actual = Decimal("702.66")
    figures.payment_progress_rate = Decimal("97.18")
    figures.goals_completed = 8
    year.evaluation.budgeting = _paragraph(101, 5)
    year.evaluation.execution = _paragraph(202, 6)
    year.evaluation.supervision = _paragraph(303, 4)
    year.practices = [Practice(f"做法{number}", _paragraph(number * 17, 3)) for number in range(1, 4)]
    year.problems = [_paragraph(number * 19, 2) for number in range(1, 4)]
    year.improvements = [_paragraph(number * 23, 3) for number in range(1, 11)]
    for index in (0, 1):
        indicator = year.indicator_set.indicators[index]
        indicator.judged_score = indicator.weight - Decimal("0.5")
        indicator.deduction_reason = "个别绩效指标未细化量化，与年度任务的对应不够清晰"
    year.other = _paragraph(404, 3)
    year.evaluation.stated_score = None
    year.evaluation.stated_grade = ""
    year.review = []
    return year


# --- LibreOffice -------------------------------------------------------------------------------


def libreoffice_pdf(docx: bytes, folder: Path, name: str = "report") -> Path:
    """``docx`` rendered to PDF by LibreOffice (its own profile; the GB faces mapped by tests/data/fonts.conf)."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    assert office, "LibreOffice (libreoffice-writer-nogui) is needed for this test"
    source = folder / f"{name}.docx"
    source.write_bytes(docx)
    environment = dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF))
    subprocess.run(
        [
            office,
            f"-env:UserInstallation=file://{folder / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        env=environment,
        timeout=300,
    )
    return folder / f"{name}.pdf"


# --- reading PDFs back ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TextLine:
    """A line of a PDF page as poppler reads it (points, from the page's top-left)."""

    top: float
    height: float
    left: float
    right: float
    text: str  # without whitespace


@dataclass(frozen=True)
class PdfPage:
    width: float
    height: float
    lines: tuple[TextLine, ...]

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    def text(self) -> str:
        return "".join(line.text for line in self.lines)


PAGE_NUMBER = re.compile(r"^—\d+—$")


def pdf_pages(pdf: Path) -> list[PdfPage]:
    """Every page's lines, top to bottom, page numbers left out."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages = []
    for page in ElementTree.fromstring(xml).iter(f"{_XHTML}page"):
        lines = []
        for line in page.iter(f"{_XHTML}line"):
            words = list(line.iter(f"{_XHTML}word"))
            text = re.sub(r"\s+", "", "".join(word.text or "" for word in words))
            if not text or PAGE_NUMBER.match(text):
                continue
            top = min(float(word.get("yMin", 0)) for word in words)
            bottom = max(float(word.get("yMax", 0)) for word in words)
            left = min(float(word.get("xMin", 0)) for word in words)
            right = max(float(word.get("xMax", 0)) for word in words)
            lines.append(TextLine(top, bottom - top, left, right, text))
        lines.sort(key=lambda item: (round(item.top), item.left))
        pages.append(PdfPage(float(page.get("width", 0)), float(page.get("height", 0)), tuple(_merged(lines))))
    return pages


def _merged(lines: list[TextLine]) -> list[TextLine]:
    """Lines poppler split at a wide justification gap, joined again (same baseline)."""
    merged: list[TextLine] = []
    for line in lines:
        last = merged[-1] if merged else None
        if last is not None and abs(last.top - line.top) < 2 and line.left >= last.right - 1 and last.height > 18:
            merged[-1] = TextLine(last.top, max(last.height, line.height), last.left, line.right, last.text + line.text)
        else:
            merged.append(line)
    return merged


@dataclass(frozen=True)
class Chunk:
    """A piece of text drawn at one place (the PDF's text operator), points from the page's top-left."""

    x: float
    y: float
    text: str


def text_chunks(pdf: bytes | Path) -> list[list[Chunk]]:
    """Per page, each piece of text with where it starts."""
    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else str(pdf))
    pages = []
    for page in reader.pages:
        height = float(page.mediabox.height)
        found: list[Chunk] = []

        def visit(
            text: str,
            cm: list[float],
            tm: list[float],
            _font: object,
            _size: object,
            found: list[Chunk] = found,
            height: float = height,
        ) -> None:
            text = re.sub(r"\s+", "", text)
            if text:
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                found.append(Chunk(x, height - y, text))

        page.extract_text(visitor_text=visit)
        pages.append(found)
    return pages


def ink_top_mm(pdf: Path, page: int, below_mm: float, *, first_columns_mm: float = 1.5, dpi: int = 200) -> float | None:
    """How far below ``below_mm`` (from the page top) the page number's first dash begins, in mm.

    The ink in the 20 mm below ``below_mm`` is taken; the dash is the ink in the ``first_columns_mm``
    right of that ink's left edge (the digits are taller than the dash).
    """
    data = subprocess.run(
        ["pdftoppm", "-f", str(page), "-l", str(page), "-r", str(dpi), "-gray", str(pdf)], check=True, capture_output=True
    ).stdout
    parts = data.split(b"\n", 3)  # P5, width height, 255, pixels
    width, height = map(int, parts[1].split())
    pixels = parts[3]
    per_mm = dpi / 25.4
    first, last = int((below_mm + 1) * per_mm), min(height, int((below_mm + 20) * per_mm))
    dark = [(x, y) for y in range(first, last) for x in range(width) if pixels[y * width + x] < 128]
    if not dark:
        return None
    left = min(x for x, _ in dark)
    top = min(y for x, y in dark if x <= left + first_columns_mm * per_mm)
    return top / per_mm - below_mm
