"""Translations: source strings are English, Simplified Chinese is the default.

Qt's own translation (qtbase) is older than the Qt we ship for a few texts: Qt 6 labels the
file dialog "&Look in:" and "Files of &type:" (with their keyboard accelerators), while
qtbase_zh_CN.qm still translates "Look in:" and "Files of type:", so those two labels stayed
English. Ours carries them and is installed last, so it is asked first.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from gonghui_desk.assets import translation_path
from gonghui_desk.errors import UserError
from gonghui_desk.ui.tr import QT_TRANSLATE_NOOP

# Qt's texts that qtbase_zh_CN.qm misses, translated in our .ts under Qt's own context.
QT_TEXTS_MISSING_FROM_QTBASE = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Install ours and Qt's own (dialog buttons) for ``language``; keep the result alive."""
    installed: list[QTranslator] = []
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return installed
    QLocale.setDefault(QLocale(language))
    ours = QTranslator(app)
    path = translation_path(language)
    if not ours.load(str(path)):
        raise UserError(f"安装不完整：缺少界面翻译文件 {path}，请重新安装工会桌面。")
    qt_own = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for translator in (qt_own, ours):
        if translator is qt_own and not translator.load(f"qtbase_{language}", qt_dir):
            continue
        app.installTranslator(translator)
        installed.append(translator)
    return installed
