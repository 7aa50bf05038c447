"""Each participant may say which perspective they speak from (never required)."""
from __future__ import annotations

from typing import Any

from sqlmodel import Session, select

from ...models import Participant, Step, Workshop
from ..base import DomainError, StrictSettings


class Settings(StrictSettings):
    pass


def record(db: Session, step: Step, participant: Participant, action: dict) -> None:
    choice = action.get('perspective')
    workshop = db.get(Workshop, participant.workshop_id)
    if not isinstance(choice, str) or (choice and choice not in workshop.perspectives):
        raise DomainError('error.bad_request')
    participant.perspective = choice
    db.add(participant)


def mine(db: Session, step: Step, people: list[Participant]) -> dict[int, dict[str, Any]]:
    return {person.id: {'perspective': person.perspective} for person in people}


def results(db: Session, step: Step, workshop: Workshop) -> dict[str, Any]:
    return {'counts': perspective_counts(db, workshop)}


def perspective_counts(db: Session, workshop: Workshop) -> list[dict[str, Any]]:
    """How many participants speak from each perspective, in the plan's order; '' means not given."""
    given = list(db.exec(select(Participant.perspective).where(Participant.workshop_id == workshop.id)))
    return [{'perspective': name, 'count': given.count(name)} for name in [*workshop.perspectives, '']]
