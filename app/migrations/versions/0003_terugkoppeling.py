"""Terugkoppeling: the municipality's answer per card (table response) and the results page's token per workshop

Revision ID: 0003_terugkoppeling
Revises: 0002_card_status
Create Date: 2026-12-02

Existing workshops get no token: feedback.results_token() makes one the first time the link is asked for.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003_terugkoppeling'
down_revision: str | None = '0002_card_status'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('workshop') as workshop:
        workshop.add_column(sa.Column('results_token', sa.String(length=64), nullable=True))
        workshop.create_index('ix_workshop_results_token', ['results_token'], unique=True)

    op.create_table(
        'response',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('workshop_id', sa.Integer(), nullable=False),
        sa.Column('card_id', sa.Integer(), nullable=False),
        sa.Column('decision', sa.String(), nullable=False),
        sa.Column('explanation', sa.String(), nullable=False),
        sa.Column('owner', sa.String(), nullable=False),
        sa.Column('due', sa.String(), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['card_id'], ['card.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['workshop_id'], ['workshop.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('card_id'),
    )
    op.create_index('ix_response_workshop_id', 'response', ['workshop_id'], unique=False)


def downgrade() -> None:
    op.drop_table('response')
    with op.batch_alter_table('workshop') as workshop:
        workshop.drop_index('ix_workshop_results_token')
        workshop.drop_column('results_token')
