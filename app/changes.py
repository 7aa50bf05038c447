"""Change marks: every committed write says which workshop, and what in it, changed; whoever listens (the hub)
hears it after the commit. The marks come from the unit of work itself (what a flush wrote), so no page has to
remember to tell the hub and a write path added later cannot forget. Nothing here knows NiceGUI.

On SQLite (one process) the marks go to this process's listeners after the commit. On PostgreSQL they are sent
with NOTIFY inside the writing transaction, so the database delivers them on commit, and only on commit, to every
process that listens (app/relay.py), this one included: a phone, the screen and the console of one workshop may
each sit on another process."""
from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import astuple, dataclass

from sqlalchemy import event, text
from sqlmodel import Session

from .models import Answer, Card, Participant, Step, Workshop

STATE = 'state'  # steps, locks, reveals, timers, the workshop, the cards later steps show: views may rebuild
RESULTS = 'results'  # answers on a step: its results change
PARTICIPANTS = 'participants'  # someone joined or chose a perspective
CHANNEL = 'samenspraak_changes'
MAX_PAYLOAD = 7_900  # bytes; PostgreSQL refuses a NOTIFY payload of 8,000 or more
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
    if session.get_bind().dialect.name == 'postgresql':
        session.connection().execute(text('SELECT pg_notify(:channel, :payload)'),
                                     {'channel': CHANNEL, 'payload': encode(marks)})
    else:
        session.info.setdefault('marks', set()).update(marks)


def encode(marks: Iterable[Mark]) -> str:
    """The marks as a NOTIFY payload; too many for one are folded into a state change of each workshop."""
    marks = set(marks)
    payload = json.dumps([astuple(change) for change in marks])
    if len(payload.encode()) > MAX_PAYLOAD:
        payload = json.dumps(list({(change.workshop_id, STATE, None) for change in marks}))
    return payload


def decode(payload: str) -> list[Mark]:
    return [Mark(*fields) for fields in json.loads(payload)]


def deliver(marks: list[Mark]) -> None:
    """Hand marks to this process's listeners: after a commit here, or as the relay receives them."""
    for listener in _listeners:
        try:
            listener(marks)
        except Exception:  # a listener's failure must not turn a committed write into an error
            log.exception('change listener failed')


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
    if marks := list(session.info.pop('marks', ())):
        deliver(marks)


@event.listens_for(Session, 'after_rollback')
def _forget(session: Session) -> None:
    session.info.pop('marks', None)
