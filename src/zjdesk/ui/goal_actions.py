"""Actions of the goals step on the whole goal table: import it from the 一体化 system's .xlsx, export it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from zjdesk.domain.errors import UserError
from zjdesk.domain.goal_table import GoalImportSummary, merge_goal_table
from zjdesk.domain.model import YearData
from zjdesk.ui import dialogs
from zjdesk.ui.open_year import OpenYear


def goal_table_actions(parent: QWidget, open_year: OpenYear) -> dict[str, Callable[[], None]]:
    """The handlers of the goals step's import and export buttons."""

    def import_table() -> None:
        source = dialogs.ask_open_document(parent, "导入绩效目标表", dialogs.EXCEL_FILTER, str(open_year.path.parent))
        if not source:
            return
        bands = open_year.year.indicator_set.region_rules.qualitative_bands
        try:
            from zjdesk.store.goal_xlsx import read_goal_sheet  # openpyxl only when a sheet is read

            imported = read_goal_sheet(source, bands)  # the whole sheet, before anything changes
        except UserError as error:
            dialogs.show_error(parent, "无法导入绩效目标表", str(error))
            return

        def merge(year: YearData) -> GoalImportSummary:
            return merge_goal_table(year, imported)

        summary: GoalImportSummary = open_year.replace_year(merge)
        added = f"，新增绩效目标 {len(summary.added)} 个（目标文字与已有目标不同）" if summary.added else ""
        dialogs.show_info(
            parent,
            "已导入绩效目标表",
            f"已导入 {summary.rows} 项指标到 {len(summary.updated) + len(summary.added)} 个绩效目标{added}。"
            "请逐项核对指标性质、指标值和实际完成值。",
        )

    def export_table() -> None:
        suggested = str(open_year.path.with_name(f"{Path(open_year.path).stem}-绩效目标表.xlsx"))
        target = dialogs.ask_export_path(parent, "导出绩效目标表", suggested, dialogs.EXCEL_FILTER)
        if not target:
            return
        try:
            from zjdesk.store.goal_xlsx import goal_table_to_xlsx
            from zjdesk.store.output_files import write_atomically

            write_atomically(target, goal_table_to_xlsx(open_year.snapshot()))
        except UserError as error:
            dialogs.show_error(parent, "无法导出绩效目标表", str(error))
            return
        dialogs.show_info(parent, "已导出", f"绩效目标表已保存到：\n{target}")

    return {"import": import_table, "export": export_table}
