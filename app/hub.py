"""Live updates per workshop: collect what the domain's commits changed, coalesce bursts, notify each workshop's
pages once per flush.

Every commit's change marks (app/changes.py) reach the hub, from whichever thread committed. Every FLUSH_SECONDS
the hub loads the workshop's state and the dirty steps' results once, and hands them to the subscribed pages,
which update their elements in place."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from nicegui import Event, run

from . import changes, db
from . import workshop as workshops
from .relay import relay
from .steps.shapes import Asks

FLUSH_SECONDS = 0.15
log = logging.getLogger(__name__)


@dataclass
class Update:
    state: workshops.State
    state_changed: bool  # step, lock, reveal, timer, cards or workshop status changed: views may need rebuilding
    results: dict[int, Any] = field(default_factory=dict)  # step id -> results, for dirty steps
    participants: int = 0
    answered: int = 0  # participants who gave anything on the current step
    # on a state change, for phones that rebuild: what the current step asks, and everyone's answers there
    asks: Asks | None = None
    mine: dict[int, dict[str, Any]] = field(default_factory=dict)


class Hub:
    def __init__(self) -> None:
        self._events: dict[int, Event[Update]] = {}  # every update: screens and consoles show results
        self._state_events: dict[int, Event[Update]] = {}  # state changes only: phones ignore other results
        self._dirty_steps: dict[int, set[int | None]] = {}  # None: the current step
        self._dirty_state: set[int] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task | None = None
        self._relay: asyncio.Task | None = None
        changes.listen(self.receive)

    def subscribe(self, workshop_id: int, callback: Callable[[Update], Any], *, state_only: bool = False) -> None:
        """Call from inside a page: the subscription ends when that page's client is deleted.
        With `state_only` the page hears only of state changes; a vote does not wake hundreds of phones."""
        events = self._state_events if state_only else self._events
        events.setdefault(workshop_id, Event[Update]()).subscribe(callback)

    def receive(self, marks: list[changes.Mark]) -> None:
        """A commit's marks, from any thread: noted on the event loop, flushed with the next batch."""
        if self._loop is None:  # not serving (a command, a test without the server): nobody to tell
            return
        self._loop.call_soon_threadsafe(self._note, marks)

    def _note(self, marks: list[changes.Mark]) -> None:
        for change in marks:
            if change.what == changes.STATE:
                self._dirty_state.add(change.workshop_id)
            dirty = self._dirty_steps.setdefault(change.workshop_id, set())
            if change.what == changes.RESULTS:
                dirty.add(change.step_id)

    def everything_changed(self) -> None:
        """Marks may have been missed (the relay reconnected): every page of every workshop refreshes."""
        self._dirty_state.update(self._events, self._state_events)

    def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._task = asyncio.create_task(self._run())
        if db.is_postgres():  # marks come from every process through the database
            self._relay = asyncio.create_task(relay(self.everything_changed))

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(FLUSH_SECONDS)
            try:
                await self.flush()
            except Exception:  # a failed flush must not end live updates
                log.exception('hub flush failed')

    async def flush(self) -> None:
        for workshop_id in set(self._dirty_steps) | self._dirty_state:
            steps = self._dirty_steps.pop(workshop_id, set())
            state_changed = workshop_id in self._dirty_state
            self._dirty_state.discard(workshop_id)
            listeners = [event for event in (self._events.get(workshop_id),
                                             self._state_events.get(workshop_id) if state_changed else None)
                         if event is not None and event.callbacks]
            if not listeners:
                continue
            try:
                update = await run.io_bound(_load, workshop_id, steps, state_changed)
            except Exception:  # keep the marks: the next flush tries again
                self._dirty_steps.setdefault(workshop_id, set()).update(steps)
                if state_changed:
                    self._dirty_state.add(workshop_id)
                raise
            if update is not None:
                for event in listeners:
                    event.emit(update)


def _load(workshop_id: int, step_ids: set[int | None], state_changed: bool) -> Update | None:
    state = workshops.state(workshop_id)
    if state.workshop is None:  # deleted: its pages show "not found" on their next load
        return None
    current = state.current
    wanted = {step.id for step in state.steps} & step_ids  # a mark may name a step removed since
    if current is not None and (state_changed or None in step_ids):
        wanted.add(current.id)
    changed_here = state_changed and current is not None
    return Update(state=state, state_changed=state_changed,
                  results={step_id: workshops.results(step_id) for step_id in wanted},
                  participants=workshops.participant_count(workshop_id),
                  answered=workshops.answered(current.id) if current is not None else 0,
                  asks=workshops.asks(current.id) if changed_here else None,
                  mine=workshops.mine_of_everyone(current.id) if changed_here else {})


hub = Hub()
