"""A scale question: each participant picks one whole number, e.g. 1 to 5."""
from __future__ import annotations

from dataclasses import dataclass
from statistics import mean, median
from typing import Any

from pydantic import Field, model_validator
from sqlmodel import Session, select

from ...models import Answer, Participant, Step, Workshop
from ..base import DomainError, StrictSettings, answers_by_participant, bars, group_of, put_answer, require_int
from ..shapes import Bars


class Settings(StrictSettings):
    min: int = Field(default=1, ge=0, le=1)
    max: int = Field(default=5, ge=2, le=10)
    low_label: str = ''
    high_label: str = ''

    @model_validator(mode='after')
    def _ordered(self) -> Settings:
        if self.max <= self.min:
            raise ValueError('max must be larger than min')
        return self

    def values(self) -> list[int]:
        return list(range(self.min, self.max + 1))


def record(db: Session, step: Step, participant: Participant, action: dict) -> None:
    value = require_int(action, 'value')
    if value not in Settings.model_validate(step.settings).values():
        raise DomainError('error.bad_request')
    put_answer(db, step, participant, value=value)


def mine(db: Session, step: Step, people: list[Participant]) -> dict[int, dict[str, Any]]:
    return {person_id: {'value': given[0].value if given else None}
            for person_id, given in answers_by_participant(db, step, people).items()}


@dataclass(frozen=True)
class ScaleResults:
    votes: Bars
    mean: float | None
    median: float | None


def results(db: Session, step: Step, workshop: Workshop) -> ScaleResults:
    settings = Settings.model_validate(step.settings)
    rows = list(db.exec(select(Answer.participant_id, Answer.value).where(Answer.step_id == step.id)))
    values = [value for _, value in rows]
    return ScaleResults(votes=bars([str(value) for value in settings.values()],
                                   [(pid, str(value)) for pid, value in rows],
                                   group_of(db, step, workshop), workshop.min_group_size),
                        mean=round(mean(values), 2) if values else None, median=median(values) if values else None)
