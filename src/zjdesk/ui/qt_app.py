"""The QApplication: one per process, Chinese throughout."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

UI_FONT_FAMILIES = [
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
]

_translators: list[QTranslator] = []


def application() -> QApplication:
    """The running QApplication (the program always has one; see :func:`ensure_application`)."""
    instance = QApplication.instance()
    assert isinstance(instance, QApplication)
    return instance


def ensure_application() -> QApplication:
    """The running QApplication, created with Chinese translations and a Chinese UI font if needed."""
    application = QApplication.instance()
    if isinstance(application, QApplication):
        return application
    if application is not None:  # a QGuiApplication (e.g. made for printing): widgets cannot be built on it
        raise RuntimeError("a QGuiApplication exists already: create the QApplication first (ensure_application)")
    application = QApplication([])
    application.setApplicationName("zjdesk")
    application.setOrganizationName("zjdesk")
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translator = QTranslator(application)
    if translator.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        application.installTranslator(translator)
        _translators.append(translator)
    font = QFont()
    font.setFamilies(UI_FONT_FAMILIES)
    font.setPointSize(10)
    application.setFont(font)
    _set_window_icon(application)
    application.setStyle("Fusion")  # the same look on every Windows version, and under tests
    from zjdesk.ui.style import STYLE_SHEET, arrow_rules

    application.setStyleSheet(STYLE_SHEET + arrow_rules())
    return application


def _set_window_icon(application: QApplication) -> None:
    """The program's icon on every window, when the resources carry one."""
    from PySide6.QtGui import QIcon

    from zjdesk.resources import resources_dir

    icon = resources_dir() / "icons" / "zjdesk.png"
    if icon.is_file():
        application.setWindowIcon(QIcon(str(icon)))
