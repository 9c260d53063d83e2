"""Step 1 封面与基本信息: the cover block and the finance bureau's notice the report answers."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from zjdesk.ui.pages.base import StepPage
from zjdesk.ui.widgets.fields import TextBlock
from zjdesk.ui.widgets.form import Card
from zjdesk.ui.widgets.list_editor import ListEditor


class CoverPage(StepPage):
    intro = "报告封面上的单位、年度和日期，以及本次自评所依据的市财政局通知。开头段落由这些内容自动生成。"

    def build(self) -> None:
        if self.open_year.year.unplaced:
            self.column.addWidget(self._unplaced())
        cover = Card("封面")
        form = cover.form(self.open_year)
        form.line("评价单位", "cover.unit_name", "单位全称，例如：湛江市人民政府驻广州办事处")
        form.count("评价年度", "cover.evaluation_year", "年度")
        form.date("填报日期", "cover.fill_date")
        form.line("附件编号", "cover.attachment_number", "通知附件中的编号，例如 6（显示为“附件6”）")
        self.column.addWidget(cover)

        notice = Card("自评通知", "报告开头写明依据的通知：“根据《通知名称》（文号）文件要求……”。")
        form = notice.form(self.open_year)
        form.line("通知名称", "cover.notice_title", "例如：湛江市财政局关于开展2025年市级财政资金绩效自评工作的通知")
        form.line("文号", "cover.notice_number", "例如：湛财绩〔2025〕2号")
        form.text("开头段落正文", "cover.opening_text", rows=3)
        self.column.addWidget(notice)

        signoff = Card("评分表签署栏", "评分表末尾的签署栏：填报日期取封面的填报日期，单位（盖章）取评价单位。")
        form = signoff.form(self.open_year)
        form.line("填表人", "cover.preparer", "姓名")
        form.line("联系电话", "cover.preparer_phone", "例如：0759-3123456")
        form.line("单位负责人", "cover.unit_head", "姓名（打印后本人签字）")
        self.column.addWidget(signoff)

    def _unplaced(self) -> Card:
        """未识别内容: paragraphs of an imported report that no part of the form could take."""
        open_year = self.open_year
        card = Card(
            "未识别内容（从往年报告导入）",
            "以下段落未能自动归入报告的某一部分。请把需要的内容复制到相应步骤的栏目中，然后删除该段；全部处理完后此栏消失。",
        )

        def row(index: int) -> QWidget:
            return TextBlock(open_year, f"unplaced.{index}", rows=2)

        card.add(
            ListEditor(
                open_year,
                "unplaced",
                row,
                str,
                item_name="段落",
                numbering=lambda index: f"{index + 1}.",
                compact=True,
                can_add=False,
            )
        )
        card.setObjectName("unplacedCard")
        return card
