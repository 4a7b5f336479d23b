"""The bundled CJK font, registered at start-up so no page depends on system fonts."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from gonghui_desk.assets import FONT_FAMILY, font_path
from gonghui_desk.errors import UserError

UI_POINT_SIZE = 10


def register_bundled_font(app: QApplication) -> str:
    """Add WenQuanYi Micro Hei and make it the application font; returns the family."""
    path = font_path()
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        raise UserError(f"无法加载程序自带的中文字体 {path}，请重新安装工会桌面。")
    families = QFontDatabase.applicationFontFamilies(font_id)
    family = FONT_FAMILY if FONT_FAMILY in families else families[0]
    app.setFont(QFont(family, UI_POINT_SIZE))
    return family
