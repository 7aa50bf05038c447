"""Baseline: the schema as it stood when Alembic came in (app/models.py of that commit)

Revision ID: 0001_baseline
Revises:
Create Date: 2026-12-02

A database made before Alembic has exactly these tables; db.configure() stamps it with this revision instead of
running it. Plain SQLAlchemy types, so the baseline keeps meaning the same when SQLModel's types change.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0001_baseline'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'account',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=80), nullable=False),
        sa.Column('password_hash', sa.String(), nullable=False),
        sa.Column('is_admin', sa.Boolean(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_account_name', 'account', ['name'], unique=True)

    op.create_table(
        'workshop',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('code', sa.String(length=12), nullable=False),
        sa.Column('join_token', sa.String(length=64), nullable=False),
        sa.Column('screen_token', sa.String(length=64), nullable=False),
        sa.Column('host_token', sa.String(length=64), nullable=False),
        sa.Column('title', sa.String(), nullable=False),
        sa.Column('question', sa.String(), nullable=False),
        sa.Column('municipality', sa.String(), nullable=False),
        sa.Column('place', sa.String(), nullable=False),
        sa.Column('facilitator', sa.String(), nullable=False),
        sa.Column('owner_id', sa.Integer(), nullable=True),
        sa.Column('plan_name', sa.String(), nullable=False),
        sa.Column('ladder', sa.JSON(), nullable=True),
        sa.Column('perspectives', sa.JSON(), nullable=True),
        sa.Column('min_group_size', sa.Integer(), nullable=False),
        sa.Column('status', sa.String(), nullable=False),
        sa.Column('joining_locked', sa.Boolean(), nullable=False),
        sa.Column('current_step_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('previous', sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(['owner_id'], ['account.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_workshop_code', 'workshop', ['code'], unique=True)
    op.create_index('ix_workshop_host_token', 'workshop', ['host_token'], unique=True)
    op.create_index('ix_workshop_join_token', 'workshop', ['join_token'], unique=True)
    op.create_index('ix_workshop_owner_id', 'workshop', ['owner_id'], unique=False)
    op.create_index('ix_workshop_screen_token', 'workshop', ['screen_token'], unique=True)

    op.create_table(
        'participant',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('workshop_id', sa.Integer(), nullable=False),
        sa.Column('browser_key', sa.String(length=64), nullable=False),
        sa.Column('pseudonym', sa.String(length=16), nullable=False),
        sa.Column('nickname', sa.String(), nullable=False),
        sa.Column('perspective', sa.String(), nullable=False),
        sa.Column('joined_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['workshop_id'], ['workshop.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('workshop_id', 'browser_key'),
        sa.UniqueConstraint('workshop_id', 'pseudonym'),
    )
    op.create_index('ix_participant_workshop_id', 'participant', ['workshop_id'], unique=False)

    op.create_table(
        'step',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('workshop_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(), nullable=False),
        sa.Column('kind', sa.String(), nullable=False),
        sa.Column('title', sa.String(), nullable=False),
        sa.Column('body', sa.String(), nullable=False),
        sa.Column('settings', sa.JSON(), nullable=True),
        sa.Column('locked', sa.Boolean(), nullable=False),
        sa.Column('results_visible', sa.Boolean(), nullable=False),
        sa.Column('split_by_perspective', sa.Boolean(), nullable=False),
        sa.Column('timer_ends_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('opened_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['workshop_id'], ['workshop.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_step_workshop_id', 'step', ['workshop_id'], unique=False)

    op.create_table(
        'card',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('workshop_id', sa.Integer(), nullable=False),
        sa.Column('step_id', sa.Integer(), nullable=False),
        sa.Column('participant_id', sa.Integer(), nullable=True),
        sa.Column('text', sa.String(), nullable=False),
        sa.Column('motivation', sa.String(), nullable=False),
        sa.Column('hidden', sa.Boolean(), nullable=False),
        sa.Column('group_id', sa.Integer(), nullable=True),
        sa.Column('origin', sa.String(), nullable=False),
        sa.Column('request_key', sa.String(length=64), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['step_id'], ['step.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['workshop_id'], ['workshop.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('request_key'),
    )
    op.create_index('ix_card_step_id', 'card', ['step_id'], unique=False)
    op.create_index('ix_card_workshop_id', 'card', ['workshop_id'], unique=False)

    op.create_table(
        'answer',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('step_id', sa.Integer(), nullable=False),
        sa.Column('participant_id', sa.Integer(), nullable=False),
        sa.Column('target', sa.Integer(), nullable=False),
        sa.Column('slot', sa.Integer(), nullable=False),
        sa.Column('card_id', sa.Integer(), nullable=True),
        sa.Column('value', sa.Integer(), nullable=True),
        sa.Column('choice', sa.String(), nullable=False),
        sa.Column('reason', sa.String(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['card_id'], ['card.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['step_id'], ['step.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('step_id', 'participant_id', 'target', 'slot'),
    )
    op.create_index('ix_answer_participant_id', 'answer', ['participant_id'], unique=False)
    op.create_index('ix_answer_step_id', 'answer', ['step_id'], unique=False)


def downgrade() -> None:
    for table in ('answer', 'card', 'step', 'participant', 'workshop', 'account'):
        op.drop_table(table)  # its indexes go with it
