"""Every question the program asks the officer, as small functions tests can replace.

Pages and controllers call ``dialogs.ask_…`` through the module (never ``from … import``), so a
test can ``monkeypatch.setattr(dialogs, "ask_open_year_file", …)`` and no modal dialog blocks it. Qt's dialog
classes are imported by the function that shows one, so starting the program does not pay for them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from zjdesk.store.log_notes import WARNING, note

YEAR_FILE_FILTER = "zjdesk 年度文件 (*.zjd)"
WORD_FILTER = "Word 文档 (*.docx)"
EXCEL_FILTER = "Excel 工作簿 (*.xlsx)"
PDF_FILTER = "PDF 文件 (*.pdf)"


if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """Tell the officer something went wrong and what to do (the message says both)."""
    from PySide6.QtWidgets import QMessageBox

    note("zjdesk.ui", "message shown: %s", title, level=WARNING)  # the title only: messages quote entries

    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
    box.button(QMessageBox.StandardButton.Ok).setText("知道了")
    box.exec()


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    """A short notice (an export finished)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, title, message, QMessageBox.StandardButton.Ok, parent)
    box.button(QMessageBox.StandardButton.Ok).setText("好")
    box.exec()


def show_crash(parent: QWidget | None, title: str, message: str, log_folder: Path) -> None:
    """After an unexpected error: what happened and where the log is, with a button that opens its folder."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, title, message, QMessageBox.StandardButton.Ok, parent)
    box.button(QMessageBox.StandardButton.Ok).setText("知道了")
    folder_button = box.addButton("打开日志文件夹", QMessageBox.ButtonRole.ActionRole)
    box.exec()
    if box.clickedButton() is folder_button:
        log_folder.mkdir(parents=True, exist_ok=True)
        open_folder(parent, str(log_folder))


def show_about(parent: QWidget | None) -> None:
    """帮助 → 关于: version, build and folders for support, and the licences (see AboutDialog)."""
    from zjdesk.ui.about_dialog import AboutDialog

    AboutDialog(parent).exec()


def ask_yes_no(parent: QWidget | None, title: str, question: str) -> bool:
    """A yes/no question; True when the officer confirms."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.NoButton, parent)
    yes = box.addButton("确定", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is yes


def ask_export_despite_findings(parent: QWidget | None, action: str, findings: list[Any]) -> Any:
    """Before a final export: the open yellow findings, each a click away. True: go ahead; None: cancel;
    a finding: the officer clicked it (the caller shows its field)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

    from zjdesk.domain.checks import CHECK_NAMES
    from zjdesk.domain.steps import step_for_path

    dialog = QDialog(parent)
    dialog.setObjectName("yellowFindingsDialog")
    dialog.setWindowTitle(f"{action}前请核对")
    layout = QVBoxLayout(dialog)
    intro = QLabel(
        f"还有 {len(findings)} 项黄色问题未核对，{action}后会原样出现在正式文件中。"
        "点击一项即转到该处修改；如已核对无误，可以继续。"
    )
    intro.setWordWrap(True)
    layout.addWidget(intro)
    listing = QListWidget()
    listing.setObjectName("yellowFindings")
    listing.setWordWrap(True)
    listing.setSpacing(3)
    for finding in findings:
        step = step_for_path(finding.path or "").title
        item = QListWidgetItem(f"【{CHECK_NAMES.get(finding.check, finding.check)}·{step}】{finding.message}")
        item.setData(Qt.ItemDataRole.UserRole, finding)
        listing.addItem(item)
    layout.addWidget(listing, 1)
    chosen: list[Any] = []

    def go_there(item: QListWidgetItem) -> None:
        chosen.append(item.data(Qt.ItemDataRole.UserRole))
        dialog.done(2)

    listing.itemClicked.connect(go_there)
    buttons = QDialogButtonBox()
    go_ahead = buttons.addButton(f"核对无误，继续{action}", QDialogButtonBox.ButtonRole.AcceptRole)
    go_ahead.setObjectName("yellowFindings.continue")
    buttons.addButton("返回修改", QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(640, 420)
    result = dialog.exec()
    if chosen:
        return chosen[0]
    return True if result == QDialog.DialogCode.Accepted else None


def ask_open_year_file(parent: QWidget | None, folder: str = "") -> str | None:
    """The year file to open, or None."""
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getOpenFileName(parent, "打开年度文件", folder, f"{YEAR_FILE_FILTER};;所有文件 (*)")
    return path or None


def ask_save_year_file(parent: QWidget | None, suggested: str) -> str | None:
    """Where to create a new year file, or None."""
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getSaveFileName(parent, "新年度文件保存到", suggested, YEAR_FILE_FILTER)
    if path and not path.lower().endswith(".zjd"):
        path += ".zjd"
    return path or None


def ask_open_document(parent: QWidget | None, title: str, file_filter: str, folder: str = "") -> str | None:
    """A document to read (last year's Word report, an indicator table), or None."""
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getOpenFileName(parent, title, folder, file_filter)
    return path or None


def ask_export_path(parent: QWidget | None, title: str, suggested: str, file_filter: str) -> str | None:
    """Where to write an export, or None; the suffix of the filter is added when missing."""
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    if not path:
        return None
    suffix = file_filter[file_filter.find("*.") + 1 : file_filter.find(")")]
    if suffix and not path.lower().endswith(suffix):
        path += suffix
    return path


def ask_folder(parent: QWidget | None, title: str, folder: str) -> str | None:
    """A folder to write into, or None."""
    from PySide6.QtWidgets import QFileDialog

    path = QFileDialog.getExistingDirectory(parent, title, folder)
    return path or None


def ask_new_year_details(
    parent: QWidget | None,
    unit_name: str = "",
    year: int = 0,
    folder: str = "",
    *,
    mode: str = "new",
    year_note: str = "",
    found: list[str] | None = None,
) -> tuple[str, int, str] | None:
    """Unit name, evaluation year and file path for a new year file, or None (see NewYearDialog).

    ``mode`` is ``new``, ``carry`` (the year is shown, not chosen) or ``import`` (the report's year is
    shown with ``year_note`` saying where it was read; a year of 0 is asked for). ``found`` lists what
    an import recognised.
    """
    from zjdesk.ui.new_year_dialog import NewYearDialog

    dialog = NewYearDialog(
        parent,
        unit_name=unit_name,
        year=year,
        folder=folder or str(Path.home()),
        mode=mode,
        year_note=year_note,
        found=found,
    )
    if dialog.exec():
        return dialog.result_values()
    return None


def ask_after_import(parent: QWidget | None, message: str, next_year: int) -> bool:
    """After an import: carry the imported year forward to ``next_year`` now (the default)? True for yes."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, "已导入往年报告", message, QMessageBox.StandardButton.NoButton, parent)
    carry = box.addButton(f"结转为{next_year}年度", QMessageBox.ButtonRole.AcceptRole)
    carry.setObjectName("afterImport.carry")
    box.addButton(f"先打开{next_year - 1}年度核对", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(carry)
    box.exec()
    return box.clickedButton() is carry


def ask_confirm_all(parent: QWidget | None, title: str, question: str, items: list[str], remaining: list[str]) -> bool:
    """全部确认: ``items`` (what will be confirmed) and ``remaining`` (what stays to fix one by one), listed."""
    from zjdesk.ui.confirm_dialog import ConfirmAllDialog

    return bool(ConfirmAllDialog(parent, title, question, items, remaining).exec())


def open_folder(parent: QWidget | None, folder: str) -> None:
    """Show ``folder`` in the file manager (Explorer); a folder that went away is said so in Chinese."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    if not Path(folder).is_dir() or not QDesktopServices.openUrl(QUrl.fromLocalFile(folder)):
        show_error(parent, "无法打开文件夹", f"无法打开文件夹“{folder}”：它可能已被移走或删除。")


def ask_print(parent: QWidget | None, printer: QPrinter) -> bool:
    """The system print dialog on ``printer``; True when the officer chose 打印."""
    from PySide6.QtPrintSupport import QPrintDialog

    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("打印报告")
    return bool(dialog.exec())


def show_print_preview(parent: QWidget | None, printer: QPrinter, paint: Callable[[QPrinter], None]) -> None:
    """Qt's print preview of ``printer``; ``paint(printer)`` draws the pages (the printer must stay referenced)."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    from zjdesk.ui.screen_fit import fit_dialog

    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle("打印预览")
    dialog.paintRequested.connect(paint)
    fit_dialog(dialog, 1000, 800)  # within the screen: a 768-pixel laptop is smaller than 1000×800
    dialog.exec()
