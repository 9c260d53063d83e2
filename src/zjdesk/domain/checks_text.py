"""Checks on the free text: stray spaces, half-width punctuation, carried text to review (years: checks_years).

Each text finding offers an automatic fix that rewrites the whole field (the UI shows the label and
applies it with :func:`zjdesk.domain.checks.apply_fix`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from zjdesk.domain.checks_base import BLUE, YELLOW, CheckContext, Finding, Fix, fingerprint
from zjdesk.domain.paths import PathError, get_value

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_PUNCTUATION = "，。、；：？！“”‘’（）《》〈〉【】〔〕—…·"
_CJK_OR_PUNCT = f"[{CJK}{CJK_PUNCTUATION}]"

# Spaces (half- or full-width) with a Chinese character or Chinese punctuation on both sides.
STRAY_SPACE = re.compile(f"(?<={_CJK_OR_PUNCT})[ \t\u3000\u00a0]+(?={_CJK_OR_PUNCT})")
EDGE_SPACE = re.compile(r"^[\s\u3000]+|[\s\u3000]+$")

HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
# A half-width mark touching a Chinese character (digits on both sides, as in 9:30 or 1,557, are left alone).
HALF_WIDTH = re.compile(f"(?<=[{CJK}])[,;:?!()]|[,;:?!()](?=[{CJK}])")

# A document number (文号) whose year stands in brackets other than GB/T 9704's 六角括号: 湛财绩[2025]2号.
# A verb before the issuer (根据湛财绩[2025]2号) is no part of the number the message quotes.
DOCUMENT_NUMBER = re.compile(
    f"(?:根据|按照|依据|依照|参照|落实|执行|印发|转发)?([{CJK}]{{1,6}})[\\[［【(（]((?:19|20)\\d{{2}})[\\]］】)）](\\d+号)"
)

_BRACKETED_YEAR = re.compile(r"[\[［【(（](?:19|20)\d{2}[\]］】)）]\d+号")

SHORT_ANALYSIS = 60  # characters
ANALYSIS_FIELDS = (
    ("evaluation.budgeting", "预算编制情况"),
    ("evaluation.execution", "预算执行情况"),
    ("evaluation.supervision", "预算监督情况"),
)


def _excerpt(text: str, start: int, end: int, around: int = 3) -> str:
    return text[max(0, start - around) : min(len(text), end + around)].strip()


def check_stray_spaces(context: CheckContext) -> Iterator[Finding]:
    """Yellow: spaces between Chinese characters, or around a text (usually pasted from PDF)."""
    for path, text in context.prose:
        inner = list(STRAY_SPACE.finditer(text))
        edges = EDGE_SPACE.search(text)
        if not inner and not edges:
            continue
        fixed = STRAY_SPACE.sub("", text).strip().strip("\u3000")
        if inner:
            first = inner[0]
            where = f"“{_excerpt(text, first.start(), first.end())}”"
            count = f"共 {len(inner)} 处" if len(inner) > 1 else "1 处"
            message = f"{where}等汉字之间有多余的空格（{count}），多为从 PDF 或网页复制时带入：请删除这些空格。"
        else:
            message = "文字开头或结尾有多余的空格：段首缩进由程序自动生成，请删除这些空格。"
        yield Finding(
            "stray_space", YELLOW, message, path, fix=Fix("删除多余空格", path, text, fixed), fingerprint=fingerprint(text)
        )


def check_half_width_punctuation(context: CheckContext) -> Iterator[Finding]:
    """Yellow: half-width , ; : ? ! ( ) inside Chinese text."""
    for path, text in context.prose:
        matches = list(HALF_WIDTH.finditer(text))
        if not matches:
            continue
        fixed = HALF_WIDTH.sub(lambda match: HALF_TO_FULL[match.group()], text)
        first = matches[0]
        marks = "、".join(dict.fromkeys(f"“{match.group()}”" for match in matches))
        yield Finding(
            "half_width_punctuation",
            YELLOW,
            f"“{_excerpt(text, first.start(), first.end())}”等处在中文中使用了半角标点 {marks}（{len(matches)} 处）："
            "请改为全角标点（，；：？！（））。",
            path,
            fix=Fix("改为全角标点", path, text, fixed),
            fingerprint=fingerprint(text),
        )


def check_document_number_brackets(context: CheckContext) -> Iterator[Finding]:
    """Yellow: a 文号 written with [2025] or （2025）; GB/T 9704-2012 writes the year in 六角括号: 湛财绩〔2025〕2号."""
    notice = ("cover.notice_number", context.year.cover.notice_number)
    # The full pattern tries every position of every text; one scan of them all for a bracketed year first.
    texts = (notice, *context.prose) if _BRACKETED_YEAR.search(context.joined_prose) else (notice,)
    for path, text in texts:
        matches = list(DOCUMENT_NUMBER.finditer(text))
        if not matches:
            continue
        fixed = DOCUMENT_NUMBER.sub(
            lambda match: f"{match.string[match.start() : match.start(1)]}{match.group(1)}〔{match.group(2)}〕{match.group(3)}",
            text,
        )
        first = matches[0]
        wrong = text[first.start(1) : first.end()]
        right = f"{first.group(1)}〔{first.group(2)}〕{first.group(3)}"
        more = f"（共 {len(matches)} 处）" if len(matches) > 1 else ""
        yield Finding(
            "document_number_brackets",
            YELLOW,
            f"文号“{wrong}”{more}中的年份应使用六角括号〔〕（GB/T 9704—2012），应写作“{right}”。",
            path,
            fix=Fix("改为六角括号〔〕", path, text, fixed),
            fingerprint=fingerprint(text),
        )


def check_review_pending(context: CheckContext) -> Iterator[Finding]:
    """Yellow: text carried forward from last year that the officer has not reviewed yet (待复核)."""
    review = context.year.review
    for path in review:
        try:
            text = get_value(context.year, path)
        except PathError:
            continue  # the field was removed since; nothing left to review
        yield Finding(
            "review_pending",
            YELLOW,
            "此处内容沿用自上一年度或导入自往年报告，尚未复核：请按本年度情况核对修改，或确认无需修改。",
            path,
            fix=Fix("确认已复核", "review", None, path, op="remove"),
            fingerprint=fingerprint(text),
        )


def check_short_analysis(context: CheckContext) -> Iterator[Finding]:
    """Blue: an analysis text so short it says little."""
    for path, name in ANALYSIS_FIELDS:
        text = get_value(context.year, path).strip()
        if text and len(text) < SHORT_ANALYSIS:
            yield Finding(
                "short_analysis",
                BLUE,
                f"“{name}”只有 {len(text)} 个字：建议结合数据和具体做法展开分析（一般不少于 {SHORT_ANALYSIS} 字）。",
                path,
                fingerprint=fingerprint(text),
            )
