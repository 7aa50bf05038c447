"""Punten verdelen: each participant divides a budget of points over the cards of an earlier step, or over the
step's own options. More points is more important.

One item's points are one Answer: target = the card's id (or the option's number, from 1), slot 0, value = the
points. Setting an item's points replaces them, 0 takes them away. The sum of one participant's points never goes
over the budget: record() checks it under the lock workshop.act() holds on the participant, and the UNIQUE
(step, participant, target, slot) keeps one row per item."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import Field, StringConstraints, model_validator
from sqlmodel import Session, select

from ...models import Answer, Card, Participant, Step, Workshop
from ..base import (CARD_MAX_LENGTH, DomainError, StrictSettings, answers_by_participant, answers_of,
                    split_groups, group_of, put_answer, require_int)
from ..cardsource import chosen_cards
from ..shapes import Asks, ShownCard

Option = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=CARD_MAX_LENGTH)]


class Settings(StrictSettings):
    budget: int = Field(default=100, ge=1, le=1000)  # the points each participant divides
    cards_from: str = ''  # an earlier cards step; empty: the options below
    ranked_by: str = ''  # a dot-vote step: take its top cards
    top: int = Field(default=0, ge=0, le=20)  # 0: all cards
    options: list[Option] = Field(default_factory=list, max_length=20)  # used when cards_from is empty

    @model_validator(mode='after')
    def _cards_or_options(self) -> Settings:
        if not self.cards_from and len(self.options) < 2:
            raise ValueError('give cards_from (an earlier cards step) or at least two options')
        if self.ranked_by and not self.cards_from:
            raise ValueError('ranked_by needs cards_from: a dot vote ranks the cards of the step it voted on')
        return self


@dataclass(frozen=True)
class ItemPoints:
    card: ShownCard  # an option is a card with its number (from 1) as id
    total: int
    mean: float  # per participant who gave any points on this step, one decimal
    share: float  # percent of all points given, one decimal


@dataclass(frozen=True)
class PointsGroup:
    name: str  # a perspective, or a table when the step is split by table
    respondents: int
    points: int
    items: tuple[ItemPoints, ...]  # in the order of the overall items


@dataclass(frozen=True)
class PointsResults:
    budget: int
    respondents: int  # participants who gave any points
    points: int  # all points given
    items: tuple[ItemPoints, ...]  # most points first
    groups: tuple[PointsGroup, ...]
    hidden_respondents: int


def asks(db: Session, step: Step, workshop: Workshop) -> Asks:
    """The items to divide the points over: the chosen cards, or the options numbered from 1."""
    settings = Settings.model_validate(step.settings)
    if settings.cards_from:
        return Asks(chosen_cards(db, workshop, settings.cards_from, settings.ranked_by, settings.top))
    return Asks(tuple(ShownCard(number, text) for number, text in enumerate(settings.options, start=1)))


def record(db: Session, step: Step, participant: Participant, action: dict) -> None:
    """Give an item (`card`) this many `points` (a whole number from 0; 0 takes its points away)."""
    settings = Settings.model_validate(step.settings)
    target = require_int(action, 'card')
    items = {card.id: card for card in asks(db, step, db.get(Workshop, step.workshop_id)).cards}
    if target not in items:
        raise DomainError('error.bad_request')
    points = action.get('points')
    if isinstance(points, bool) or not isinstance(points, int) or points < 0:
        raise DomainError('points.error.whole_number', budget=settings.budget)
    given = answers_of(db, step, participant)
    here = sum(answer.value for answer in given if answer.target == target)
    left = settings.budget - sum(answer.value for answer in given)
    if points - here > left:
        if left <= 0:
            raise DomainError('points.error.none_left', budget=settings.budget)
        raise DomainError('points.error.over_budget', count=left, most=here + left)
    if points == 0:
        for answer in given:
            if answer.target == target:
                db.delete(answer)
        return
    put_answer(db, step, participant, target=target, value=points,
               card_id=target if settings.cards_from else None,
               choice='' if settings.cards_from else items[target].text)


def mine(db: Session, step: Step, people: list[Participant]) -> dict[int, dict[str, Any]]:
    budget = Settings.model_validate(step.settings).budget
    return {person_id: {'points': {answer.target: answer.value for answer in given},
                        'left': budget - sum(answer.value for answer in given), 'budget': budget}
            for person_id, given in answers_by_participant(db, step, people).items()}


def results(db: Session, step: Step, workshop: Workshop) -> PointsResults:
    """Per item the total, the mean per participant who gave points and the share of all points; the same per
    group large enough to show."""
    settings = Settings.model_validate(step.settings)
    cards = asks(db, step, workshop).cards
    facts = _allocations(db, step, bool(settings.cards_from), {card.id for card in cards})
    overall = _items(cards, facts)
    order = {item.card.id: index for index, item in enumerate(sorted(overall, key=lambda item: -item.total))}
    groups, hidden = split_groups(facts, group_of(db, step, workshop), workshop.min_group_size)

    def ranked(items: list[ItemPoints]) -> tuple[ItemPoints, ...]:
        return tuple(sorted(items, key=lambda item: order[item.card.id]))

    return PointsResults(
        budget=settings.budget, respondents=len({participant_id for participant_id, _, _ in facts}),
        points=sum(points for _, _, points in facts), items=ranked(overall),
        groups=tuple(PointsGroup(name, size, sum(points for _, _, points in group_facts),
                                 ranked(_items(cards, group_facts)))
                     for name, group_facts, size in groups),
        hidden_respondents=hidden)


def _allocations(db: Session, step: Step, on_cards: bool, shown: set[int]) -> list[tuple[int, int, int]]:
    """(participant, item, points) on the items shown; points on a card merged later count for its lead card."""
    if on_cards:
        rows = db.exec(select(Answer.participant_id, Answer.card_id, Card.group_id, Answer.value)
                       .join(Card, Card.id == Answer.card_id).where(Answer.step_id == step.id))
        facts = [(participant_id, group_id or card_id, points) for participant_id, card_id, group_id, points in rows]
    else:
        facts = list(db.exec(select(Answer.participant_id, Answer.target, Answer.value)
                             .where(Answer.step_id == step.id)))
    return [(participant_id, item, points) for participant_id, item, points in facts if item in shown]


def _items(cards: tuple[ShownCard, ...], facts: list[tuple[int, int, int]]) -> list[ItemPoints]:
    people = len({participant_id for participant_id, _, _ in facts})
    everything = sum(points for _, _, points in facts)
    totals = {card.id: 0 for card in cards}
    for _, item, points in facts:
        totals[item] += points
    return [ItemPoints(card, totals[card.id], round(totals[card.id] / people, 1) if people else 0.0,
                       round(totals[card.id] * 100 / everything, 1) if everything else 0.0) for card in cards]


def step_size(budget: int) -> int:
    """What one tap on + or − adds or takes: a round number near a twentieth of the budget (5 of 100)."""
    return max([size for size in (1, 2, 5, 10, 20, 50) if size * 20 <= budget], default=1)
