"""The one schema. Rules that must hold under concurrency are UNIQUE constraints here."""
from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel


PHONE, PAPER = 'telefoon', 'papier'  # where a participant's answers come from: their own phone, or a paper form


def now() -> datetime:
    return datetime.now(UTC)  # aware UTC: SQLModel stores and returns UTC on every database


class Account(SQLModel, table=True):
    """A facilitator who may sign in; an admin sees every workshop."""
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, index=True, max_length=80)
    password_hash: str
    is_admin: bool = False
    created_at: datetime = Field(default_factory=now)


class Workshop(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, index=True, max_length=12)  # short, typed by residents
    join_token: str = Field(unique=True, index=True, max_length=64)  # in the QR link
    screen_token: str = Field(unique=True, index=True, max_length=64)
    host_token: str = Field(unique=True, index=True, max_length=64)
    results_token: str | None = Field(default=None, unique=True, index=True, max_length=64)  # the residents' results page
    title: str
    question: str = ''
    municipality: str = ''
    place: str = ''
    facilitator: str = ''
    owner_id: int | None = Field(default=None, foreign_key='account.id', index=True)
    plan_name: str = ''
    ladder: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    perspectives: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    min_group_size: int = 3
    status: str = 'draft'  # draft -> open -> ended
    joining_locked: bool = False
    screen_blank: bool = False  # the facilitator blanked the projector screen (B on the console)
    current_step_id: int | None = None
    created_at: datetime = Field(default_factory=now)
    ended_at: datetime | None = None
    previous: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))  # the session this follows up


class Step(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key='workshop.id', index=True, ondelete='CASCADE')
    position: int
    key: str  # referred to by other steps' settings (e.g. dots take their cards from a cards step)
    kind: str
    title: str
    body: str = ''
    settings: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    locked: bool = False
    results_visible: bool = False
    # the results on the screen split into groups: '' (not split), 'perspective' or 'table'
    split_by: str = Field(default='', max_length=12, sa_column_kwargs={'server_default': ''})
    timer_ends_at: datetime | None = None
    opened_at: datetime | None = None
    closed_at: datetime | None = None
    removed_at: datetime | None = None  # taken out of the plan with residents' answers in it: kept, can be put back


class Helper(SQLModel, table=True):
    """A table host: enters the answers of the residents at their table who answer on paper. Reached through a
    secret link of their own, of which only a hash is kept; revoking it closes the helper page."""
    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key='workshop.id', index=True, ondelete='CASCADE')
    name: str = Field(max_length=40)
    table_name: str = Field(max_length=40)  # the table they host, e.g. "Tafel 2"
    token_hash: str = Field(unique=True, index=True, max_length=64)  # sha256 of the secret link's token
    created_at: datetime = Field(default_factory=now)
    revoked_at: datetime | None = None


class Participant(SQLModel, table=True):
    __table_args__ = (UniqueConstraint('workshop_id', 'browser_key'), UniqueConstraint('workshop_id', 'pseudonym'))
    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key='workshop.id', index=True, ondelete='CASCADE')
    browser_key: str = Field(max_length=64)  # the phone's cookie id (a paper resident's: made up): a reload finds them
    pseudonym: str = Field(max_length=16)
    nickname: str = ''
    perspective: str = ''
    joined_at: datetime = Field(default_factory=now)
    source: str = Field(default=PHONE, max_length=10, sa_column_kwargs={'server_default': PHONE})  # or PAPER
    table_name: str = Field(default='', max_length=40, sa_column_kwargs={'server_default': ''})  # '' at no table
    # a paper resident's table host: only they enter this resident's answers
    helper_id: int | None = Field(default=None, foreign_key='helper.id', index=True, ondelete='SET NULL')


class Card(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key='workshop.id', index=True, ondelete='CASCADE')
    step_id: int = Field(foreign_key='step.id', index=True, ondelete='CASCADE')
    participant_id: int | None = Field(default=None, foreign_key='participant.id', ondelete='CASCADE')
    text: str
    motivation: str = ''
    hidden: bool = False
    group_id: int | None = None  # the card this one was merged into
    origin: str = ''  # a facilitator's card: 'plan', 'begeleider' (typed), 'lijst' (Excel list) or 'sessie <code>'
    request_key: str | None = Field(default=None, unique=True, max_length=64)  # a resend is stored once
    status: str = Field(default='', max_length=20, sa_column_kwargs={'server_default': ''})  # a kind's own word
    created_at: datetime = Field(default_factory=now)


class Answer(SQLModel, table=True):
    """One fact given by one participant: a dot, a scale value, a poll choice, a consent answer.

    (step, participant, target, slot) is unique: `target` is the card an answer is about (0 if none),
    `slot` numbers the answers a participant may give there (dot 0, 1, 2…; one per poll option)."""
    __table_args__ = (UniqueConstraint('step_id', 'participant_id', 'target', 'slot'),)
    id: int | None = Field(default=None, primary_key=True)
    step_id: int = Field(foreign_key='step.id', index=True, ondelete='CASCADE')
    participant_id: int = Field(foreign_key='participant.id', index=True, ondelete='CASCADE')
    target: int = 0
    slot: int = 0
    card_id: int | None = Field(default=None, foreign_key='card.id', ondelete='CASCADE')
    value: int | None = None
    choice: str = ''
    reason: str = ''
    created_at: datetime = Field(default_factory=now)


class Response(SQLModel, table=True):
    """The municipality's answer to one card, filled in the workbook and uploaded back; a later upload replaces it."""
    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key='workshop.id', index=True, ondelete='CASCADE')
    card_id: int = Field(foreign_key='card.id', unique=True, ondelete='CASCADE')
    decision: str  # Besluit: one of feedback.DECISIONS
    explanation: str = ''  # Toelichting: why
    owner: str = ''  # Wie pakt het op
    due: str = ''  # Wanneer
    updated_at: datetime = Field(default_factory=now)
