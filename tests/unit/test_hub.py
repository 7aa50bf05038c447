"""The hub's flush: when loading a workshop fails (the database is gone for a moment), the change marks stay, and the
next flush delivers them; live updates never silently stop."""
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy.exc import OperationalError

from app import changes, db, plans
from app import workshop as workshops
from app.hub import Hub, Update


@pytest.fixture
def hub():
    made = Hub()
    yield made
    changes._listeners.remove(made.receive)  # each test's hub stops listening with it


def flush(hub: Hub) -> None:
    """One flush on an event loop of its own, in a thread: after the browser tests, Playwright's sync API keeps a
    loop running in this thread."""
    with ThreadPoolExecutor(1) as thread:
        thread.submit(asyncio.run, hub.flush()).result()


def test_a_flush_that_cannot_load_keeps_its_marks_and_the_next_flush_delivers(database, tmp_path, hub):
    if database != 'sqlite':
        pytest.skip('the database file is moved away for a moment: a fault only SQLite can have here')
    workshop = workshops.create(plans.load(plans.DEFAULT_PLAN))
    heard: list[Update] = []
    hub.subscribe(workshop.id, heard.append, state_only=True)
    hub._note([changes.Mark(workshop.id, changes.STATE)])
    file = tmp_path / 'test.db'
    db.engine().dispose()
    file.rename(tmp_path / 'away.db')  # the next connection finds an empty file: every read fails
    with pytest.raises(OperationalError):  # no such table
        flush(hub)
    assert heard == []
    db.engine().dispose()
    (tmp_path / 'away.db').replace(file)

    flush(hub)
    assert [update.state.workshop.id for update in heard] == [workshop.id] and heard[0].state_changed
    flush(hub)  # delivered once: nothing is left to send
    assert len(heard) == 1
