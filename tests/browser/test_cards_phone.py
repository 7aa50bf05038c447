"""Writing cards on a phone (360 x 740): the field asks the step's own question, the confirmation is in view
beside the button, and a phone at its limit says so before anything is typed in vain."""
from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .helpers import by_testid, expect_saved, go_next, joined_phone, room, seeded_workshop_at

pytestmark = pytest.mark.browser


def in_view(page: Page, testid: str) -> bool:
    box = by_testid(page, testid).bounding_box()
    height = page.viewport_size['height']
    return box is not None and box['y'] >= 0 and box['y'] + box['height'] <= height


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


def test_saved_is_in_view_beside_the_send_button_on_a_small_phone(server, browser, tmp_path):
    join_url, _ = seeded_workshop_at(tmp_path / 'samenspraak.db', server.url, 'ideeen')
    phone = joined_phone(browser, join_url)
    for number in range(3):
        by_testid(phone, 'card-text').fill(f'Een idee met een lange zin erbij, nummer {number + 1}')
        by_testid(phone, 'card-why').fill('Omdat het de wijk helpt en iedereen er iets aan heeft.')
        by_testid(phone, 'send-card').click()
        expect(by_testid(phone, 'own-card')).to_have_count(number + 1)
    expect_saved(phone)
    assert in_view(phone, 'send-card')
    assert in_view(phone, 'status')
