"""Consent on the phone: the reason field appears only with an answer that asks for one, and what is typed there
is stored with the answer — also when the resident moves on without tapping "Reden opslaan"."""
from __future__ import annotations

import sqlite3
import time

import pytest
from playwright.sync_api import expect

from app import db
from app import workshop as workshops

from .conftest import DESKTOP
from .helpers import by_testid, expect_saved, joined_phone, new_workshop, seeded_workshop_at
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
def test_a_consent_phone_follows_the_cards_the_facilitator_hides(server, browser):
    """The consent step asks about the top cards of the dot vote; hiding one in the console takes it off the phone
    at once (the phone rebuilt only for a change of the step, not of the cards it asks about)."""
    console = browser.new_context(**DESKTOP).new_page()
    new_workshop(console, server)
    code = by_testid(console, 'code').inner_text().split()[-1]
    db.configure(server.database_url)
    try:
        workshop = workshops.find(code=code)
        steps = {step.key: step for step in workshops.state(workshop.id).steps}
        workshops.seed_cards(steps[workshops.IDEA_STEP_KEY].id,
                             [('Een huiskamer', ''), ('Gewone taal', ''), ('Eén loket', '')], origin='test')
    finally:
        db.engine().dispose()
    phone = joined_phone(browser, by_testid(console, 'join-address').inner_text())
    by_testid(console, 'step-row').filter(has_text='Kunt u hiermee leven?').locator('[data-testid=go-step]').click()
    expect(by_testid(phone, 'consent-item')).to_have_count(3)
    by_testid(console, 'console-card').filter(has_text='Gewone taal').locator('[data-testid=hide-card]').click()
    expect(by_testid(phone, 'consent-item')).to_have_count(2)
    expect(by_testid(phone, 'consent-item').filter(has_text='Gewone taal')).to_have_count(0)
