"""What residents read of a workshop, on the results page and in the participatieverslag: who took part, what
each step came to (its kind's outcome.py), and the municipality's answers. Plain data, read in one go; blocks."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlmodel import Session, select

from . import db
from .feedback import Answer, answers_in
from .models import Card, Step, Workshop
from .steps import kind_of
from .steps.base import perspective_counts
from .steps.outcome import StepOutcome


@dataclass
class Outcomes:
    """What the results page and the participatieverslag show of a workshop."""
    workshop: Workshop
    participants: int
    perspectives: list[tuple[str, int]]  # the groups large enough to name, in the plan's order
    unnamed: int  # participants in no group named: no perspective given, or too small a group
    card_sources: Counter[str]  # cards by where they came from: '' written by a resident, else Card.origin
    steps: list[tuple[Step, StepOutcome]]  # the steps that were opened and have something to report
    answers: dict[int, Answer]  # the municipality's answers by card id
    mine: set[int]  # the (lead) cards the participant wrote or had merged into them


def read(workshop_id: int, participant_id: int | None = None) -> Outcomes:
    """Read in one snapshot, like the workbook: the page, the report and the Verslag sheet tell the same story."""
    with db.snapshot() as session:
        workshop = session.get(Workshop, workshop_id)
        steps = list(session.exec(select(Step).where(Step.workshop_id == workshop_id).order_by(Step.position)))
        counts = perspective_counts(session, workshop)
        cards = list(session.exec(select(Card).where(Card.workshop_id == workshop_id)))
        reported = [(step, found) for step in steps if step.opened_at is not None
                    and (found := outcome_of(session, step, workshop)) is not None]
        given = answers_in(session, workshop_id)
    named = [(name, count) for name, count in counts if name and count >= workshop.min_group_size]
    total = sum(count for _, count in counts)
    return Outcomes(workshop=workshop, participants=total, perspectives=named,
                    unnamed=total - sum(count for _, count in named),
                    card_sources=Counter(card.origin for card in cards), steps=reported, answers=given,
                    mine={card.group_id or card.id for card in cards
                          if participant_id is not None and card.participant_id == participant_id})


def outcome_of(session: Session, step: Step, workshop: Workshop) -> StepOutcome | None:
    kind = kind_of(step.kind)
    return kind.outcome(step, kind.results(session, step, workshop))
