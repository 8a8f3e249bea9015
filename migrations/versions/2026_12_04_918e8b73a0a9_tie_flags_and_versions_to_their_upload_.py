"""Tie flags and versions to their upload's organisation with one key each

A flag had three foreign keys (version, upload, organisation) and a version two (upload, organisation): each
checked on its own for every row an import writes, and none tied the copies of upload and organisation to
the row they came from. Now a flag has one key, (version, upload, organisation) -> project_version, and a
version one, (upload, organisation) -> upload, each backed by a unique constraint on the referred columns.
Deleting an organisation, upload or version still removes what hangs from it.

Revision ID: 918e8b73a0a9
Revises: 28638f26324d
Create Date: 2026-12-04 03:57:14.976654

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '918e8b73a0a9'
down_revision = '28638f26324d'
branch_labels = None
depends_on = None


def upgrade():
    # What the new keys refer to comes first.
    with op.batch_alter_table('upload', schema=None) as batch_op:
        batch_op.create_unique_constraint(batch_op.f('uq_upload_id'), ['id', 'organisation_id'])

    with op.batch_alter_table('project_version', schema=None) as batch_op:
        batch_op.create_unique_constraint(batch_op.f('uq_project_version_id'), ['id', 'upload_id', 'organisation_id'])
        batch_op.drop_constraint(batch_op.f('fk_project_version_organisation_id_organisation'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_project_version_upload_id_upload'), type_='foreignkey')
        batch_op.create_foreign_key(batch_op.f('fk_project_version_upload_id_upload'), 'upload', ['upload_id', 'organisation_id'], ['id', 'organisation_id'], ondelete='CASCADE')

    with op.batch_alter_table('project_flag', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_project_flag_project_version_id_project_version'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_project_flag_upload_id_upload'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_project_flag_organisation_id_organisation'), type_='foreignkey')
        batch_op.create_foreign_key(batch_op.f('fk_project_flag_project_version_id_project_version'), 'project_version', ['project_version_id', 'upload_id', 'organisation_id'], ['id', 'upload_id', 'organisation_id'], ondelete='CASCADE')


def downgrade():
    with op.batch_alter_table('project_flag', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_project_flag_project_version_id_project_version'), type_='foreignkey')
        batch_op.create_foreign_key(batch_op.f('fk_project_flag_organisation_id_organisation'), 'organisation', ['organisation_id'], ['id'], ondelete='CASCADE')
        batch_op.create_foreign_key(batch_op.f('fk_project_flag_upload_id_upload'), 'upload', ['upload_id'], ['id'], ondelete='CASCADE')
        batch_op.create_foreign_key(batch_op.f('fk_project_flag_project_version_id_project_version'), 'project_version', ['project_version_id'], ['id'], ondelete='CASCADE')

    with op.batch_alter_table('project_version', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_project_version_upload_id_upload'), type_='foreignkey')
        batch_op.create_foreign_key(batch_op.f('fk_project_version_upload_id_upload'), 'upload', ['upload_id'], ['id'], ondelete='CASCADE')
        batch_op.create_foreign_key(batch_op.f('fk_project_version_organisation_id_organisation'), 'organisation', ['organisation_id'], ['id'], ondelete='CASCADE')
        batch_op.drop_constraint(batch_op.f('uq_project_version_id'), type_='unique')

    with op.batch_alter_table('upload', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_upload_id'), type_='unique')
