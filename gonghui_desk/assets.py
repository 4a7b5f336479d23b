"""Where the bundled resources (fonts, translations, icons) are.

From a source checkout they sit in ``resources/`` beside the package; an installed wheel
carries them inside the package as ``gonghui_desk/resources/``; a frozen one-folder build
unpacks them under ``sys._MEIPASS``. The first of those that holds the font wins.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from gonghui_desk.errors import UserError

FONT_FILE = "wqy-microhei.ttc"
FONT_FAMILY = "WenQuanYi Micro Hei"


def candidate_roots() -> list[Path]:
    """Places a resources folder may be, most specific first."""
    package = Path(__file__).resolve().parent
    roots = [package / "resources", package.parent / "resources"]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        roots.insert(0, Path(frozen) / "gonghui_desk" / "resources")
    return roots


@cache
def resources_root() -> Path:
    """The resources folder in use; a broken installation is reported, not guessed around."""
    for root in candidate_roots():
        if (root / "fonts" / FONT_FILE).is_file():
            return root
    looked = "、".join(str(r) for r in candidate_roots())
    raise UserError(f"安装不完整：找不到程序资源（字体）。已查找：{looked}。请重新安装工会桌面。")


def font_path() -> Path:
    return resources_root() / "fonts" / FONT_FILE


def translation_path(language: str) -> Path:
    """Compiled Qt translation (``.qm``) for a language code such as ``zh_CN``."""
    return resources_root() / "i18n" / f"gonghui_desk_{language}.qm"


def icon_path(name: str) -> Path:
    return resources_root() / "icons" / name


def help_path(name: str = "") -> Path:
    """The user manual's pages (Markdown) and their screenshots."""
    return resources_root() / "help" / name
