"""One page per navigation entry; the main window builds each only when first shown."""

from __future__ import annotations

from dataclasses import dataclass

from gonghui_desk.ui.tr import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # English source text, translated in context "Navigation"
    module: str
    class_name: str


PAGES: tuple[PageSpec, ...] = (
    PageSpec("home", QT_TRANSLATE_NOOP("Navigation", "Home"), "home", "HomePage"),
    PageSpec("members", QT_TRANSLATE_NOOP("Navigation", "Members"), "members", "MembersPage"),
    PageSpec(
        "hardship", QT_TRANSLATE_NOOP("Navigation", "Hardship aid"), "hardship", "HardshipPage"
    ),
    PageSpec(
        "recuperation",
        QT_TRANSLATE_NOOP("Navigation", "Recuperation"),
        "recuperation",
        "RecuperationPage",
    ),
    PageSpec(
        "contracts",
        QT_TRANSLATE_NOOP("Navigation", "Collective contracts"),
        "contracts",
        "ContractsPage",
    ),
    PageSpec("reports", QT_TRANSLATE_NOOP("Navigation", "Reports"), "reports", "ReportsPage"),
    PageSpec("settings", QT_TRANSLATE_NOOP("Navigation", "Settings"), "settings", "SettingsPage"),
)
