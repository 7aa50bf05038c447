"""Idea cards: one short text each, with an optional motivation ("Waarom vind ik dit belangrijk?")."""
from __future__ import annotations

from typing import Any

from pydantic import Field
from sqlalchemy import func
from sqlmodel import Session, select

from ...models import Card, Participant, Step, Workshop
from ...text import clean
from ..base import CARD_MAX_LENGTH, MOTIVATION_MAX_LENGTH, DomainError, StrictSettings
from ..cardsource import lead_cards
from ..shapes import CardList


class Settings(StrictSettings):
    motivation: bool = False
    max_per_person: int = Field(default=10, ge=1, le=50)
    max_length: int = Field(default=CARD_MAX_LENGTH, ge=20, le=2000)


def record(db: Session, step: Step, participant: Participant, action: dict) -> None:
    settings = Settings.model_validate(step.settings)
    request_key = str(action.get('request_key') or '')[:64] or None
    if request_key and db.exec(select(Card.id).where(Card.request_key == request_key)).first():
        return  # a resend of a card that is already stored
    if not isinstance(action.get('text'), str) or not isinstance(action.get('motivation', ''), str | None):
        raise DomainError('error.bad_request')  # a forged action: a phone sends text
    text = clean(action.get('text'), max_length=settings.max_length)
    motivation = clean(action.get('motivation'), max_length=MOTIVATION_MAX_LENGTH, required=False) \
        if settings.motivation else ''
    written = db.exec(select(func.count()).select_from(Card).where(
        Card.step_id == step.id, Card.participant_id == participant.id)).one()
    if written >= settings.max_per_person:
        raise DomainError('error.card_limit', max=settings.max_per_person)
    db.add(Card(workshop_id=step.workshop_id, step_id=step.id, participant_id=participant.id, text=text,
                motivation=motivation, request_key=request_key))


def mine(db: Session, step: Step, people: list[Participant]) -> dict[int, dict[str, Any]]:
    written: dict[int, dict[str, Any]] = {person.id: {'cards': []} for person in people}
    for card in db.exec(select(Card).where(Card.step_id == step.id, Card.participant_id.in_(list(written)))
                        .order_by(Card.id)):
        written[card.participant_id]['cards'].append({'id': card.id, 'text': card.text, 'motivation': card.motivation})
    return written


def results(db: Session, step: Step, workshop: Workshop) -> CardList:
    return CardList(lead_cards(db, workshop, step.key))


def card_max_length(step: Step) -> int:
    return Settings.model_validate(step.settings).max_length
