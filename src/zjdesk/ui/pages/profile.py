"""Step 2 单位基本情况: establishment and staff, internal sections, subordinate units, retirees."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from zjdesk.domain.model import RetireeGroup, Section, StaffCategory, SubordinateUnit
from zjdesk.ui.pages.base import StepPage
from zjdesk.ui.widgets.fields import CountField, TextBlock, TextLine
from zjdesk.ui.widgets.form import Card, FieldForm
from zjdesk.ui.widgets.list_editor import NARROW_BUTTONS_WIDTH, ListEditor
from zjdesk.ui.widgets.review import ReviewBadge


def table_header(*columns: tuple[str, int]) -> QWidget:
    """Column captions above a compact list editor (width 0: the column stretches)."""
    header = QWidget()
    header.setObjectName("tableHeader")
    layout = QHBoxLayout(header)
    layout.setContentsMargins(38, 0, 0, 0)  # the rows' numbers
    layout.setSpacing(6)
    for caption, width in columns:
        label = QLabel(caption)
        label.setObjectName("columnCaption")
        if width:
            label.setFixedWidth(width)
            layout.addWidget(label)
        else:
            layout.addWidget(label, 1)
    layout.addSpacing(NARROW_BUTTONS_WIDTH)  # the row's ↑ ↓ 删除 buttons
    return header


NATURAL = -1  # a cell that keeps its own width (a 待复核 badge)


def cells(*widgets: tuple[QWidget, int]) -> QWidget:
    """A row of fields side by side (width 0: the field stretches; NATURAL: its own width)."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    for widget, width in widgets:
        if isinstance(widget, ReviewBadge):
            widget.set_compact()  # a row of a table: 确认 alone, in the colour of 待复核
        if width == NATURAL:
            layout.addWidget(widget)
        elif width:
            widget.setFixedWidth(width)
            layout.addWidget(widget)
        else:
            layout.addWidget(widget, 1)
    return row


class ProfilePage(StepPage):
    intro = "单位机构设置、人员编制、内设科室职责、下属单位和离退休人员。报告第一部分“（一）单位机构设置、部门职能情况”由此生成。"

    def build(self) -> None:
        open_year = self.open_year
        general = Card("机构概况")
        form = general.form(open_year)
        form.line("单位简称", "profile.short_name", "例如：广州办")
        form.line("成立时间", "profile.founded", "例如：1958年11月")
        form.line("机构规格", "profile.rank", "例如：正处级")
        form.line("领导职数", "profile.leadership_posts", "例如：1正2副")
        form.count("核定编制", "profile.establishment_total")
        form.count("在职人数", "profile.actual_total")
        form.line("人数统计时点", "profile.staff_as_of", "例如：2024年年底")
        self.column.addWidget(general)

        staff = Card("人员编制（按类别）", "每一类人员的编制数和实有在职人数；各类合计应等于上面的核定编制和在职人数。")

        def staff_row(index: int) -> QWidget:
            base = f"profile.staff.{index}"
            return cells(
                (TextLine(open_year, f"{base}.name", "类别，如 公务员"), 130),
                (CountField(open_year, f"{base}.establishment"), 60),
                (CountField(open_year, f"{base}.actual"), 60),
                (TextLine(open_year, f"{base}.note", "备注，如 其中雇员8名"), 0),
                (ReviewBadge(open_year, base, whole_item=True), NATURAL),
            )

        staff.add(
            ListEditor(
                open_year,
                "profile.staff",
                staff_row,
                StaffCategory,
                item_name="人员类别",
                compact=True,
                icon_buttons=True,
                header=table_header(("类别", 130), ("编制数", 60), ("在职人数", 60), ("备注", 0)),
            )
        )
        self.column.addWidget(staff)

        sections = Card("内设科室及职责")

        def section_row(index: int) -> QWidget:
            base = f"profile.sections.{index}"
            form = FieldForm(open_year)
            form.line("科室名称", f"{base}.name", "例如：一科")
            form.text("主要职责", f"{base}.duties", "例如：负责文秘、人事劳资……", rows=2)
            return form

        sections.add(ListEditor(open_year, "profile.sections", section_row, Section, item_name="科室", compact=True))
        self.column.addWidget(sections)

        units = Card("下属单位", "下属二级预算单位的性质、编制和职责；没有下属单位可不填。")

        def unit_row(index: int) -> QWidget:
            base = f"profile.subordinate_units.{index}"
            form = FieldForm(open_year)
            form.line("单位名称", f"{base}.name")
            form.line("单位性质", f"{base}.nature", "例如：公益二类正科级事业单位")
            form.count("核定编制", f"{base}.establishment")
            form.count("在职人数", f"{base}.actual")
            form.text("编制说明", f"{base}.note", "在职人数与编制不一致时说明原因", rows=2)
            form.text("主要职责", f"{base}.duties", rows=3)
            return form

        units.add(
            ListEditor(
                open_year,
                "profile.subordinate_units",
                unit_row,
                SubordinateUnit,
                item_name="下属单位",
                numbering=lambda index: f"下属单位 {index + 1}",
            )
        )
        self.column.addWidget(units)

        retirees = Card("离退休人员")
        form = retirees.form(open_year)
        form.count("离退休人员合计", "profile.retirees_total")

        def retiree_row(index: int) -> QWidget:
            base = f"profile.retirees.{index}"
            return cells(
                (TextLine(open_year, f"{base}.origin", "原单位，如 办事处"), 200),
                (CountField(open_year, f"{base}.count"), 80),
                (ReviewBadge(open_year, base, whole_item=True), NATURAL),
                (QWidget(), 0),
            )

        retirees.add(
            ListEditor(
                open_year,
                "profile.retirees",
                retiree_row,
                RetireeGroup,
                item_name="来源单位",
                compact=True,
                icon_buttons=True,
                header=table_header(("原单位", 200), ("人数", 80), ("", 0)),
            )
        )
        self.column.addWidget(retirees)

        notes = Card("补充说明", "以上各项未能涵盖的情况，每段一项。")

        def note_row(index: int) -> QWidget:
            return cells(
                (TextBlock(open_year, f"profile.notes.{index}", rows=2), 0),
                (ReviewBadge(open_year, f"profile.notes.{index}"), NATURAL),
            )

        notes.add(ListEditor(open_year, "profile.notes", note_row, str, item_name="段落", compact=True))
        self.column.addWidget(notes)
