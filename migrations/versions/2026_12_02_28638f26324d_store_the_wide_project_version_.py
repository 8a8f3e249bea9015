"""store the wide project-version documents as json text

PostgreSQL only: jsonb -> json for the five per-project documents an import writes in bulk and pages read
whole (portfolio.models.columns.JsonText). SQLite already keeps JSON as text: nothing to do there.

Revision ID: 28638f26324d
Revises: 6cafe967de70
Create Date: 2026-12-02 16:27:07.421014

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '28638f26324d'
down_revision = '6cafe967de70'
branch_labels = None
depends_on = None

COLUMNS = ("fields", "extras", "budget_lines", "flags", "assessment")


def _retype(target: str) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for column in COLUMNS:
        op.execute(
            f'ALTER TABLE project_version ALTER COLUMN "{column}" TYPE {target} USING "{column}"::text::{target}'
        )


def upgrade():
    _retype("json")


def downgrade():
    _retype("jsonb")
