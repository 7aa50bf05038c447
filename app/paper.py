"""Residents without a phone: a table host adds them as paper participants and enters their answers.

A paper participant is a participant like any other (source 'papier', with the helper and the table): their answers
go through the same `record` of the step's kind, in the same transaction checks and under the same UNIQUE
constraints as a phone's, so they count in the same tally and perspective splits. A helper acts only for the paper
participants they added, only on the current open step, and only where the step's kind can be answered on paper.
A stack of paper forms is entered the same way: each form is one new paper participant."""
from __future__ import annotations

import secrets
from typing import Any

from sqlmodel import Session, func, select

from . import db, table_hosts
from . import workshop as workshops
from .models import PAPER, Answer, Card, Participant, Step
from .steps import kind_of
from .steps.base import DomainError

BROWSER_KEY_PREFIX = 'papier-'  # a paper participant has no phone: their browser key is made up, never a cookie


def add_resident(helper_id: int, *, nickname: str = '', perspective: str = '') -> Participant:
    """A new paper participant at this helper's table."""
    with db.reading() as session:
        helper = table_hosts.active(session, helper_id)
    return workshops.enter(helper.workshop_id, BROWSER_KEY_PREFIX + secrets.token_hex(16), nickname=nickname,
                           perspective=perspective, helper_id=helper.id)


def residents(helper_id: int) -> list[Participant]:
    """The paper participants this helper added, in the order they were added."""
    with db.reading() as session:
        return list(session.exec(select(Participant).where(Participant.helper_id == helper_id,
                                                           Participant.source == PAPER).order_by(Participant.id)))


def count(workshop_id: int) -> int:
    """How many of the workshop's participants answer on paper."""
    with db.reading() as session:
        return session.exec(select(func.count()).select_from(Participant)
                            .where(Participant.workshop_id == workshop_id, Participant.source == PAPER)).one()


def resident(helper_id: int, participant_id: int) -> Participant:
    """One of this helper's paper participants; anyone else's is refused."""
    with db.reading() as session:
        return _own(session, helper_id, session.get(Participant, participant_id))


def act_for(helper_id: int, participant_id: int, step_id: int, action: dict[str, Any]) -> dict[str, Any]:
    """Record one answer of a paper participant, entered by their table host; returns what they gave there now."""
    with db.transaction() as session:
        actor = _own(session, helper_id, workshops.lock_participant(session, participant_id))
        _answerable(session, step_id)
        return workshops.record(session, actor, step_id, action)


def remove(helper_id: int, participant_id: int, step_id: int) -> None:
    """Take a paper participant's answers and cards on the current open step away (a form entered wrongly or twice).
    An anonymous form (no nickname) left with nothing on any step is removed with them: it is not counted as present."""
    with db.transaction() as session:
        actor = _own(session, helper_id, workshops.lock_participant(session, participant_id))
        step = _answerable(session, step_id)
        workshops.check_open(session, actor, step)
        given = [*session.exec(select(Answer).where(Answer.participant_id == actor.id)),
                 *session.exec(select(Card).where(Card.participant_id == actor.id))]
        for fact in given:
            if fact.step_id == step.id:
                session.delete(fact)
        if not actor.nickname and all(fact.step_id == step.id for fact in given):
            session.delete(actor)


def _own(session: Session, helper_id: int, participant: Participant | None) -> Participant:
    helper = table_hosts.active(session, helper_id)
    if participant is None or participant.helper_id != helper.id or participant.source != PAPER:
        raise DomainError('paper.not_yours')
    return participant


def _answerable(session: Session, step_id: int) -> Step:
    step = session.get(Step, step_id)
    if step is None:
        raise DomainError('error.bad_request')
    entry = kind_of(step.kind).paper_entry
    if not entry.answers:
        raise DomainError(entry.why_not)
    return step
