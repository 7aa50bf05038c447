"""Consent on the phone: the reason field appears only with an answer that asks for one, and what is typed there
is stored with the answer — also when the resident moves on without tapping "Reden opslaan"."""
from __future__ import annotations

import sqlite3
import time

import pytest
from playwright.sync_api import expect

from .helpers import by_testid, expect_saved, joined_phone, seeded_workshop_at
from .test_ladder import tap

pytestmark = pytest.mark.browser


def stored(database) -> list[tuple[int, str, str]]:
    with sqlite3.connect(database) as connection:
        return connection.execute("""select target, choice, reason from answer join step on step.id = answer.step_id
                                     where step.kind = 'consent' order by target""").fetchall()


def eventually_stored(database, expected) -> None:
    """The status line already says "Opgeslagen" from the answer before: wait for the database instead."""
    deadline = time.monotonic() + 10
    while stored(database) != expected and time.monotonic() < deadline:
        time.sleep(0.1)
    assert stored(database) == expected


def test_a_reason_is_asked_only_for_ja_maar_and_nee_want_and_is_stored(server, browser, tmp_path):
    database = tmp_path / 'samenspraak.db'
    join_url, _ = seeded_workshop_at(database, server.url, 'leven')
    phone = joined_phone(browser, join_url)
    items = by_testid(phone, 'consent-item')
    expect(items).to_have_count(3)
    expect(by_testid(phone, 'consent-reason')).to_have_count(0)  # not built until an answer asks for it

    first, second = items.nth(0), items.nth(1)
    card = int(first.get_attribute('data-card'))
    tap(first, 'consent-answer', 'nee_want')
    expect_saved(phone)
    first.locator('[data-testid=consent-reason]').fill('Te duur voor de wijk')
    first.locator('[data-testid=consent-save-reason]').click()
    eventually_stored(database, [(card, 'nee_want', 'Te duur voor de wijk')])
    expect(second.locator('[data-testid=consent-reason]')).to_have_count(0)

    tap(first, 'consent-answer', 'ja')
    eventually_stored(database, [(card, 'ja', 'Te duur voor de wijk')])  # the reason stays with the answer
    expect(first.locator('[data-testid=consent-reason]')).to_be_hidden()


def test_a_typed_reason_is_stored_when_the_resident_moves_on_without_saving_it(server, browser, tmp_path):
    database = tmp_path / 'samenspraak.db'
    join_url, _ = seeded_workshop_at(database, server.url, 'leven')
    phone = joined_phone(browser, join_url)
    first, second = by_testid(phone, 'consent-item').nth(0), by_testid(phone, 'consent-item').nth(1)
    first_card, second_card = int(first.get_attribute('data-card')), int(second.get_attribute('data-card'))
    tap(first, 'consent-answer', 'nee_want')
    expect_saved(phone)
    first.locator('[data-testid=consent-reason]').fill('Te duur voor de wijk')
    tap(second, 'consent-answer', 'ja')  # on to the next idea, no "Reden opslaan"
    eventually_stored(database, sorted([(first_card, 'nee_want', 'Te duur voor de wijk'), (second_card, 'ja', '')]))


def test_enter_in_the_reason_field_stores_the_reason(server, browser, tmp_path):
    database = tmp_path / 'samenspraak.db'
    join_url, _ = seeded_workshop_at(database, server.url, 'leven')
    phone = joined_phone(browser, join_url)
    first = by_testid(phone, 'consent-item').nth(0)
    card = int(first.get_attribute('data-card'))
    tap(first, 'consent-answer', 'ja_maar')
    expect_saved(phone)
    first.locator('[data-testid=consent-reason]').fill('Als de bus blijft rijden')
    first.locator('[data-testid=consent-reason]').press('Enter')
    eventually_stored(database, [(card, 'ja_maar', 'Als de bus blijft rijden')])
