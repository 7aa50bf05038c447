"""Preparing a workshop before it opens: its plan as a plan file's `Plan` (to save and share), another plan loaded
in its place, and the plan's own fields (title, question, perspectives, ladder) edited. The steps themselves are
edited, added and moved with the rules in workshop.py, as in the console.

Every function here is one short transaction and blocks: pages call them through `run.io_bound`."""
from __future__ import annotations

from typing import Any

from sqlmodel import delete as sql_delete, func, select

from . import db, plans
from . import workshop as workshops
from .export.intake import LIST_ORIGIN
from .models import Card, Participant, Step, Workshop
from .plans import Plan, StepPlan
from .steps import kind_of
from .steps.base import DomainError
from .steps.shapes import Asks

FACILITATOR_ORIGINS = (workshops.PLAN_ORIGIN, workshops.TYPED_ORIGIN, LIST_ORIGIN)  # the plan keeps these cards


def plan_of(workshop_id: int) -> Plan:
    """The workshop's plan as it stands: its steps in order with their settings, and the cards the facilitator
    gave the steps that hold their own (not residents' cards, nor an earlier session's)."""
    with db.reading() as session:
        workshop = session.get(Workshop, workshop_id)
        steps = session.exec(select(Step).where(Step.workshop_id == workshop_id, Step.removed_at.is_(None))
                             .order_by(Step.position)).all()
        cards = session.exec(select(Card).where(Card.workshop_id == workshop_id, Card.participant_id.is_(None),
                                                Card.hidden.is_(False), Card.origin.in_(FACILITATOR_ORIGINS))
                             .order_by(Card.id)).all()
    return Plan(name=workshop.plan_name, title=workshop.title, question=workshop.question, description='',
                min_group_size=workshop.min_group_size, perspectives=list(workshop.perspectives),
                ladder=[dict(rung) for rung in workshop.ladder],
                steps=[StepPlan(key=step.key, kind=step.kind, title=step.title, body=step.body,
                                settings=dict(step.settings),
                                cards=[card.text for card in cards if card.step_id == step.id]
                                if kind_of(step.kind).holds_own_cards(step) else [])
                       for step in steps])


def _preparing(session: Any, workshop_id: int) -> Workshop:
    """The workshop, while it may still be prepared: not opened, nobody joined."""
    workshop = session.get(Workshop, workshop_id)
    joined = session.exec(select(func.count()).select_from(Participant)
                          .where(Participant.workshop_id == workshop_id)).one()
    if workshop is None or workshop.status != 'draft' or joined:
        raise DomainError('prepare.not_draft')
    return workshop


def load_plan(workshop_id: int, plan: Plan) -> None:
    """Put this plan in place of the workshop's: its fields, its steps and the cards it lists. Refused once the
    workshop is open or someone joined, and for a follow-up (its earlier session's cards would be lost)."""
    with db.transaction() as session:
        workshop = _preparing(session, workshop_id)
        if workshop.previous is not None:
            raise DomainError('prepare.follow_up')
        workshop.current_step_id = None
        session.exec(sql_delete(Card).where(Card.workshop_id == workshop_id))
        for step in session.exec(select(Step).where(Step.workshop_id == workshop_id)).all():
            session.delete(step)
        session.flush()
        _set_header(workshop, plan.title, plan.question, plan.min_group_size, plan.perspectives, plan.ladder)
        workshop.plan_name = plan.name
        workshops.add_plan_steps(session, workshop, plan)


def edit_header(workshop_id: int, *, title: str, question: str, min_group_size: int, perspectives: list[str],
                ladder: list[dict[str, str]]) -> None:
    """Change the plan's own fields, checked (and cleaned) as in a plan file; raises plans.PlanError or
    pydantic's ValidationError with what is wrong."""
    header = plans.header({'title': title, 'question': question, 'min_group_size': min_group_size,
                           'perspectives': perspectives, 'ladder': ladder})
    with db.transaction() as session:
        workshop = _preparing(session, workshop_id)
        _set_header(workshop, header.title, header.question, header.min_group_size, header.perspectives,
                    [rung.model_dump() for rung in header.ladder])


def _set_header(workshop: Workshop, title: str, question: str, min_group_size: int, perspectives: list[str],
                ladder: list[dict[str, str]]) -> None:
    workshop.title, workshop.question, workshop.min_group_size = title, question, min_group_size
    workshop.perspectives, workshop.ladder = list(perspectives), [dict(rung) for rung in ladder]


def preview(step_id: int) -> tuple[Asks, dict[str, Any], Any]:
    """What a step shows before anyone answered: what it asks about, what a newcomer has given there (nothing, as
    the kind says it), and its results so far."""
    with db.reading() as session:
        step = session.get(Step, step_id)
        workshop = session.get(Workshop, step.workshop_id)
        kind = kind_of(step.kind)
        newcomer = Participant(id=0, workshop_id=workshop.id, browser_key='', pseudonym='')  # never stored
        return (kind.asks(session, step, workshop), kind.mine(session, step, [newcomer])[0],
                kind.results(session, step, workshop))
