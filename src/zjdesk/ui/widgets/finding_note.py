"""The findings on a field, shown under it: a coloured dot, the message, and the fix or 确认无误 button.

A page places notes under its fields, rows, lists and grids; :class:`zjdesk.ui.field_marks.FieldMarks`
hands each note the findings on the paths it speaks for, after every check.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from zjdesk.domain.checks_base import Finding
from zjdesk.ui.finding_kinds import SEVERITY_COLOURS, SEVERITY_NAMES, kind_of
from zjdesk.ui.widgets.layouts import clear_layout
from zjdesk.ui.widgets.review import set_shown

FindingAction = Callable[[Finding], None]


class FindingNote(QFrame):
    """The findings on the fields at ``paths`` (or under them); hidden while there are none."""

    def __init__(self, *paths: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths  # an empty tuple: the page's own note, for findings no field of the page shows
        self.setObjectName("findingNote")
        self.lines = QVBoxLayout(self)
        self.lines.setContentsMargins(8, 4, 8, 4)
        self.lines.setSpacing(4)
        self.findings: list[Finding] = []
        self._keys: list[tuple[str, str, str, bool]] = []
        set_shown(self, False)

    def covers(self, path: str) -> int:
        """How closely this note speaks for ``path``: the length of its matching path (0: not at all)."""
        best = 0
        for own in self.paths:
            if path == own or path.startswith(own + "."):
                best = max(best, len(own) + 1)
        return best

    def show_findings(self, findings: list[Finding], fix: FindingAction, acknowledge: FindingAction, *, readonly: bool) -> None:
        """Show ``findings`` (the same as the panel lists them), with their buttons unless ``readonly``."""
        keys = [(item.check, item.path, item.message, item.fix is not None) for item in findings]
        if keys == self._keys:
            self.findings = findings
            return
        self._keys = keys
        self.findings = findings
        clear_layout(self.lines)
        for finding in findings:
            self.lines.addWidget(self._line(finding, fix, acknowledge, readonly))
        set_shown(self, bool(findings))

    def _line(self, finding: Finding, fix: FindingAction, acknowledge: FindingAction, readonly: bool) -> QWidget:
        kind = kind_of(finding)
        line = QWidget()
        line.setObjectName("findingLine")
        line.setProperty("kind", kind)
        layout = QHBoxLayout(line)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        dot = QLabel("●")
        dot.setObjectName("findingDot")
        dot.setStyleSheet(f"color: {SEVERITY_COLOURS[kind]};")
        dot.setToolTip(SEVERITY_NAMES[kind])
        layout.addWidget(dot, 0, Qt.AlignmentFlag.AlignTop)
        message = QLabel(finding.message)
        message.setObjectName("findingMessage")
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(message, 1)
        if not readonly and finding.fix is not None:
            button = QPushButton(finding.fix.label or "自动修正")
            button.setObjectName("findingFix")
            button.setProperty("tool", True)
            button.clicked.connect(lambda _checked=False, item=finding: fix(item))
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        if not readonly and finding.acknowledgeable and kind != "todo":  # a to-do is done by filling it in
            button = QPushButton("确认无误")
            button.setObjectName("findingAcknowledge")
            button.setProperty("tool", True)
            button.setToolTip("已核对，此提示不再显示（确认记录保存在年度文件中）")
            button.clicked.connect(lambda _checked=False, item=finding: acknowledge(item))
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return line
