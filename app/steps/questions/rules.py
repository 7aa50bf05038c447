"""Questions with upvotes: residents ask questions or make remarks, and give a vote to the questions of others that
they also want answered. The facilitator may approve a question before anyone sees it, hide it, or mark it answered.

A question is a Card of this step; its `status` says where it stands: WAITING (approve_first: shown to nobody but
its author until approved), SHOWN, or ANSWERED. A vote is an Answer with the question's card as target and slot 0,
so the database holds at most one vote per participant per question."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import Field
from sqlalchemy import func
from sqlmodel import Session, select

from ... import changes
from ...models import Answer, Card, Participant, Step, Workshop
from ...text import clean
from ..base import DomainError, StrictSettings, answers_by_participant, require_int
from ..shapes import Asks, ShownCard

WAITING = 'wacht'  # approve_first: waits for the facilitator
SHOWN = ''
ANSWERED = 'beantwoord'
MODERATION = {'show': SHOWN, 'answered': ANSWERED}  # a facilitator's action -> the question's new status


class Settings(StrictSettings):
    max_per_person: int = Field(default=3, ge=1, le=20)
    max_length: int = Field(default=200, ge=20, le=500)
    approve_first: bool = False


@dataclass(frozen=True)
class Question:
    id: int
    text: str
    votes: int
    answered: bool
    merged: tuple[str, ...] = ()


@dataclass(frozen=True)
class QuestionResults:
    questions: tuple[Question, ...]  # the shown and answered questions, most votes first
    waiting: tuple[ShownCard, ...]  # waiting for approval: for the facilitator's console only, never the screen
    voters: int  # participants who gave at least one vote


def _lead_cards(db: Session, step: Step) -> list[tuple[Card, tuple[str, ...]]]:
    """The step's visible questions that were not merged into another, each with the texts merged into it."""
    cards = list(db.exec(select(Card).where(Card.step_id == step.id, Card.hidden == False)  # noqa: E712
                         .order_by(Card.id)))
    merged: dict[int, list[str]] = {card.id: [] for card in cards if card.group_id is None}
    for card in cards:
        if card.group_id in merged:
            merged[card.group_id].append(card.text)
    return [(card, tuple(merged[card.id])) for card in cards if card.group_id is None]


def _open_for_votes(card: Card | None, step: Step) -> bool:
    return (card is not None and card.step_id == step.id and not card.hidden and card.group_id is None
            and card.status == SHOWN)


def asks(db: Session, step: Step, workshop: Workshop) -> Asks:
    """The questions phones may vote on: shown, not answered yet. Never a count."""
    return Asks(tuple(ShownCard(card.id, card.text, merged=merged) for card, merged in _lead_cards(db, step)
                      if card.status == SHOWN))


def record(db: Session, step: Step, participant: Participant, action: dict) -> None:
    """Ask a question ({'text', 'request_key'}) or give or take back a vote ({'card', 'add'})."""
    if 'text' in action:
        _ask(db, step, participant, action)
    else:
        _vote(db, step, participant, action)


def _ask(db: Session, step: Step, participant: Participant, action: dict) -> None:
    settings = Settings.model_validate(step.settings)
    request_key = str(action.get('request_key') or '')[:64] or None
    if request_key and db.exec(select(Card.id).where(Card.request_key == request_key)).first():
        return  # a resend of a question that is already stored
    if not isinstance(action['text'], str):
        raise DomainError('error.bad_request')  # a forged action: a phone sends text
    text = clean(action['text'], max_length=settings.max_length)
    asked = db.exec(select(func.count()).select_from(Card).where(
        Card.step_id == step.id, Card.participant_id == participant.id)).one()
    if asked >= settings.max_per_person:  # safe: act() holds the participant's lock
        raise DomainError('questions.limit', max=settings.max_per_person)
    db.add(Card(workshop_id=step.workshop_id, step_id=step.id, participant_id=participant.id, text=text,
                request_key=request_key, status=WAITING if settings.approve_first else SHOWN))
    if not settings.approve_first:
        # A resident's new card marks only the step's results, but here the other phones show it to vote on:
        # say that what phones are asked about changed (see the report: the core could know this from the kind).
        changes.mark(db, changes.Mark(step.workshop_id, changes.STATE))


def _vote(db: Session, step: Step, participant: Participant, action: dict) -> None:
    card = db.get(Card, require_int(action, 'card'))
    add = action.get('add', True)
    if not _open_for_votes(card, step) or not isinstance(add, bool):
        raise DomainError('error.bad_request')
    if card.participant_id == participant.id:
        raise DomainError('questions.own')
    given = db.exec(select(Answer).where(Answer.step_id == step.id, Answer.participant_id == participant.id,
                                         Answer.target == card.id, Answer.slot == 0)).first()
    if add and given is None:
        db.add(Answer(step_id=step.id, participant_id=participant.id, target=card.id, slot=0, card_id=card.id,
                      value=1))
    elif not add and given is not None:
        db.delete(given)


def mine(db: Session, step: Step, people: list[Participant]) -> dict[int, dict[str, Any]]:
    """Each person's own questions with where they stand, and the questions they voted for."""
    given: dict[int, dict[str, Any]] = {
        person_id: {'own': [], 'voted': [answer.card_id for answer in answers]}
        for person_id, answers in answers_by_participant(db, step, people).items()}
    for card in db.exec(select(Card).where(Card.step_id == step.id, Card.participant_id.in_(list(given)))
                        .order_by(Card.id)):
        given[card.participant_id]['own'].append({'id': card.id, 'text': card.text, 'state': _state(card)})
    return given


def _state(card: Card) -> str:
    if card.hidden:
        return 'hidden'
    if card.group_id is not None:
        return 'merged'
    return {WAITING: 'waiting', ANSWERED: 'answered'}.get(card.status, 'shown')


def results(db: Session, step: Step, workshop: Workshop) -> QuestionResults:
    rows = db.exec(select(Answer.participant_id, Answer.card_id, Card.group_id)
                   .join(Card, Card.id == Answer.card_id).where(Answer.step_id == step.id))
    voters: dict[int, set[int]] = {}  # a vote on a question merged later counts for the question it went into
    for participant_id, card_id, group_id in rows:
        voters.setdefault(group_id or card_id, set()).add(participant_id)
    leads = _lead_cards(db, step)
    questions = [Question(card.id, card.text, len(voters.get(card.id, ())), card.status == ANSWERED, merged)
                 for card, merged in leads if card.status != WAITING]
    questions.sort(key=lambda question: (-question.votes, question.id))
    return QuestionResults(questions=tuple(questions),
                           waiting=tuple(ShownCard(card.id, card.text) for card, _ in leads if card.status == WAITING),
                           voters=len(set().union(*voters.values())))


def moderate(db: Session, step: Step, action: dict) -> None:
    """The facilitator approves a waiting question or takes back "answered" ({'card', 'do': 'show'}), or marks it
    answered ({'card', 'do': 'answered'}). Hiding and merging are the console's card moderation."""
    card = db.get(Card, require_int(action, 'card'))
    status = MODERATION.get(action.get('do')) if isinstance(action.get('do'), str) else None
    if card is None or card.step_id != step.id or status is None:
        raise DomainError('error.bad_request')
    card.status = status


def card_max_length(step: Step) -> int:
    return Settings.model_validate(step.settings).max_length
