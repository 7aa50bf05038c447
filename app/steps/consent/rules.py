"""Consent (draagvlak): "Kunt u hiermee leven?" ja / ja, maar… / nee, want… — per top idea or once."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import Field
from sqlmodel import Session, select

from ...models import Answer, Participant, Step, Workshop
from ...text import clean
from ..base import DomainError, StrictSettings, answers_by_participant, bars, group_of, put_answer, require_int
from ..cardsource import chosen_cards
from ..shapes import Asks, Bars, ShownCard

ANSWERS = ['ja', 'ja_maar', 'nee_want']
REASON_MAX_LENGTH = 500


class Settings(StrictSettings):
    cards_from: str = ''  # empty: one consent question, the step's title
    ranked_by: str = ''  # a dot-vote step: take its top cards
    top: int = Field(default=3, ge=0, le=20)  # 0: all cards


@dataclass(frozen=True)
class ConsentItem:
    card: ShownCard  # id 0: the step's own question
    votes: Bars


@dataclass(frozen=True)
class ConsentResults:
    items: tuple[ConsentItem, ...]


def asks(db: Session, step: Step, workshop: Workshop) -> Asks:
    """What is asked about: the chosen cards, or the step's own question (id 0)."""
    settings = Settings.model_validate(step.settings)
    if not settings.cards_from:
        return Asks((ShownCard(0, step.title),))
    return Asks(chosen_cards(db, workshop, settings.cards_from, settings.ranked_by, settings.top))


def record(db: Session, step: Step, participant: Participant, action: dict) -> None:
    target = require_int(action, 'card')
    answer = action.get('answer')
    workshop = db.get(Workshop, step.workshop_id)
    if answer not in ANSWERS or target not in {card.id for card in asks(db, step, workshop).cards}:
        raise DomainError('error.bad_request')
    reason = clean(action.get('reason'), max_length=REASON_MAX_LENGTH, required=False)
    put_answer(db, step, participant, target=target, choice=answer, reason=reason, card_id=target or None)


def mine(db: Session, step: Step, people: list[Participant]) -> dict[int, dict[str, Any]]:
    return {person_id: {'answers': {answer.target: {'answer': answer.choice, 'reason': answer.reason}
                                    for answer in given}}
            for person_id, given in answers_by_participant(db, step, people).items()}


def results(db: Session, step: Step, workshop: Workshop) -> ConsentResults:
    groups = group_of(db, step, workshop)
    rows = list(db.exec(select(Answer.participant_id, Answer.target, Answer.choice).where(Answer.step_id == step.id)))
    return ConsentResults(tuple(
        ConsentItem(card, bars(ANSWERS, [(pid, choice) for pid, target, choice in rows if target == card.id],
                               groups, workshop.min_group_size))
        for card in asks(db, step, workshop).cards))
