"""Helpers for the desktop program's tests: typing Chinese, finding fields, a program with its own settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

from zjdesk.ui import dialogs
from zjdesk.ui.program import Program


def type_chinese(widget: QWidget, text: str, *, replace: bool = True) -> None:
    """Type ``text`` as an input method commits it (qtbot.keyClicks cannot type Chinese)."""
    widget.setFocus()
    if replace and isinstance(widget, (QLineEdit, QPlainTextEdit)):
        widget.selectAll()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def field(window: QWidget, path: str) -> QWidget:
    """The input widget of ``path`` in ``window`` (its objectName is the dotted path)."""
    widget = window.findChild(QWidget, path)
    assert widget is not None, f"no field {path}"
    return widget


def make_program(tmp_path: Path) -> Program:
    """A program whose recent-files list lives in ``tmp_path``, not in the user's settings."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return Program(settings)


class DialogRecorder:
    """Stands in for the dialogs module's questions; records what would have been shown."""

    def __init__(self, monkeypatch) -> None:
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.answers: dict[str, object] = {}
        monkeypatch.setattr(dialogs, "show_error", lambda _parent, title, message: self.errors.append((title, message)))
        monkeypatch.setattr(dialogs, "show_info", lambda _parent, title, message: self.infos.append((title, message)))
        self.crashes: list[tuple[str, str]] = []
        monkeypatch.setattr(dialogs, "show_crash", lambda _parent, title, message, _folder: self.crashes.append((title, message)))
        self.questions: list[tuple[str, str]] = []
        monkeypatch.setattr(dialogs, "ask_yes_no", self._yes_no)
        self.findings_shown: list[list[object]] = []  # the yellow findings listed before each final export
        monkeypatch.setattr(dialogs, "ask_export_despite_findings", self._despite_findings)
        # 全部确认's list: (question, what it confirms, what it leaves standing)
        self.confirmations: list[tuple[str, list[str], list[str]]] = []
        monkeypatch.setattr(dialogs, "ask_confirm_all", self._confirm_all)
        self.after_import: list[tuple[str, int]] = []
        monkeypatch.setattr(dialogs, "ask_after_import", self._after_import)
        self.opened_folders: list[str] = []
        monkeypatch.setattr(dialogs, "open_folder", lambda _parent, folder: self.opened_folders.append(folder))
        for name in (
            "ask_open_year_file",
            "ask_save_year_file",
            "ask_open_document",
            "ask_export_path",
            "ask_folder",
            "ask_new_year_details",
        ):
            monkeypatch.setattr(dialogs, name, self._answer(name))

    def _yes_no(self, _parent, title: str, question: str) -> bool:
        self.questions.append((title, question))
        return bool(self.answers.get("yes_no", True))

    def _despite_findings(self, _parent, _action: str, findings: list[object]) -> object:
        """Go ahead (True), cancel (None) or a finding the officer clicked, as ``answers["findings"]`` says."""
        self.findings_shown.append(list(findings))
        answer = self.answers.get("findings", True)
        return answer(findings) if callable(answer) else answer

    def _confirm_all(self, _parent, _title: str, question: str, items: list[str], remaining: list[str]) -> bool:
        self.confirmations.append((question, items, remaining))
        return bool(self.answers.get("confirm_all", self.answers.get("yes_no", True)))

    def _after_import(self, _parent, message: str, next_year: int) -> bool:
        self.after_import.append((message, next_year))
        return bool(self.answers.get("carry_after_import", False))

    def _answer(self, name: str):
        def answer(*_args, **_kwargs):
            value = self.answers.get(name)
            return value(*_args, **_kwargs) if callable(value) else value

        return answer
