"""Live updates per workshop: mark what changed, coalesce bursts, notify each workshop's pages once per flush.

A vote marks its step dirty; every FLUSH_SECONDS the hub loads the workshop's state and the dirty steps'
results once, and hands them to the subscribed pages, which update their elements in place."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from nicegui import Event, run

from . import workshop as workshops

FLUSH_SECONDS = 0.15
log = logging.getLogger(__name__)


@dataclass
class Update:
    state: workshops.State
    state_changed: bool  # step, lock, reveal, timer or workshop status changed: views may need rebuilding
    results: dict[int, dict[str, Any]] = field(default_factory=dict)  # step id -> results, for dirty steps
    participants: int = 0
    # participant id -> their answers on the current step, on a state change: phones that rebuild need them
    mine: dict[int, dict[str, Any]] = field(default_factory=dict)


class Hub:
    def __init__(self) -> None:
        self._events: dict[int, Event[Update]] = {}  # every update: screens and consoles show results
        self._state_events: dict[int, Event[Update]] = {}  # state changes only: phones ignore other results
        self._dirty_steps: dict[int, set[int]] = {}
        self._dirty_state: set[int] = set()
        self._task: asyncio.Task | None = None

    def subscribe(self, workshop_id: int, callback: Callable[[Update], Any], *, state_only: bool = False) -> None:
        """Call from inside a page: the subscription ends when that page's client is deleted.
        With `state_only` the page hears only of state changes; a vote does not wake hundreds of phones."""
        events = self._state_events if state_only else self._events
        events.setdefault(workshop_id, Event[Update]()).subscribe(callback)

    def results_changed(self, workshop_id: int, step_id: int) -> None:
        self._dirty_steps.setdefault(workshop_id, set()).add(step_id)

    def participants_changed(self, workshop_id: int) -> None:
        self._dirty_steps.setdefault(workshop_id, set())

    def state_changed(self, workshop_id: int) -> None:
        self._dirty_state.add(workshop_id)

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(FLUSH_SECONDS)
            try:
                await self.flush()
            except Exception:  # a failed flush must not end live updates
                log.exception('hub flush failed')

    async def flush(self) -> None:
        workshop_ids = set(self._dirty_steps) | self._dirty_state
        for workshop_id in workshop_ids:
            steps = self._dirty_steps.pop(workshop_id, set())
            state_changed = workshop_id in self._dirty_state
            self._dirty_state.discard(workshop_id)
            listeners = [event for event in (self._events.get(workshop_id),
                                             self._state_events.get(workshop_id) if state_changed else None)
                         if event is not None and event.callbacks]
            if not listeners:
                continue
            update = await run.io_bound(_load, workshop_id, steps, state_changed)
            if update is not None:
                for event in listeners:
                    event.emit(update)


def _load(workshop_id: int, step_ids: set[int], state_changed: bool) -> Update | None:
    state = workshops.state(workshop_id)
    if state.workshop is None:  # deleted: its pages show "not found" on their next load
        return None
    current = state.current
    if state_changed and current is not None:
        step_ids = step_ids | {current.id}
    return Update(state=state, state_changed=state_changed,
                  results={step_id: workshops.results(step_id) for step_id in step_ids},
                  participants=workshops.participant_count(workshop_id),
                  mine=workshops.mine_of_everyone(current.id) if state_changed and current is not None else {})


hub = Hub()
