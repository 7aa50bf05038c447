"""Ordering: the facilitator groups and merges the cards of an earlier step; residents watch."""
from __future__ import annotations

from typing import Any

from sqlmodel import Session

from ...models import Participant, Step, Workshop
from ..base import DomainError, StrictSettings
from ..cardsource import lead_cards


class Settings(StrictSettings):
    cards_from: str


def record(db: Session, step: Step, participant: Participant, action: dict) -> None:
    raise DomainError('error.bad_request')


def mine(db: Session, step: Step, people: list[Participant]) -> dict[int, dict[str, Any]]:
    return {person.id: {} for person in people}


def results(db: Session, step: Step, workshop: Workshop) -> dict[str, Any]:
    cards = lead_cards(db, workshop, Settings.model_validate(step.settings).cards_from)
    return {'count': len(cards), 'cards': cards}
