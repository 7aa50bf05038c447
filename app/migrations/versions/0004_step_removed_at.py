"""A step's removed_at: a step taken out of the plan with residents' answers in it is kept, and can be put back

Revision ID: 0004_step_removed_at
Revises: 0003_terugkoppeling
Create Date: 2026-12-02
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004_step_removed_at'
down_revision: str | None = '0003_terugkoppeling'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('step') as table:
        table.add_column(sa.Column('removed_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('step') as table:
        table.drop_column('removed_at')
