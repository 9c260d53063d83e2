"""The Qt document's page geometry and type: A4, the GB/T 9704 margins, line pitch, and each outline role's font.

Plain data (no Qt), used by :mod:`zjdesk.report.qt_document`. Lengths are in layout units of 1/720 inch.
"""

from __future__ import annotations

UNITS_PER_INCH = 720  # layout unit: 0.1 pt
PT = UNITS_PER_INCH / 72
MM = UNITS_PER_INCH / 25.4
A4 = (210.0, 297.0)
PORTRAIT_MARGINS = (37.0, 35.0, 28.0, 26.0)  # top, bottom, left, right (mm)
LANDSCAPE_MARGINS = (28.0, 26.0, 37.0, 35.0)
LINE_PITCH = 28.95 * PT
TABLE_PITCH = 16 * PT
CELL_PADDING = 0.8 * MM

FONT_CHAINS: dict[str, tuple[str, ...]] = {
    "fangsong": ("Times New Roman", "仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC"),
    "kaiti": ("Times New Roman", "楷体_GB2312", "楷体", "KaiTi", "STKaiti", "Noto Serif CJK SC", "Source Han Serif SC"),
    "heiti": ("黑体", "SimHei", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC"),
    "xiaobiaosong": ("方正小标宋简体", "方正小标宋_GBK", "华文中宋", "STZhongsong", "Noto Serif CJK SC", "SimSun"),
    "songti": ("宋体", "SimSun", "Noto Serif CJK SC", "Source Han Serif SC"),
}
# Without 方正小标宋 the title is set in bold serif, which is how it looks on paper.
SYNTHETIC_BOLD = {"xiaobiaosong": "方正小标宋简体"}

# role → (font chain, size in pt, bold, indent two characters, alignment)
ROLE_STYLE: dict[str, tuple[str, float, bool, bool, str]] = {
    "attachment": ("heiti", 16, False, False, "left"),
    "title": ("xiaobiaosong", 22, False, False, "center"),
    "cover": ("fangsong", 16, False, False, "left"),
    "body": ("fangsong", 16, False, True, "justify"),
    "list": ("fangsong", 16, False, True, "justify"),
    "signature": ("fangsong", 16, False, False, "right"),
    "heading1": ("heiti", 16, False, True, "justify"),
    "heading2": ("kaiti", 16, False, True, "justify"),
    "heading3": ("fangsong", 16, True, True, "justify"),
    "heading4": ("fangsong", 16, False, True, "justify"),
    "sheet_title": ("xiaobiaosong", 18, False, False, "center"),
    "caption": ("fangsong", 12, False, False, "left"),
    "table": ("fangsong", 12, False, False, "center"),
    "table_header": ("heiti", 12, False, False, "center"),
    "page_number": ("songti", 14, False, False, "right"),
    "draft": ("heiti", 16, True, False, "right"),
}
