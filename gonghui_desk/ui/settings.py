"""User preferences kept in ``settings.ini`` in the data folder (not in the database)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

LANGUAGES = {"zh_CN": "中文（简体）", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"


class AppSettings:
    """Typed access to the few options the app keeps per user."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._store = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def language(self) -> str:
        value = str(self._store.value("ui/language", DEFAULT_LANGUAGE))
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unknown language {value!r}")
        self._store.setValue("ui/language", value)
        self._store.sync()

    @property
    def officer(self) -> str:
        """The officer who last worked on this PC (remembered per PC, not in the book)."""
        return str(self._store.value("session/officer", "") or "").strip()

    @officer.setter
    def officer(self, name: str) -> None:
        self._store.setValue("session/officer", name.strip())
        self._store.sync()

    @property
    def window_geometry(self) -> QByteArray | None:
        value = self._store.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._store.setValue("window/geometry", value)
        self._store.sync()

    @property
    def member_columns(self) -> list[str] | None:
        """Keys of the members list's visible columns; ``None`` until the user chooses."""
        value = self._store.value("members/columns")
        if isinstance(value, str):
            return [v for v in value.split(",") if v]
        if isinstance(value, list):
            return [str(v) for v in value]
        return None

    @member_columns.setter
    def member_columns(self, keys: list[str]) -> None:
        self._store.setValue("members/columns", ",".join(keys))
        self._store.sync()

    def list_layout(self, key: str) -> QByteArray | None:
        """A list's header as the user left it (widths, order, hidden columns, sorting)."""
        value = self._store.value(f"lists/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_list_layout(self, key: str, state: QByteArray) -> None:
        # Not synced at once: a column dragged wider sends dozens of these; Qt writes the
        # file from its event loop and when the settings close.
        self._store.setValue(f"lists/{key}", state)
