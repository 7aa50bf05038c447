"""Each participant may say which perspective they speak from (never required)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, func, select

from ...models import Participant, Step, Workshop
from ..base import DomainError, StrictSettings, perspective_counts


class Settings(StrictSettings):
    pass


@dataclass(frozen=True)
class PerspectiveCount:
    perspective: str  # '' means not given
    count: int


@dataclass(frozen=True)
class PerspectiveResults:
    counts: tuple[PerspectiveCount, ...]


def record(db: Session, step: Step, participant: Participant, action: dict) -> None:
    choice = action.get('perspective')
    workshop = db.get(Workshop, participant.workshop_id)
    if not isinstance(choice, str) or (choice and choice not in workshop.perspectives):
        raise DomainError('error.bad_request')
    participant.perspective = choice
    db.add(participant)


def mine(db: Session, step: Step, people: list[Participant]) -> dict[int, dict[str, Any]]:
    return {person.id: {'perspective': person.perspective} for person in people}


def answered(db: Session, step: Step) -> int:
    return db.exec(select(func.count()).select_from(Participant).where(
        Participant.workshop_id == step.workshop_id, Participant.perspective != '')).one()


def results(db: Session, step: Step, workshop: Workshop) -> PerspectiveResults:
    return PerspectiveResults(tuple(PerspectiveCount(name, count) for name, count in perspective_counts(db, workshop)))
