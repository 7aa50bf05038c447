"""An information step: title and text on phone and screen; nothing to answer."""
from __future__ import annotations

from typing import Any

from sqlmodel import Session

from ...models import Participant, Step, Workshop
from ..base import DomainError, StrictSettings


class Settings(StrictSettings):
    pass


def record(db: Session, step: Step, participant: Participant, action: dict) -> None:
    raise DomainError('error.bad_request')


def mine(db: Session, step: Step, people: list[Participant]) -> dict[int, dict[str, Any]]:
    return {person.id: {} for person in people}


def results(db: Session, step: Step, workshop: Workshop) -> dict[str, Any]:
    return {}
