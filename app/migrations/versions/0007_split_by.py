"""A step's results split by perspective or by table: split_by ('', 'perspective' or 'table') replaces the
yes/no split_by_perspective

Revision ID: 0007_split_by
Revises: 0006_screen_blank
Create Date: 2026-12-02

A step that was split stays split, by perspective.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007_split_by'
down_revision: str | None = '0006_screen_blank'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('step') as table:
        table.add_column(sa.Column('split_by', sa.String(length=12), nullable=False, server_default=''))
    op.execute(sa.text("UPDATE step SET split_by = 'perspective' WHERE split_by_perspective"))
    with op.batch_alter_table('step') as table:
        table.drop_column('split_by_perspective')


def downgrade() -> None:
    with op.batch_alter_table('step') as table:
        table.add_column(sa.Column('split_by_perspective', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.execute(sa.text("UPDATE step SET split_by_perspective = (split_by = 'perspective')"))
    with op.batch_alter_table('step') as table:
        table.drop_column('split_by')
