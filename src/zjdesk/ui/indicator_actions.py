"""Actions on the whole indicator set: import from the finance bureau's .xlsx, export, use the reference set."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from zjdesk.domain.errors import UserError
from zjdesk.domain.model import YearData
from zjdesk.ui import dialogs
from zjdesk.ui.live_score import LiveScore
from zjdesk.ui.open_year import OpenYear


def indicator_set_actions(parent: QWidget, open_year: OpenYear, live_score: LiveScore) -> dict[str, Callable[[], None]]:
    """The handlers of the indicator page's set buttons."""

    def use_reference() -> None:
        if open_year.year.indicator_set.indicators and not dialogs.ask_yes_no(
            parent, "使用参考指标体系", "将用程序自带的参考指标体系替换当前指标体系，已填写的得分和扣分原因将清空。确定吗？"
        ):
            return
        live_score.use_reference_set()

    actions: dict[str, Callable[[], None]] = {"reference": use_reference}

    def import_set() -> None:
        source = dialogs.ask_open_document(parent, "导入指标体系", dialogs.EXCEL_FILTER, str(open_year.path.parent))
        if not source:
            return
        try:
            from zjdesk.store.indicator_xlsx import import_indicator_set  # openpyxl only when a sheet is read

            imported = import_indicator_set(source, open_year.year.indicator_set)
        except UserError as error:
            dialogs.show_error(parent, "无法导入指标体系", str(error))
            return

        def replace(year: YearData) -> None:
            year.indicator_set = imported

        open_year.replace_year(replace)
        dialogs.show_info(parent, "已导入指标体系", f"已导入 {len(imported.indicators)} 项指标。请逐项核对计分方式。")

    def export_set() -> None:
        suggested = str(open_year.path.with_name(f"{Path(open_year.path).stem}-指标体系.xlsx"))
        target = dialogs.ask_export_path(parent, "导出指标体系", suggested, dialogs.EXCEL_FILTER)
        if not target:
            return
        try:
            from zjdesk.store.indicator_xlsx import indicator_set_to_xlsx
            from zjdesk.store.output_files import write_atomically

            write_atomically(target, indicator_set_to_xlsx(open_year.year.indicator_set))
        except UserError as error:
            dialogs.show_error(parent, "无法导出指标体系", str(error))
            return
        dialogs.show_info(parent, "已导出", f"指标体系已保存到：\n{target}")

    actions.update({"import": import_set, "export": export_set})
    return actions
