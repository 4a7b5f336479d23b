"""Pure domain rules and code lists: no Qt, no SQLAlchemy, most tests live here."""
