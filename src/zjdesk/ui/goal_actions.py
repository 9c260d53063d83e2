"""Actions of the goals step on the whole goal table: import it from the 一体化 system's .xlsx, export it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from zjdesk.domain.errors import UserError
from zjdesk.domain.goal_table import merge_goal_table
from zjdesk.store import goal_xlsx
from zjdesk.ui import dialogs
from zjdesk.ui.document import Document
from zjdesk.ui.files import write_file_atomically


def goal_table_actions(parent: QWidget, document: Document) -> dict[str, Callable[[], None]]:
    """The handlers of the goals step's import and export buttons."""

    def import_table() -> None:
        source = dialogs.ask_open_document(parent, "导入绩效目标表", dialogs.EXCEL_FILTER, str(document.path.parent))
        if not source:
            return
        bands = document.year.indicator_set.region_rules.qualitative_bands
        try:
            imported = goal_xlsx.read_goal_sheet(source, bands)  # the whole sheet, before anything changes
        except UserError as error:
            dialogs.show_error(parent, "无法导入绩效目标表", str(error))
            return
        summary = document.replace_year(lambda year: merge_goal_table(year, imported))
        added = f"，新增绩效目标 {len(summary.added)} 个（目标文字与已有目标不同）" if summary.added else ""
        dialogs.show_info(
            parent,
            "已导入绩效目标表",
            f"已导入 {summary.rows} 项指标到 {len(summary.updated) + len(summary.added)} 个绩效目标{added}。"
            "请逐项核对指标性质、指标值和实际完成值。",
        )

    def export_table() -> None:
        suggested = str(document.path.with_name(f"{Path(document.path).stem}-绩效目标表.xlsx"))
        target = dialogs.ask_export_path(parent, "导出绩效目标表", suggested, dialogs.EXCEL_FILTER)
        if not target:
            return
        try:
            write_file_atomically(target, goal_xlsx.goal_table_to_xlsx(document.snapshot()))
        except UserError as error:
            dialogs.show_error(parent, "无法导出绩效目标表", str(error))
            return
        dialogs.show_info(parent, "已导出", f"绩效目标表已保存到：\n{target}")

    return {"import": import_table, "export": export_table}
