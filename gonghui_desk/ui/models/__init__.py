"""Table models over ids with lazily fetched rows (never a proxy over all rows)."""
