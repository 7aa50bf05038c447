"""Change marks between processes on PostgreSQL: a commit's marks arrive through LISTEN/NOTIFY, a rolled-back
write sends none, and a reconnect makes every page refresh."""
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from app import changes, db, plans
from app.models import Workshop
from app import workshop as workshops
from app.relay import relay
from app.steps.base import DomainError


@pytest.fixture
def heard(database):
    if database != 'postgresql':
        pytest.skip('the relay carries marks between processes on PostgreSQL only')
    received: list[changes.Mark] = []
    changes.listen(received.extend)
    yield received
    changes._listeners.remove(received.extend)


async def until(condition, seconds: float = 10) -> None:
    async with asyncio.timeout(seconds):
        while not condition():
            await asyncio.sleep(0.02)


def test_committed_marks_arrive_through_the_database_and_rolled_back_ones_do_not(heard):
    # its own event loop in its own thread: the relay listens while the writes run, as in a server
    with ThreadPoolExecutor(1) as thread:
        thread.submit(asyncio.run, marks_arrive(heard)).result()


async def marks_arrive(heard: list[changes.Mark]) -> None:
    reconnected = asyncio.Event()
    listening = asyncio.create_task(relay(reconnected.set))
    try:
        await until(reconnected.is_set)
        workshop = await asyncio.to_thread(workshops.create, plans.load(plans.DEFAULT_PLAN))
        await until(lambda: changes.Mark(workshop.id, changes.STATE) in heard)
        await asyncio.to_thread(workshops.open_for_joining, workshop.id)
        person = await asyncio.to_thread(workshops.join, workshop.id, 'phone')
        await until(lambda: changes.Mark(workshop.id, changes.PARTICIPANTS) in heard)
        heard.clear()
        step = workshops.state(workshop.id).steps[3]  # the scale
        await asyncio.to_thread(workshops.go_to_step, workshop.id, step.id)
        await until(lambda: changes.Mark(workshop.id, changes.STATE) in heard)
        heard.clear()
        with pytest.raises(DomainError):  # flushed, then refused: rolled back, so nothing may be announced
            await asyncio.to_thread(written_then_refused, workshop.id)
        await asyncio.to_thread(workshops.act, person.id, step.id, {'value': 4})
        await until(lambda: changes.Mark(workshop.id, changes.RESULTS, step.id) in heard)
        assert changes.Mark(workshop.id, changes.STATE) not in heard
    finally:
        listening.cancel()


def written_then_refused(workshop_id: int) -> None:
    with db.transaction() as session:
        session.get(Workshop, workshop_id).title = 'Nooit opgeslagen'
        session.flush()  # the NOTIFY is sent here, inside the transaction
        raise DomainError('error.bad_request')


def test_a_payload_too_large_for_notify_becomes_one_state_change_per_workshop():
    marks = [changes.Mark(7, changes.RESULTS, step) for step in range(2000)]
    assert changes.decode(changes.encode(marks)) == [changes.Mark(7, changes.STATE)]
