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

# Strings of Qt's own file dialog (used on Linux; Windows shows its native one) that Qt's zh_CN
# translation lacks in this Qt version: without them the dialog says "Look in:" and "Folder".
MISSING_TRANSLATIONS: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    ("QAbstractFileIconProvider", "Folder"): "文件夹",
    ("QAbstractFileIconProvider", "File Folder"): "文件夹",
    ("QAbstractFileIconProvider", "Drive"): "驱动器",
    ("QAbstractFileIconProvider", "Unknown"): "未知",
    ("QAbstractFileIconProvider", "File"): "文件",
    ("QAbstractFileIconProvider", "%1 File"): "%1 文件",
    ("QAbstractFileIconProvider", "Alias"): "快捷方式",
    ("QAbstractFileIconProvider", "Shortcut"): "快捷方式",
}


class SupplementTranslator(QTranslator):
    """Chinese for the few strings of Qt's own dialogs that Qt's translation leaves in English."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        # None is a null string: Qt then asks the next translator (an empty string would end the search).
        return MISSING_TRANSLATIONS.get((context, source))

    def isEmpty(self) -> bool:
        return False


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
    supplement = SupplementTranslator(application)
    application.installTranslator(supplement)  # installed last: asked first, it answers only what Qt's lacks
    _translators.append(supplement)
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
