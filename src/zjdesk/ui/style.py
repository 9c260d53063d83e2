"""The program's look: a calm, light office style with one blue accent (Qt style sheet).

Rules on widget types (QLineEdit, QPushButton, QComboBox …) apply only inside the program's own
containers — those marked with :func:`own_style`: the main window's page column, side panels and
step list, the start page and the program's dialogs. Qt's own dialogs — the print preview, the print
dialog, Qt's file dialog on Linux — keep Qt's look, as their layouts expect (padding added to the
print preview's zoom box cut "100.0%" to ")0.0%"); a Qt dialog opened over the main window is a
child of the window, not of those containers. The mark is a property, so a scoped rule weighs no
more than a class: rules on object names (``#itemNumber``) still win over it, as before.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

ACCENT = "#1f5fa8"
# The score panel's total, and the size it takes where the panel is too narrow for it beside the grade.
TOTAL_POINTS = 30
NARROW_TOTAL_POINTS = 22
OWN_STYLE = "ownStyle"
OWN_CONTAINER = f'*[{OWN_STYLE}="true"]'
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_WIDGET_TYPE = re.compile(r"^Q[A-Za-z]+")


def own_style(widget: QWidget) -> None:
    """Mark ``widget`` as a container of the program's own widgets: the type rules apply inside it."""
    widget.setProperty(OWN_STYLE, True)


def scoped(rules: str) -> str:
    """``rules`` with every selector that starts with a widget type limited to the program's own containers."""
    out = []
    for match in _RULE.finditer(rules):
        selectors = [item.strip() for item in match.group(1).split(",") if item.strip()]
        expanded = [f"{OWN_CONTAINER} {selector}" if _WIDGET_TYPE.match(selector) else selector for selector in selectors]
        out.append(f"{', '.join(expanded)} {{{match.group(2)}}}")
    return "\n".join(out) + "\n"


