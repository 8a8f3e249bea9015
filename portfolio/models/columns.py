"""Column types shared by the models."""

from datetime import UTC, datetime

from sqlalchemy import JSON, DateTime
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.types import TypeDecorator

#: JSON on SQLite, JSONB on PostgreSQL.
JsonType = JSON().with_variant(JSONB(), "postgresql")
#: JSON kept as text on every database (``json``, not ``jsonb``, on PostgreSQL): for the wide per-project
#: documents an import writes in bulk and pages read whole. Keys are still readable in SQL (``->>``), but
#: nothing searches or compares inside them, and jsonb's parsing on insert was a quarter of storing 20,000
#: projects (PostgreSQL store 9.6 s -> 7.4 s, measured side by side).
JsonText = JSON()


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on every database (SQLite stores naive values, read back as UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


def utcnow() -> datetime:
    return datetime.now(UTC)
