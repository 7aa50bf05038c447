"""A workshop's screen_blank: the facilitator blanks the projector screen (B on the console) until B again

Revision ID: 0006_screen_blank
Revises: 0005_paper_tables
Create Date: 2026-12-02
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006_screen_blank'
down_revision: str | None = '0005_paper_tables'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('workshop') as table:
        table.add_column(sa.Column('screen_blank', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('workshop') as table:
        table.drop_column('screen_blank')
