"""The 待复核 badge: a carried-forward or imported field awaits the officer's look, one click confirms it."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from zjdesk.ui.document import Document


class ReviewBadge(QWidget):
    """Shown beside a field while its path is in ``year.review``; 确认 (or editing the field) clears it."""

    def __init__(self, document: Document, path: str, *, whole_item: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.path = path
        self.whole_item = whole_item  # stands for every field of the item at ``path``
        self.setObjectName(f"review:{path}")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.label = QLabel("待复核")
        self.label.setObjectName("reviewLabel")
        self.label.setToolTip("此内容由上年度结转或从往年报告导入，请核对后点“确认”，或直接修改。")
        self.button = QPushButton("确认")
        self.button.setObjectName("reviewConfirm")
        self.button.setToolTip("内容无误，保留现有文字")
        self.button.clicked.connect(self.confirm)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        document.review_changed.connect(self.refresh)
        self.refresh()

    def under_review(self) -> bool:
        if not self.whole_item:
            return self.document.is_under_review(self.path)
        prefix = self.path + "."
        return any(path == self.path or path.startswith(prefix) for path in self.document.year.review)

    def confirm(self) -> None:
        if self.whole_item:
            self.document.confirm_all_reviews(self.path)
        else:
            self.document.confirm_review(self.path)

    def refresh(self) -> None:
        self.setVisible(self.under_review())
