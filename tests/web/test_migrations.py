"""The migrations build exactly the schema the models describe, on SQLite and on PostgreSQL."""

from __future__ import annotations

import os
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade
from sqlalchemy import create_engine, inspect, text

from portfolio import create_app
from portfolio.config import TestConfig
from portfolio.extensions import db


def test_upgrade_empty_database_to_head_then_autogenerate_finds_no_difference(tmp_path: Path):
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        # A schema of its own, so the rest of the suite's tables are not touched.
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS migration_check CASCADE"))
            conn.execute(text("CREATE SCHEMA migration_check"))
        engine.dispose()
        options = {"connect_args": {"options": "-csearch_path=migration_check"}, "pool_pre_ping": True}
    else:
        url, options = f"sqlite:///{tmp_path / 'migrated.db'}", {}
    app = create_app({**{k: getattr(TestConfig, k) for k in dir(TestConfig) if k.isupper()},
                      "SQLALCHEMY_DATABASE_URI": url, "SQLALCHEMY_ENGINE_OPTIONS": options})
    with app.app_context():
        upgrade()
        assert "alembic_version" in inspect(db.engine).get_table_names()
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), db.metadata)
        assert diff == []
        db.engine.dispose()
