"""Woordwolk: each participant gives up to N short answers; the room sees them as a cloud, sized by how often.

An answer is counted by its key (case-folded, trimmed, inner whitespace collapsed, NFC) and shown in the first
spelling the room gave. Each answer is one Answer row: its `slot` (0 … N-1, the first free one, as dots do) is unique
per participant in the database, so no burst of taps gives anyone more than N; `choice` holds the answer as typed
(cleaned), from which the key follows (not `reason`: the Stemmen sheet writes that as the participant's reason, and
the key is the Keuze column there). A participant cannot give the same key twice: checked in the same transaction,
under the lock `workshop.act` takes on the participant (one UNIQUE slot cannot also say "not the same word").

A hidden answer is one facilitator's Card of this step (participant None, hidden, status 'verborgen') whose text is
the answer: one row per hidden key, so an answer given after it was hidden stays hidden too, and showing it again
deletes that row. The Kaarten sheet lists it as a hidden card the facilitator made."""
from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Any

from pydantic import Field
from sqlmodel import Session, select

from ...models import Answer, Card, Participant, Step, Workshop
from ...text import TextError, clean
from ..base import DomainError, StrictSettings, answers_by_participant, answers_of, bars, group_of
from ..shapes import Bars

HIDDEN = 'verborgen'  # the status of a card that hides an answer
MODERATOR = 'begeleider'  # its origin: the facilitator made it


class Settings(StrictSettings):
    answers: int = Field(default=3, ge=1, le=10)  # per participant
    max_length: int = Field(default=40, ge=5, le=80)  # characters of one answer


@dataclass(frozen=True)
class Word:
    id: str  # of the first Answer that gave it: its label in `counts`, never the resident's text
    key: str  # what is counted
    text: str  # the first spelling given
    count: int  # how many participants gave it


@dataclass(frozen=True)
class CloudResults:
    words: tuple[Word, ...]  # the answers shown, the most given first
    hidden: tuple[Word, ...]  # the answers the facilitator hid: never on the screen
    counts: Bars  # of the shown answers (labelled with their ids), overall and per perspective group
    respondents: int  # everyone who gave an answer, also a hidden one
    answers: int  # every answer given, hidden ones too


def key_of(text: str) -> str:
    """What an answer counts as: 'Huiskamer', ' huiskamer ' and 'HUISKAMER' are one answer."""
    return unicodedata.normalize('NFC', ' '.join(text.casefold().split()))


def record(db: Session, step: Step, participant: Participant, action: dict) -> None:
    """Give an answer ({'text': …}) or take one back ({'take_back': the answer}). Taking back what is not there
    is harmless: a resend after a lost connection."""
    settings = Settings.model_validate(step.settings)
    given = answers_of(db, step, participant)
    if isinstance(action.get('take_back'), str):
        key = key_of(action['take_back'])
        for answer in given:
            if key_of(answer.choice) == key:
                db.delete(answer)
        return
    if not isinstance(action.get('text'), str):
        raise DomainError('error.bad_request')  # a forged action: a phone sends text
    text = ' '.join(clean(action['text'], max_length=settings.max_length, multiline=False).split())
    if not text:  # only spaces that clean() keeps, such as no-break spaces
        raise TextError('error.text_empty')
    if key_of(text) in {key_of(answer.choice) for answer in given}:
        raise DomainError('wordcloud.already_given', text=text)
    free = sorted(set(range(settings.answers)) - {answer.slot for answer in given})
    if not free:
        raise DomainError('wordcloud.no_answers_left', count=settings.answers)
    db.add(Answer(step_id=step.id, participant_id=participant.id, slot=free[0], choice=text))


def moderate(db: Session, step: Step, action: dict) -> None:
    """Hide an answer from the screen ({'text': …, 'hidden': True}) or show it again (hidden False)."""
    if not isinstance(action.get('text'), str) or not isinstance(action.get('hidden'), bool):
        raise DomainError('error.bad_request')
    key = key_of(action['text'])
    cards = [card for card in _hiding_cards(db, step) if key_of(card.text) == key]
    if not action['hidden']:
        for card in cards:
            db.delete(card)
        return
    given = next((answer.choice for answer in _answers(db, step) if key_of(answer.choice) == key), None)
    if given is None:
        raise DomainError('error.bad_request')  # nobody gave it: nothing to hide
    if not cards:
        db.add(Card(workshop_id=step.workshop_id, step_id=step.id, text=given, hidden=True, status=HIDDEN,
                    origin=MODERATOR))


def mine(db: Session, step: Step, people: list[Participant]) -> dict[int, dict[str, Any]]:
    allowed = Settings.model_validate(step.settings).answers
    return {person_id: {'answers': [answer.choice for answer in sorted(given, key=lambda answer: answer.id)],
                        'left': max(allowed - len(given), 0)}
            for person_id, given in answers_by_participant(db, step, people).items()}


def results(db: Session, step: Step, workshop: Workshop) -> CloudResults:
    answers = [(answer, key_of(answer.choice)) for answer in _answers(db, step)]
    hidden = {key_of(card.text) for card in _hiding_cards(db, step)}
    first: dict[str, Answer] = {}
    for answer, key in answers:  # in the order given: the first spelling is the one shown
        first.setdefault(key, answer)
    counts = Counter(key for _, key in answers)
    words = sorted((Word(str(first[key].id), key, first[key].choice, count) for key, count in counts.items()),
                   key=lambda word: -word.count)  # stable: equal counts keep the order they were first given
    shown = [word for word in words if word.key not in hidden]
    facts = [(answer.participant_id, str(first[key].id)) for answer, key in answers if key not in hidden]
    return CloudResults(words=tuple(shown), hidden=tuple(word for word in words if word.key in hidden),
                        counts=bars([word.id for word in shown], facts, group_of(db, step, workshop),
                                    workshop.min_group_size),
                        respondents=len({answer.participant_id for answer, _ in answers}), answers=len(answers))


def _answers(db: Session, step: Step) -> list[Answer]:
    return list(db.exec(select(Answer).where(Answer.step_id == step.id).order_by(Answer.id)))


def _hiding_cards(db: Session, step: Step) -> list[Card]:
    return list(db.exec(select(Card).where(Card.step_id == step.id, Card.participant_id.is_(None),
                                           Card.status == HIDDEN)))
