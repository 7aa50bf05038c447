"""Table hosts (table helper) and where a participant's answers come from: phone or paper, with their table

Revision ID: 0005_paper_tables
Revises: 0004_step_removed_at
Create Date: 2026-12-02

Every participant already there joined with a phone at no table: source 'telefoon', table ''.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005_paper_tables'
down_revision: str | None = '0004_step_removed_at'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'helper',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('workshop_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=40), nullable=False),
        sa.Column('table_name', sa.String(length=40), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['workshop_id'], ['workshop.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_helper_token_hash', 'helper', ['token_hash'], unique=True)
    op.create_index('ix_helper_workshop_id', 'helper', ['workshop_id'], unique=False)
    with op.batch_alter_table('participant') as table:
        table.add_column(sa.Column('source', sa.String(length=10), nullable=False, server_default='telefoon'))
        table.add_column(sa.Column('table_name', sa.String(length=40), nullable=False, server_default=''))
        table.add_column(sa.Column('helper_id', sa.Integer(), nullable=True))
        table.create_index('ix_participant_helper_id', ['helper_id'], unique=False)
        table.create_foreign_key('fk_participant_helper_id', 'helper', ['helper_id'], ['id'], ondelete='SET NULL')


def downgrade() -> None:
    with op.batch_alter_table('participant') as table:
        table.drop_constraint('fk_participant_helper_id', type_='foreignkey')
        table.drop_index('ix_participant_helper_id')
        table.drop_column('helper_id')
        table.drop_column('table_name')
        table.drop_column('source')
    op.drop_table('helper')
