"""A poll: one or several choices from a list of options."""
from __future__ import annotations

from typing import Any

from pydantic import Field
from sqlmodel import Session, select

from ...models import Answer, Participant, Step, Workshop
from ..base import DomainError, StrictSettings, answers_by_participant, bars, group_of, put_answer, require_int
from ..shapes import Bars


class Settings(StrictSettings):
    options: list[str] = Field(min_length=2, max_length=12)
    multiple: bool = False


def record(db: Session, step: Step, participant: Participant, action: dict) -> None:
    settings = Settings.model_validate(step.settings)
    option = require_int(action, 'option')
    if not 0 <= option < len(settings.options):
        raise DomainError('error.bad_request')
    if not settings.multiple:
        put_answer(db, step, participant, choice=settings.options[option], value=option)
    elif action.get('selected', True):
        put_answer(db, step, participant, slot=option, choice=settings.options[option], value=option)
    else:
        for answer in db.exec(select(Answer).where(Answer.step_id == step.id, Answer.participant_id == participant.id,
                                                   Answer.slot == option)):
            db.delete(answer)


def mine(db: Session, step: Step, people: list[Participant]) -> dict[int, dict[str, Any]]:
    return {person_id: {'selected': [answer.value for answer in given]}
            for person_id, given in answers_by_participant(db, step, people).items()}


def results(db: Session, step: Step, workshop: Workshop) -> Bars:
    settings = Settings.model_validate(step.settings)
    rows = db.exec(select(Answer.participant_id, Answer.choice).where(Answer.step_id == step.id))
    return bars(settings.options, rows, group_of(db, step, workshop), workshop.min_group_size)