_RULES = f"""
#mainWindow, #startPage, #startContent {{ background: #eef1f5; }}
QScrollArea#startScroll {{ background: #eef1f5; border: none; }}
#pageBody, #centre, #sidePanels {{ background: #eef1f5; }}
#navigatorColumn, #statusLegend {{ background: #ffffff; }}
#statusLegend {{ border-right: 1px solid #d5dbe3; }}
QScrollArea#stepPage {{ background: #eef1f5; border: none; }}

#navigator {{
    background: #ffffff; border: none; border-right: 1px solid #d5dbe3;
    padding-top: 12px; font-size: 10.5pt; outline: 0;
}}
#navigator::item {{ padding-left: 14px; color: #26323f; border-left: 4px solid transparent; }}
#navigator::item:selected {{ background: #e3ecf8; color: {ACCENT}; border-left: 4px solid {ACCENT}; font-weight: bold; }}
#navigator::item:hover:!selected {{ background: #f3f6fa; }}

#pageTitle {{ font-size: 17pt; font-weight: bold; color: #1b2733; }}
#pageIntro {{ color: #4c5a69; font-size: 10pt; }}
#startTitle {{ font-size: 22pt; font-weight: bold; color: {ACCENT}; }}
#hint, #findingsSummary {{ color: #6b7785; }}
#unit {{ color: #4c5a69; }}
#subCaption {{ font-weight: bold; color: #34495e; margin-top: 4px; }}
#columnCaption {{ color: #6b7785; font-size: 9pt; }}
QToolButton[fold="true"], QToolButton#indicatorDefinitionToggle {{ border: none; background: transparent; }}
#foldSummary {{ color: #26323f; }}
#itemNumber {{ color: {ACCENT}; font-weight: bold; }}
#stepCaption {{ color: #6b7785; }}
#panelCaption {{ font-weight: bold; color: #34495e; font-size: 10.5pt; }}

QGroupBox {{
    background: #ffffff; border: 1px solid #d5dbe3; border-radius: 6px;
    margin-top: 14px; padding-top: 10px; font-weight: bold; color: #1b2733;
}}
QGroupBox::title {{ subcontrol-origin: margin; left: 12px; padding: 0 6px; background: transparent; }}
QGroupBox QLabel {{ font-weight: normal; }}
#listCard {{ background: #f7f9fc; border: 1px solid #e0e5ec; border-radius: 5px; }}

QLineEdit, QPlainTextEdit, QDateEdit, QComboBox, QSpinBox {{
    background: #ffffff; border: 1px solid #c3ccd7; border-radius: 4px; padding: 4px 6px;
    selection-background-color: {ACCENT};
}}
QLineEdit:focus, QPlainTextEdit:focus, QDateEdit:focus, QComboBox:focus, QSpinBox:focus {{ border: 1px solid {ACCENT}; }}
QDateEdit::drop-down, QComboBox::drop-down {{
    subcontrol-origin: padding; subcontrol-position: center right; width: 22px; border: none;
}}
QSpinBox::up-button, QSpinBox::down-button {{ width: 18px; border: none; background: transparent; }}
/* A field with a finding is framed in the finding's colour; the message is in the note under it. */
QLineEdit[finding="red"], QPlainTextEdit[finding="red"],
QDateEdit[finding="red"], QComboBox[finding="red"] {{ border: 1px solid #c62828; }}
QLineEdit[finding="todo"], QPlainTextEdit[finding="todo"],
QDateEdit[finding="todo"], QComboBox[finding="todo"] {{ border: 1px solid #1e6fd9; }}
QLineEdit[finding="yellow"], QPlainTextEdit[finding="yellow"],
QDateEdit[finding="yellow"], QComboBox[finding="yellow"] {{ border: 1px solid #e0a100; background: #fffbea; }}
QLineEdit[finding="blue"], QPlainTextEdit[finding="blue"],
QDateEdit[finding="blue"], QComboBox[finding="blue"] {{ border: 1px dashed #7b8794; }}
QLineEdit[invalid="true"] {{ border: 1px solid #c62828; background: #fdecea; }}
#readOnlyBanner {{ background: #fdecea; border: 1px solid #e4a9a3; border-radius: 6px; }}
#readOnlyBanner QLabel {{ color: #7f1d1d; }}
QLabel#status\\.pending {{ color: #c62828; padding-left: 8px; }}

QPushButton {{
    background: #ffffff; border: 1px solid #b8c2ce; border-radius: 4px; padding: 5px 14px; color: #1b2733;
}}
QPushButton:hover {{ background: #f0f4f9; border-color: {ACCENT}; }}
QPushButton:pressed {{ background: #e1e9f4; }}
QPushButton:disabled {{ color: #a0a9b4; border-color: #d9dee5; }}
QPushButton[primary="true"] {{ background: {ACCENT}; color: #ffffff; border-color: {ACCENT}; font-weight: bold; }}
QPushButton[primary="true"]:hover {{ background: #184c88; }}
QPushButton[primary="true"]:disabled {{ background: #9bb3d1; border-color: #9bb3d1; }}
QPushButton[tool="true"] {{ padding: 2px 4px; min-width: 16px; color: #4c5a69; }}
QPushButton[startAction="true"] {{ text-align: left; padding: 0; border-radius: 6px; }}
QPushButton[startAction="true"]:hover {{ border: 1px solid {ACCENT}; background: #f3f7fc; }}
#actionTitle {{ font-size: 12pt; font-weight: bold; color: {ACCENT}; }}
#actionText {{ color: #4c5a69; }}
QListWidget#start\\.recent {{ border: none; }}
QListWidget#start\\.recent::item {{ padding: 4px 8px; border-bottom: 1px solid #eef1f5; color: #26323f; }}
QListWidget#start\\.recent::item:selected {{ background: #e3ecf8; }}
#recentFrame {{ background: #ffffff; border: 1px solid #d5dbe3; border-radius: 6px; }}

#findingNote {{ background: transparent; border: none; }}
#findingNote[pageNote="true"] {{ background: #ffffff; border: 1px solid #d5dbe3; border-radius: 6px; }}
#findingMessage {{ color: #34495e; font-size: 9.5pt; }}
#findingDot {{ font-size: 9pt; padding-top: 1px; }}
#exportedFiles {{ color: #2e7d32; }}
QLabel#new\\.year_shown {{ font-weight: bold; }}
QLabel#new\\.year_warning {{ color: #8a5a00; }}
#reviewLabel {{ background: #fff4d6; color: #8a5a00; border: 1px solid #e8c766; border-radius: 3px; padding: 2px 6px; }}
#reviewBanner {{ background: #fff8e1; border: 1px solid #e8c766; border-radius: 6px; }}
#reviewBanner QLabel {{ color: #6d4c00; }}
QLineEdit[review="true"] {{ background: #fff8e1; border: 1px solid #e8c766; }}
#reviewConfirm {{ padding: 2px 8px; }}
#reviewConfirm[pending="true"] {{ background: #fff4d6; color: #8a5a00; border: 1px solid #e8c766; }}

#scorePanel, #findingsPanel {{ background: #ffffff; border: 1px solid #d5dbe3; border-radius: 6px; }}
#scorePanel QLabel, #findingsPanel QLabel {{ background: transparent; }}
QLabel#score\\.total {{ font-size: {TOTAL_POINTS}pt; font-weight: bold; color: #1b2733; }}
QLabel#score\\.total[narrow="true"] {{ font-size: {NARROW_TOTAL_POINTS}pt; }}
QLabel#score\\.total[compact="true"] {{ font-size: 18pt; }}
QLabel#score\\.grade[compact="true"] {{ font-size: 11pt; padding: 2px 8px; }}
#scoreUnit[compact="true"] {{ padding-bottom: 2px; }}
QLabel#score\\.unscored {{ color: #6b7785; }}
#scoreUnit {{ color: #4c5a69; font-size: 11pt; padding-bottom: 8px; }}
QLabel#score\\.grade {{
    color: #ffffff; font-size: 15pt; font-weight: bold; border-radius: 6px; padding: 4px 12px; min-width: 28px;
}}
QLabel#score\\.cap {{ color: #8a5a00; background: #fff4d6; border-radius: 3px; padding: 4px; }}
QProgressBar {{ background: #e6ebf1; border: none; border-radius: 4px; }}
QProgressBar::chunk {{ background: {ACCENT}; border-radius: 4px; }}
#findings {{ border: none; background: transparent; }}
#findings::item {{ padding: 5px 2px; border-bottom: 1px solid #eef1f5; color: #26323f; }}
#findings::item:selected {{ background: #e3ecf8; }}

#bottomBar {{ background: #ffffff; border-top: 1px solid #d5dbe3; }}
#mainWindow > QStatusBar {{ background: #ffffff; border-top: 1px solid #d5dbe3; color: #4c5a69; }}
QLabel#status\\.saved {{ color: #2e7d32; padding-left: 8px; }}
QTableWidget {{
    background: #ffffff; alternate-background-color: #f7f9fc; gridline-color: #e0e5ec; border: 1px solid #d5dbe3;
}}
QTableWidget::item:selected {{ background: #d6e4f5; color: #1b2733; }}
QHeaderView::section {{
    background: #f0f3f7; border: none; border-right: 1px solid #e0e5ec; border-bottom: 1px solid #d5dbe3;
    padding: 4px 6px; font-weight: bold;
}}
#generatedParagraph {{ color: #26323f; line-height: 150%; }}
#problem, #reasonNeeded {{ color: #c62828; }}
QLabel[goalScore="full"] {{ color: #2e7d32; font-weight: bold; }}
QLabel[goalScore="below"] {{ color: #b35c00; font-weight: bold; }}
QLabel[goalScore="none"] {{ color: #7b8794; }}
#rowExplanation {{ color: #6b7785; font-size: 9pt; }}
#previewPages {{ background: #dfe4ea; border-radius: 4px; }}
#previewPage {{ border: 1px solid #b8c2ce; background: #ffffff; }}
QScrollBar:vertical {{ background: transparent; width: 12px; margin: 0; }}
QScrollBar::handle:vertical {{ background: #c3ccd7; border-radius: 5px; min-height: 30px; margin: 2px; }}
QScrollBar::handle:vertical:hover {{ background: #9fabb9; }}
QScrollBar:horizontal {{ background: transparent; height: 12px; margin: 0; }}
QScrollBar::handle:horizontal {{ background: #c3ccd7; border-radius: 5px; min-width: 30px; margin: 2px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: transparent; }}
"""


STYLE_SHEET = scoped(_RULES)


def arrow_rules() -> str:
    """The drop-down arrow of date and choice fields (a styled field loses the style's own arrow)."""
    from zjdesk.resources import resources_dir

    arrow = resources_dir() / "icons" / "arrow-down.png"
    if not arrow.is_file():
        return ""
    return scoped(f"QDateEdit::down-arrow, QComboBox::down-arrow {{ image: url({arrow.as_posix()}); width: 10px; height: 6px; }}")
