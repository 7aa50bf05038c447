"""What a resident types is judged by the server's rules, counted as the server counts: never cut, never lost."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .helpers import by_testid, expect_saved, go_next, room

pytestmark = pytest.mark.browser


def at_problem_cards(browser, server):
    console, _, (phone,) = room(browser, server, phones=1)
    go_next(console, phone, title='Wie bent u hier?')
    go_next(console, phone, title='Wat is het probleem volgens u?')
    return console, phone


def test_a_pasted_text_over_the_limit_is_not_cut_but_refused_and_kept_in_the_field(server, browser):
    _, phone = at_problem_cards(browser, server)
    pasted = 'Het buurthuis is te vaak dicht. ' * 7 + 'Einde.'  # 230 characters, the step allows 200
    assert len(pasted) > 200
    field = by_testid(phone, 'card-text')
    field.fill(pasted)
    by_testid(phone, 'send-card').click()
    expect(by_testid(phone, 'status')).to_have_text(
        f'Uw tekst is te lang: {len(pasted)} tekens. Het mag 200 tekens zijn.')
    expect(field).to_have_value(pasted)
    expect(by_testid(phone, 'char-count')).to_have_text(f'{len(pasted)} / 200')
    expect(by_testid(phone, 'char-count')).to_have_class('over-limit')
    expect(by_testid(phone, 'own-card')).to_have_count(0)


def test_the_counter_and_the_limit_count_characters_not_utf16_units(server, browser):
    _, phone = at_problem_cards(browser, server)
    emoji = '👍🏽' * 60 + '🏠' * 50  # 170 characters, 340 UTF-16 units: within the limit of 200
    by_testid(phone, 'card-text').fill(emoji)
    by_testid(phone, 'send-card').click()
    expect_saved(phone)
    expect(by_testid(phone, 'own-card')).to_have_text(emoji)
    by_testid(phone, 'card-text').fill(emoji)
    expect(by_testid(phone, 'char-count')).to_have_text('170 / 200')
