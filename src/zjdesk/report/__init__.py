"""The report: one outline built from the year, and its renderers (.docx, Qt, .xlsx)."""
