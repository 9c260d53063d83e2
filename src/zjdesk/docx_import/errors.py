"""Errors of the .docx import; each message says in Chinese what is wrong and what to do."""

from __future__ import annotations

from zjdesk.domain.errors import UserError


class DocxImportError(UserError):
    """A Word file that cannot be imported; nothing has been written."""


class DamagedDocxError(DocxImportError):
    """The file is missing, unreadable, not a .docx or damaged."""


class UnsafeDocxError(DocxImportError):
    """The archive is oversized, a zip bomb, or declares a DTD / external entities."""


class NotAReportError(DocxImportError):
    """A readable .docx that is not a 部门整体支出绩效自评报告."""
