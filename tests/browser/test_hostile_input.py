"""Hostile text through the real phone page: stored cleaned, shown as the same text everywhere, never run."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from app.text import clean

from .helpers import by_testid, expect_saved, go_next, room

pytestmark = pytest.mark.browser

HOSTILE = [
    '<script>window.hacked = 1</script>',
    '<img src=x onerror="window.hacked = 1">',
    '"><svg onload=window.hacked=1>',
    "javascript:window.hacked=1//' onmouseover='window.hacked=1",
    '=HYPERLINK("http://evil.example","klik")',
    'links\u202eschts\u2066 omgekeerd',
    'e\u0301e\u0301n 👍🏽 مرحبا',
    '  spaties \x00 en\tnul\x07  ',
    '{{ 7*7 }} ${7*7} #N/A',
]
STAYED_SAFE = 'window.hacked === undefined'


def test_hostile_cards_are_shown_as_plain_text_and_nothing_runs(server, browser):
    console, screen, phones = room(browser, server, phones=3)
    go_next(console, *phones, title='Wie bent u hier?')
    go_next(console, *phones, title='Wat is het probleem volgens u?')

    for number, text in enumerate(HOSTILE):
        phone = phones[number % 3]  # three cards each, the step's limit
        by_testid(phone, 'card-text').fill(text)
        by_testid(phone, 'send-card').click()
        expect_saved(phone)
        expect(by_testid(phone, 'own-card').last).to_have_text(clean(text, max_length=200))
    expect(by_testid(phones[0], 'card-text')).to_be_disabled()
    expect(by_testid(phones[0], 'card-progress')).to_have_text(
        'U heeft al 3 kaartjes geschreven. Meer kan niet bij deze stap.')

    by_testid(console, 'reveal').click()
    wall = by_testid(screen, 'wall-card').locator('.wall-text')
    expect(wall).to_have_count(len(HOSTILE))
    assert sorted(wall.all_inner_texts()) == sorted(clean(text, max_length=200) for text in HOSTILE)
    for page in (*phones, screen, console):
        assert page.evaluate(STAYED_SAFE)
        page.mouse.move(200, 300)  # hover handlers, had any been planted
        assert page.evaluate(STAYED_SAFE)


def test_a_card_with_nothing_visible_is_refused_like_an_empty_one(server, browser):
    console, _, (phone,) = room(browser, server, phones=1)
    go_next(console, phone, title='Wie bent u hier?')
    go_next(console, phone, title='Wat is het probleem volgens u?')

    by_testid(phone, 'card-text').fill('\u200b\ufeff\u180e\u2060')
    by_testid(phone, 'send-card').click()
    expect(by_testid(phone, 'status')).to_have_text('U heeft nog niets geschreven.')
    expect(by_testid(phone, 'own-card')).to_have_count(0)
