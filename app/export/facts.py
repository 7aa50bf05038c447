"""Everything the workbook shows, read in one snapshot of the database, with the lookups every sheet needs."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import select

from .. import db, feedback
from ..config import settings
from ..models import Answer, Card, Participant, Step, Workshop
from ..steps import kind_of
from ..steps.base import counted_by_perspective
from ..steps.kind import Kind


@dataclass
class Facts:
    """Everything the workbook shows, read in one snapshot: every sheet agrees, even while phones vote."""
    workshop: Workshop
    steps: list[Step]
    participants: list[Participant]
    cards: list[Card]
    answers: list[Answer]
    responses: dict[int, feedback.Answer]  # the municipality's answer per card id
    results: dict[int, Any] = field(default_factory=dict)  # step id -> its kind's results, from the same snapshot

    def __post_init__(self) -> None:
        self.zone = ZoneInfo(settings().timezone)
        self.step_number = {step.id: number for number, step in enumerate(self.steps, start=1)}
        self.step_of = {step.id: step for step in self.steps}
        self.participant = {person.id: person for person in self.participants}
        self.pseudonym = {person.id: person.pseudonym for person in self.participants}
        self.card_text = {card.id: card.text for card in self.cards}
        room = Counter(person.perspective for person in self.participants)
        self.perspective = {person.id: person.perspective if room[person.perspective] >= self.workshop.min_group_size
                            else '' for person in self.participants}

    def local(self, moment: datetime | None) -> datetime | None:
        """A stored (UTC) moment as naive local time in the municipality's time zone."""
        if moment is None:
            return None
        aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        return aware.astimezone(self.zone).replace(tzinfo=None)

    def kind(self, step_id: int) -> Kind:
        return kind_of(self.step_of[step_id].kind)

    def answers_where(self, wanted: Callable[[Kind], bool]) -> list[Answer]:
        """The answers on steps whose kind is `wanted`."""
        return [answer for answer in self.answers if wanted(self.kind(answer.step_id))]


def read(workshop_id: int) -> Facts:
    with db.snapshot() as session:
        workshop = session.get(Workshop, workshop_id)
        if workshop is None:
            raise LookupError(f'no workshop {workshop_id}')
        steps = list(session.exec(select(Step).where(Step.workshop_id == workshop_id).order_by(Step.position)))
        return Facts(
            workshop=workshop, steps=steps,
            participants=list(session.exec(select(Participant).where(Participant.workshop_id == workshop_id)
                                           .order_by(Participant.joined_at, Participant.id))),
            cards=list(session.exec(select(Card).where(Card.workshop_id == workshop_id).order_by(Card.id))),
            answers=list(session.exec(select(Answer).join(Step, Step.id == Answer.step_id)
                                      .where(Step.workshop_id == workshop_id)
                                      .order_by(Step.position, Answer.created_at, Answer.id))),
            responses=feedback.answers_in(session, workshop_id),
            results={step.id: kind_of(step.kind).results(session, counted_by_perspective(step), workshop)
                     for step in steps})
