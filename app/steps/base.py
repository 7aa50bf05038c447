"""What every step kind's rules share: the domain error, answer storage and counting split into groups.
What a kind declares is in kind.py; the shapes its results take are in shapes.py."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlmodel import Session, func, select

from ..models import Answer, Card, Participant, Step, Workshop
from .shapes import Bar, Bars, Group


class DomainError(Exception):
    """A refused action; `key` is the translation key of the message the participant sees."""

    def __init__(self, key: str, **args: object) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


CARD_MAX_LENGTH = 280  # characters of a card, unless its step's settings say otherwise
MOTIVATION_MAX_LENGTH = 1000  # characters of why a card matters


class StrictSettings(BaseModel):
    model_config = ConfigDict(extra='forbid')


def answers_of(db: Session, step: Step, participant: Participant) -> list[Answer]:
    return answers_by_participant(db, step, [participant])[participant.id]


def answers_by_participant(db: Session, step: Step, people: list[Participant]) -> dict[int, list[Answer]]:
    """Each participant's answers on this step (by target, then slot), in one query for all of them."""
    given: dict[int, list[Answer]] = {person.id: [] for person in people}
    for answer in db.exec(select(Answer).where(Answer.step_id == step.id, Answer.participant_id.in_(list(given)))
                          .order_by(Answer.target, Answer.slot)):
        given[answer.participant_id].append(answer)
    return given


def put_answer(db: Session, step: Step, participant: Participant, *, target: int = 0, slot: int = 0,
               **fields: Any) -> Answer:
    """Store or replace the answer at (target, slot): a participant may change their mind while the step is open."""
    answer = db.exec(select(Answer).where(Answer.step_id == step.id, Answer.participant_id == participant.id,
                                          Answer.target == target, Answer.slot == slot)).first()
    if answer is None:
        answer = Answer(step_id=step.id, participant_id=participant.id, target=target, slot=slot)
    for name, value in fields.items():
        setattr(answer, name, value)
    db.add(answer)
    db.flush()
    return answer


INT_RANGE = range(-2 ** 31, 2 ** 31)  # what an integer column holds: PostgreSQL refuses a larger id with an error


def require_int(action: dict, name: str) -> int:
    value = action.get(name)
    if isinstance(value, bool) or not isinstance(value, int) or value not in INT_RANGE:
        raise DomainError('error.bad_request')
    return value


SPLITS = ('perspective', 'table')  # what a step's results can be split by (Step.split_by; '' is not split)


def group_of(db: Session, step: Step, workshop: Workshop) -> dict[int, str]:
    """Each participant's group in the step's results: their table when the step is split by table, else their
    perspective ('' for none: never shown as a group)."""
    column = Participant.table_name if step.split_by == 'table' else Participant.perspective
    rows = db.exec(select(Participant.id, column).where(Participant.workshop_id == workshop.id))
    return {participant_id: group for participant_id, group in rows}


def counted_by_perspective(step: Step) -> Step:
    """The step as the workbook counts it, per perspective, whatever split the screen shows now (a detached copy)."""
    return Step.model_validate({**step.model_dump(), 'split_by': 'perspective'})


def split_groups(facts: list[tuple], groups: dict[int, str],
                 min_group_size: int) -> tuple[list[tuple[str, list[tuple], int]], int]:
    """Facts (participant id first) per group (a perspective or a table), as (group, facts, participants); a group
    smaller than the minimum, or without a name, is never shown: its participants are only counted as hidden."""
    by_group: dict[str, list[tuple]] = {}
    for fact in facts:
        by_group.setdefault(groups.get(fact[0], ''), []).append(fact)
    shown, hidden = [], 0
    for name, group_facts in sorted(by_group.items()):
        size = len({fact[0] for fact in group_facts})
        if name and size >= min_group_size:
            shown.append((name, group_facts, size))
        else:
            hidden += size
    return shown, hidden


def bars(labels: list[str], facts: Iterable[tuple[int, str]], groups: dict[int, str], min_group_size: int) -> Bars:
    """Counts per label, overall and per group large enough to show."""
    facts = list(facts)
    shown, hidden = split_groups(facts, groups, min_group_size)
    return Bars(respondents=len({participant_id for participant_id, _ in facts}), bars=_count(labels, facts),
                groups=tuple(Group(name, size, _count(labels, group_facts)) for name, group_facts, size in shown),
                hidden_respondents=hidden)


def _count(labels: list[str], facts: list[tuple[int, str]]) -> tuple[Bar, ...]:
    counts = Counter(label for _, label in facts)
    return tuple(Bar(label, counts.get(label, 0)) for label in labels)


def answered(db: Session, step: Step) -> int:
    """How many participants gave anything on this step: an answer or a card of their own."""
    answering = select(Answer.participant_id).where(Answer.step_id == step.id)
    writing = select(Card.participant_id).where(Card.step_id == step.id, Card.participant_id.is_not(None))
    return db.exec(select(func.count()).select_from(answering.union(writing).subquery())).one()


def no_record(db: Session, step: Step, participant: Participant, action: dict) -> None:
    """The rule of a kind residents do not answer: every action is refused."""
    raise DomainError('error.bad_request')


def nothing_given(db: Session, step: Step, people: list[Participant]) -> dict[int, dict[str, Any]]:
    return {person.id: {} for person in people}


def perspective_counts(db: Session, workshop: Workshop) -> list[tuple[str, int]]:
    """How many participants speak from each perspective, in the plan's order; '' means not given."""
    given = list(db.exec(select(Participant.perspective).where(Participant.workshop_id == workshop.id)))
    return [(name, given.count(name)) for name in [*workshop.perspectives, '']]
