"""A ladder with its own cards in a real browser: the facilitator adds the step and types its cards; a phone sees
them arrive live and places one; a card the facilitator hides leaves the phone; the database holds the placement."""
from __future__ import annotations

import sqlite3

import pytest
from playwright.sync_api import expect

from .axe import violations
from .conftest import DESKTOP
from .helpers import by_testid, expect_saved, go_next, joined_phone, new_workshop

pytestmark = pytest.mark.browser
TITLE = 'Wie doet wat?'


def test_typed_ladder_cards_reach_the_phone_and_can_be_placed(server, browser, tmp_path):
    console = browser.new_context(**DESKTOP).new_page()
    new_workshop(console, server)
    phone = joined_phone(browser, by_testid(console, 'join-address').inner_text())

    by_testid(console, 'new-kind').click()
    console.get_by_role('option', name='Trap van eigenaarschap').click()
    by_testid(console, 'new-title').fill(TITLE)
    by_testid(console, 'add-step').click()
    expect(by_testid(console, 'step-row')).to_have_count(13)
    go_next(console, phone, title=TITLE)
    expect(by_testid(phone, 'ladder-card')).to_have_count(0)

    by_testid(console, 'own-card-add').click()  # nothing typed: refused with the residents' message
    expect(by_testid(console, 'status')).to_have_text('U heeft nog niets geschreven.')
    for text in ('Buurthuis open houden', 'Eén loket'):
        by_testid(console, 'own-card-text').fill(text)
        by_testid(console, 'own-card-add').click()
        expect(by_testid(console, 'console-card').filter(has_text=text)).to_have_count(1)
    expect(by_testid(phone, 'ladder-card')).to_contain_text(['Buurthuis open houden', 'Eén loket'])
    assert violations(console) == []  # the typing field, the list upload and the card list: WCAG 2.1 AA too

    by_testid(phone, 'ladder-card').filter(has_text='Eén loket').click()
    phone.locator('[data-testid="ladder-rung"][data-value="4"]').click()
    expect_saved(phone)
    by_testid(console, 'console-card').filter(has_text='Buurthuis').locator('[data-testid=hide-card]').click()
    expect(by_testid(phone, 'ladder-card')).to_have_count(1)  # hidden: taken off the ladder, live
    with sqlite3.connect(tmp_path / 'samenspraak.db') as database:
        assert database.execute(
            'select card.text, card.origin, answer.value from answer join card on card.id = answer.card_id '
            'join step on step.id = answer.step_id where step.kind = ?', ('ladder',)).fetchall() == [
            ('Eén loket', 'begeleider', 4)]
