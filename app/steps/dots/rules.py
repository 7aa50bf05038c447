"""Dot voting on the cards of an earlier step: a configurable number of dots per participant."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from pydantic import Field
from sqlmodel import Session, select

from ...models import Answer, Card, Participant, Step, Workshop
from ..base import (DomainError, StrictSettings, answers_by_participant, answers_of, bars, group_of,
                    require_int)
from ..cardsource import lead_cards, step_by_key
from ..shapes import Asks, Bars, ShownCard


class Settings(StrictSettings):
    cards_from: str
    dots: int = Field(default=3, ge=1, le=20)
    several_on_one_card: bool = False


@dataclass(frozen=True)
class DotResults:
    votes: Bars  # one bar per card, labelled with the card's id
    cards: tuple[ShownCard, ...]


def asks(db: Session, step: Step, workshop: Workshop) -> Asks:
    return Asks(lead_cards(db, workshop, Settings.model_validate(step.settings).cards_from))


def record(db: Session, step: Step, participant: Participant, action: dict) -> None:
    """Add (`add` true) or take back a dot on a card. The dot's slot (0 … dots-1) is unique per participant
    in the database, so no race can give anyone more dots than the plan allows."""
    settings = Settings.model_validate(step.settings)
    card = db.get(Card, require_int(action, 'card'))
    source = step_by_key(db, db.get(Workshop, step.workshop_id), settings.cards_from)
    if card is None or source is None or card.step_id != source.id or card.hidden or card.group_id is not None:
        raise DomainError('error.bad_request')
    given = answers_of(db, step, participant)
    on_card = [answer for answer in given if answer.card_id == card.id]
    if not action.get('add', True):
        if on_card:
            db.delete(on_card[-1])
        return
    if len(given) >= settings.dots:
        raise DomainError('error.no_dots_left', dots=settings.dots)
    if on_card and not settings.several_on_one_card:
        raise DomainError('error.one_dot_per_card')
    free_slot = min(set(range(settings.dots)) - {answer.slot for answer in given})
    db.add(Answer(step_id=step.id, participant_id=participant.id, slot=free_slot, card_id=card.id, value=1))


def mine(db: Session, step: Step, people: list[Participant]) -> dict[int, dict[str, Any]]:
    dots = Settings.model_validate(step.settings).dots
    return {person_id: {'per_card': dict(Counter(answer.card_id for answer in given)), 'left': dots - len(given)}
            for person_id, given in answers_by_participant(db, step, people).items()}


def results(db: Session, step: Step, workshop: Workshop) -> DotResults:
    cards = asks(db, step, workshop).cards
    rows = db.exec(select(Answer.participant_id, Answer.card_id, Card.group_id)
                   .join(Card, Card.id == Answer.card_id).where(Answer.step_id == step.id))
    facts = [(pid, str(group_id or card_id)) for pid, card_id, group_id in rows]
    return DotResults(votes=bars([str(card.id) for card in cards], facts, group_of(db, step, workshop),
                                 workshop.min_group_size), cards=cards)
