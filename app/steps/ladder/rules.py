"""The trap van eigenaarschap: each participant puts each chosen card on a rung of the ownership ladder —
where it is now and, when the plan asks for two positions, where it should be.

One placement is one Answer: target = the card, slot 0 = "nu" (or the only position), slot 1 = "gewenst",
value = the rung (0 = bottom, systeemwereld; the last = top, leefwereld)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import Field, model_validator
from sqlmodel import Session, select

from ...models import Answer, Participant, Step, Workshop
from ..base import (DomainError, StrictSettings, answers_by_participant, split_groups, group_of, put_answer,
                    require_int)
from ..cardsource import chosen_cards
from ..shapes import Asks, ShownCard
from .summary import DESIRED, NOW, CardSummary, summarize

POSITIONS = {'nu': NOW, 'gewenst': DESIRED}


class Settings(StrictSettings):
    cards_from: str = ''  # an earlier cards step; empty: the ladder's own cards (plan, typed, Excel list)
    ranked_by: str = ''  # a dot-vote step: take its top cards
    top: int = Field(default=0, ge=0, le=20)  # 0: all cards
    two_positions: bool = False  # ask "nu" and "gewenst" for each card

    @model_validator(mode='after')
    def _ranked_cards_come_from_a_step(self) -> Settings:
        if self.ranked_by and not self.cards_from:
            raise ValueError('ranked_by needs cards_from: a dot vote ranks the cards of the step it voted on')
        return self

    def positions(self) -> list[str]:
        return list(POSITIONS) if self.two_positions else ['nu']


@dataclass(frozen=True)
class LadderCard:
    card: ShownCard
    summary: CardSummary


@dataclass(frozen=True)
class LadderGroup:
    name: str  # a perspective, or a table when the step is split by table
    respondents: int
    cards: dict[int, CardSummary]  # by card id


@dataclass(frozen=True)
class LadderResults:
    rungs: tuple[str, ...]
    two_positions: bool
    respondents: int
    placements: int
    cards: tuple[LadderCard, ...]
    groups: tuple[LadderGroup, ...]
    hidden_respondents: int


def card_source(step: Step) -> str:
    """A ladder places the cards of the step its settings name, or its own (plan, typed, Excel list)."""
    return step.settings.get('cards_from') or step.key


def asks(db: Session, step: Step, workshop: Workshop) -> Asks:
    """The cards to place, read once per database session: a placement checks them and then counts the
    participant's progress against them, and ranking by dots takes four queries."""
    key = ('ladder cards', step.id)
    if key not in db.info:
        settings = Settings.model_validate(step.settings)
        db.info[key] = Asks(chosen_cards(db, workshop, card_source(step), settings.ranked_by, settings.top))
    return db.info[key]


def record(db: Session, step: Step, participant: Participant, action: dict) -> None:
    """Place a card on a rung (`rung` 0…), or take the placement back (`rung` None)."""
    settings = Settings.model_validate(step.settings)
    workshop = db.get(Workshop, step.workshop_id)
    card_id = require_int(action, 'card')
    position = action.get('position', 'nu')
    if position not in settings.positions() or card_id not in {card.id for card in asks(db, step, workshop).cards}:
        raise DomainError('error.bad_request')
    if action.get('rung') is None:
        for answer in db.exec(select(Answer).where(Answer.step_id == step.id, Answer.participant_id == participant.id,
                                                   Answer.target == card_id, Answer.slot == POSITIONS[position])):
            db.delete(answer)
        return
    rung = require_int(action, 'rung')
    if not 0 <= rung < len(workshop.ladder):
        raise DomainError('error.bad_request')
    put_answer(db, step, participant, target=card_id, slot=POSITIONS[position], value=rung, card_id=card_id)


def mine(db: Session, step: Step, people: list[Participant]) -> dict[int, dict[str, Any]]:
    positions = set(Settings.model_validate(step.settings).positions())
    cards = asks(db, step, db.get(Workshop, step.workshop_id)).cards  # once for the whole room: it ranks by dots
    names = {slot: name for name, slot in POSITIONS.items()}

    def of(given: list[Answer]) -> dict[str, Any]:
        placements: dict[int, dict[str, int]] = {}
        for answer in given:
            placements.setdefault(answer.target, {})[names[answer.slot]] = answer.value
        placed = sum(1 for card in cards if positions <= set(placements.get(card.id, {})))
        return {'placements': placements, 'placed': placed, 'total': len(cards)}

    return {person_id: of(given) for person_id, given in answers_by_participant(db, step, people).items()}


def results(db: Session, step: Step, workshop: Workshop) -> LadderResults:
    """Per card: counts per rung, medians, gap and spread, overall and per group large enough."""
    settings = Settings.model_validate(step.settings)
    cards = asks(db, step, workshop).cards
    card_ids = [card.id for card in cards]
    rows = list(db.exec(select(Answer.participant_id, Answer.target, Answer.slot, Answer.value)
                        .where(Answer.step_id == step.id, Answer.target.in_(card_ids))))
    rungs = len(workshop.ladder)

    def summaries(facts: list[tuple[int, int, int, int]]) -> dict[int, CardSummary]:
        placed = summarize([(card_id, slot, rung) for _, card_id, slot, rung in facts], rungs, card_ids)
        return {summary.card_id: summary for summary in placed}

    groups, hidden = split_groups(rows, group_of(db, step, workshop), workshop.min_group_size)
    overall = summaries(rows)
    return LadderResults(
        rungs=tuple(rung['label'] for rung in workshop.ladder), two_positions=settings.two_positions,
        respondents=len({participant_id for participant_id, *_ in rows}), placements=len(rows),
        cards=tuple(LadderCard(card, overall[card.id]) for card in cards),
        groups=tuple(LadderGroup(name, size, summaries(facts)) for name, facts, size in groups),
        hidden_respondents=hidden)
