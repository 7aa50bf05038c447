"""A late tap on the ladder: the step was locked in the database, but the phone never heard of it (its update got
lost) and still shows the open ladder. Tapping a card and a rung must be refused with the lock message, and the
database must hold exactly what it held before."""
from __future__ import annotations

import sqlite3

import pytest
from playwright.sync_api import expect

from app import db
from app import workshop as workshops
from app.i18n import Translator

from .helpers import by_testid, expect_saved, joined_phone, seeded_workshop_at
from .test_ladder import tap

pytestmark = pytest.mark.browser
LOCKED = Translator()('error.step_locked')


def placements(database) -> list[tuple[int, int, int]]:
    with sqlite3.connect(database) as connection:
        return connection.execute("""select target, slot, value from answer join step on step.id = answer.step_id
                                     where step.kind = 'ladder' order by answer.id""").fetchall()


def test_a_tap_on_a_ladder_locked_behind_the_phones_back_is_refused(server, browser, tmp_path):
    database = tmp_path / 'samenspraak.db'
    join_url, ladder_id = seeded_workshop_at(database, server.url, 'eigenaar')
    phone = joined_phone(browser, join_url)
    expect(by_testid(phone, 'ladder-card')).to_have_count(3)
    cards = [button.get_attribute('data-value') for button in by_testid(phone, 'ladder-card').all()]
    tap(phone, 'ladder-card', cards[0])
    tap(phone, 'ladder-rung', 2)
    expect_saved(phone)
    before = placements(database)
    assert before == [(int(cards[0]), 0, 2)]

    db.configure(f'sqlite:///{database}')
    try:
        workshops.lock_step(ladder_id, True)  # the domain's own lock, but no word to the hub: the phone is not told
    finally:
        db.engine().dispose()
    expect(by_testid(phone, 'locked')).to_have_count(0)  # it still shows the open ladder

    tap(phone, 'ladder-card', cards[1])
    tap(phone, 'ladder-rung', 4)
    expect(by_testid(phone, 'status')).to_have_text(LOCKED)
    tap(phone, 'ladder-card', cards[0])  # changing an earlier placement is refused just the same
    tap(phone, 'ladder-rung', 5)
    expect(by_testid(phone, 'status')).to_have_text(LOCKED)
    assert placements(database) == before
