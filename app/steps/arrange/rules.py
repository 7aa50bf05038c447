"""Ordering: the facilitator groups and merges the cards of an earlier step; residents watch."""
from __future__ import annotations

from sqlmodel import Session

from ...models import Step, Workshop
from ..base import StrictSettings
from ..cardsource import lead_cards
from ..shapes import CardList


class Settings(StrictSettings):
    cards_from: str


def results(db: Session, step: Step, workshop: Workshop) -> CardList:
    return CardList(lead_cards(db, workshop, Settings.model_validate(step.settings).cards_from))
