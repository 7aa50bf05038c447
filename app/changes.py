"""Change marks: every committed write says which workshop, and what in it, changed; whoever listens (the hub)
hears it after the commit. The marks come from the unit of work itself (what a flush wrote), so no page has to
remember to tell the hub and a write path added later cannot forget. Nothing here knows NiceGUI."""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import event
from sqlmodel import Session

from .models import Answer, Card, Participant, Step, Workshop

STATE = 'state'  # steps, locks, reveals, timers, the workshop, the cards later steps show: views may rebuild
RESULTS = 'results'  # answers on a step: its results change
PARTICIPANTS = 'participants'  # someone joined or chose a perspective
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Mark:
    workshop_id: int
    what: str
    step_id: int | None = None  # with RESULTS: the step whose results changed (None: whichever is current)


Listener = Callable[[list[Mark]], None]
_listeners: list[Listener] = []


def listen(listener: Listener) -> None:
    """`listener` gets the marks of every commit in this process, in the committing thread."""
    _listeners.append(listener)


def mark(session: Session, *marks: Mark) -> None:
    """For a write the unit of work does not see (a bulk DELETE): say what it changed."""
    session.info.setdefault('marks', set()).update(marks)


def _marks_of(session: Session, instance: object, *, new: bool) -> Iterable[Mark]:
    if isinstance(instance, Workshop):
        return () if new else (Mark(instance.id, STATE),)
    if isinstance(instance, Step):
        return (Mark(instance.workshop_id, STATE),)
    if isinstance(instance, Participant):
        return (Mark(instance.workshop_id, PARTICIPANTS),) if new else \
            (Mark(instance.workshop_id, PARTICIPANTS), Mark(instance.workshop_id, RESULTS))
    if isinstance(instance, Card):
        results = Mark(instance.workshop_id, RESULTS, instance.step_id)
        # a resident's new card changes its step's results; any other change of cards can change what phones show
        return (results,) if new and instance.participant_id else (results, Mark(instance.workshop_id, STATE))
    if isinstance(instance, Answer):
        with session.no_autoflush:
            step = session.get(Step, instance.step_id)
        return (Mark(step.workshop_id, RESULTS, step.id),) if step is not None else ()
    return ()


@event.listens_for(Session, 'after_flush')
def _collect(session: Session, _context: object) -> None:
    found = {found_mark for instance in session.new for found_mark in _marks_of(session, instance, new=True)}
    found.update(found_mark for instance in (*session.dirty, *session.deleted)
                 for found_mark in _marks_of(session, instance, new=False))
    if found:
        mark(session, *found)


@event.listens_for(Session, 'after_commit')
def _publish(session: Session) -> None:
    marks = list(session.info.pop('marks', ()))
    if not marks:
        return
    for listener in _listeners:
        try:
            listener(marks)
        except Exception:  # a listener's failure must not turn a committed write into an error
            log.exception('change listener failed')


@event.listens_for(Session, 'after_rollback')
def _forget(session: Session) -> None:
    session.info.pop('marks', None)
