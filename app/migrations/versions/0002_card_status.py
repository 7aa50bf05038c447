"""A card's status: a step kind's own word for where a card stands (a question waiting for approval, answered)

Revision ID: 0002_card_status
Revises: 0001_baseline
Create Date: 2026-12-02
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002_card_status'
down_revision: str | None = '0001_baseline'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('card') as table:
        table.add_column(sa.Column('status', sa.String(length=20), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('card') as table:
        table.drop_column('status')
