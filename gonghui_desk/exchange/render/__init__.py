"""Renderers that turn any form document into a file: PDF (reportlab) and .xlsx (openpyxl)."""
