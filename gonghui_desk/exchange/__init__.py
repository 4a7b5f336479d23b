"""Spreadsheet exports and imports; no Qt here (STYLE.md: exchange knows no UI)."""
