"""Persistence: models, engine set-up, migrations. Knows SQLAlchemy, never Qt."""
