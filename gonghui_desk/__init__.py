"""工会桌面 — the records of a grassroots trade-union branch on one office PC."""

__version__ = "0.1.0"

APP_NAME = "gonghui-desk"
