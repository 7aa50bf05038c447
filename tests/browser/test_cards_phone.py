"""Writing cards on a phone: the field asks the step's own question, and a phone at its limit says so before
anything is typed in vain."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .helpers import by_testid, go_next, room

pytestmark = pytest.mark.browser


def test_each_cards_step_labels_its_field_with_its_own_question(server, browser):
    console, _, (phone,) = room(browser, server, phones=1)
    go_next(console, phone, title='Wie bent u hier?')
    go_next(console, phone, title='Wat is het probleem volgens u?')
    expect(phone.get_by_label('Wat is het probleem volgens u?', exact=True)).to_be_visible()
    expect(phone.get_by_label('Uw idee')).to_have_count(0)


def test_a_phone_at_its_card_limit_disables_the_field_and_says_so(server, browser):
    console, _, (phone,) = room(browser, server, phones=1)
    go_next(console, phone, title='Wie bent u hier?')
    go_next(console, phone, title='Wat is het probleem volgens u?')
    for number in range(3):  # the step's limit
        expect(by_testid(phone, 'card-text')).to_be_enabled()
        by_testid(phone, 'card-text').fill(f'Probleem {number + 1}')
        by_testid(phone, 'send-card').click()
        expect(by_testid(phone, 'own-card')).to_have_count(number + 1)
    expect(by_testid(phone, 'card-text')).to_be_disabled()
    expect(by_testid(phone, 'send-card')).to_be_disabled()
    expect(by_testid(phone, 'card-progress')).to_have_text(
        'U heeft al 3 kaartjes geschreven. Meer kan niet bij deze stap.')
    phone.reload()  # also when the page is built again
    expect(by_testid(phone, 'card-text')).to_be_disabled()

