"""The trap van eigenaarschap in a real browser: phones place cards by tapping, change one, the step is locked;
the screen's counts and medians equal an independent computation from the database."""
from __future__ import annotations

import sqlite3
from statistics import median

import pytest
from playwright.sync_api import expect

from .helpers import by_testid, expect_saved, go_next, joined_phone, room, seeded_workshop_at, tab_to

pytestmark = pytest.mark.browser
NOW_AND_DESIRED = [[(0, 3), (1, 4), (2, 2)], [(0, 2), (1, 5), (1, 3)], [(1, 4), (0, 5), (2, 4)]]  # per phone, card


def tap(phone, testid: str, value) -> None:
    phone.locator(f'[data-testid="{testid}"][data-value="{value}"]').click()


def test_phones_place_cards_and_the_screen_agrees_with_the_database(server, browser, tmp_path):
    console, screen, phones = room(browser, server, phones=3)
    for title in ('Wie bent u hier?', 'Wat is het probleem volgens u?', 'Hoe gaat het nu?', 'Ideeën en wensen'):
        go_next(console, *phones, title=title)
    for number, phone in enumerate(phones):
        by_testid(phone, 'card-text').fill(f'Idee {number}')
        by_testid(phone, 'send-card').click()
        expect_saved(phone)
    for title in ('Ordenen', 'Kiezen', 'Wie wordt eigenaar?'):
        go_next(console, *phones, title=title)
    by_testid(console, 'reveal').click()
    cards = [button.get_attribute('data-value') for button in by_testid(phones[0], 'ladder-card').all()]
    assert len(cards) == 3

    # keyboard only: phone 2 places the first card by Tab and Enter (on the top rung; changed again below)
    tab_to(phones[2], 'ladder-rung')
    phones[2].keyboard.press('Enter')
    expect_saved(phones[2])

    for phone, placements in zip(phones, NOW_AND_DESIRED):
        for card, (now, desired) in zip(cards, placements):
            tap(phone, 'ladder-card', card)
            tap(phone, 'ladder-rung', now)  # "nu" first; the phone then asks for "gewenst"
            expect_saved(phone)
            expect(phone.locator('[data-testid=ladder-position][aria-pressed=true]')).to_contain_text('Gewenst')
            tap(phone, 'ladder-rung', desired)
            expect(phone.locator(f'[data-testid=ladder-card][data-value="{card}"]')).to_contain_text('(geplaatst)')
        expect(by_testid(phone, 'ladder-progress')).to_have_text('3 van 3 kaartjes geplaatst')

    # one change of mind: phone 0 moves the first card's "nu" up to rung 6
    tap(phones[0], 'ladder-card', cards[0])
    tap(phones[0], 'ladder-position', 'nu')
    tap(phones[0], 'ladder-rung', 5)
    expect_saved(phones[0])
    tap(phones[0], 'ladder-position', 'nu')  # the phone moved on to "gewenst"; look back at "nu"
    expect(phones[0].locator('[data-testid=ladder-rung][aria-pressed=true]')).to_have_attribute('data-value', '5')

    expect(by_testid(console, 'ladder-console-progress')).to_have_text(
        '3 deelnemers hebben 18 keer een kaartje geplaatst.')  # the keyboard placement was placed over again
    expect(by_testid(console, 'ladder-discussion')).to_contain_text('Idee 0')  # one card at a time
    by_testid(console, 'lock-step').click()
    for phone in phones:
        expect(by_testid(phone, 'locked')).to_be_visible()
        expect(by_testid(phone, 'ladder-rung')).to_have_count(0)

    with sqlite3.connect(tmp_path / 'samenspraak.db') as database:
        rows = database.execute("""select target, slot, value from answer join step on step.id = answer.step_id
                                   where step.kind = 'ladder'""").fetchall()
    assert len(rows) == 3 * 3 * 2
    for card in cards:
        now = [value for target, slot, value in rows if str(target) == card and slot == 0]
        desired = [value for target, slot, value in rows if str(target) == card and slot == 1]
        median_now, median_desired = median(v + 1 for v in now), median(v + 1 for v in desired)  # rungs from 1
        for rung in range(6):
            cell = screen.locator(f'[data-testid=ladder-cell][data-card="{card}"][data-rung="{rung}"]')
            now_mark = '● ' if round(median_now - 1) == rung else ''
            desired_mark = '★ ' if round(median_desired - 1) == rung else ''
            expect(cell).to_have_text(f'nu {now_mark}{now.count(rung)} · gewenst {desired_mark}{desired.count(rung)}')
        summary = screen.locator(f'[data-testid=ladder-summary][data-card="{card}"]')
        expect(summary).to_contain_text(f'nu: trede {median_now:g} · gewenst: trede {median_desired:g}')


def test_the_phone_marks_placed_cards_and_moves_on_to_the_next_unplaced_one(server, browser, tmp_path):
    join_url, _ = seeded_workshop_at(tmp_path / 'samenspraak.db', server.url, 'eigenaar')
    phone = joined_phone(browser, join_url)
    options = by_testid(phone, 'ladder-card')
    expect(options).to_have_count(3)
    first, second, third = (button.get_attribute('data-value') for button in options.all())
    card = {value: phone.locator(f'[data-testid=ladder-card][data-value="{value}"]') for value in (first, second, third)}

    tap(phone, 'ladder-card', second)  # the resident starts in the middle
    tap(phone, 'ladder-rung', 2)
    expect_saved(phone)
    tap(phone, 'ladder-rung', 4)
    expect_saved(phone)
    expect(card[second]).to_contain_text('(geplaatst)')
    expect(card[third]).to_have_attribute('aria-pressed', 'true')  # the next one not yet placed
    expect(card[first]).not_to_contain_text('(geplaatst)')

    tap(phone, 'ladder-card', first)
    tap(phone, 'ladder-rung', 1)
    expect_saved(phone)
    tap(phone, 'ladder-rung', 3)
    expect_saved(phone)
    expect(card[third]).to_have_attribute('aria-pressed', 'true')  # the second is done: skipped

    phone.reload()  # a page built again starts at the first card not yet placed, and still marks the placed ones
    expect(card[third]).to_have_attribute('aria-pressed', 'true')
    expect(card[first]).to_contain_text('(geplaatst)')
    expect(card[second]).to_contain_text('(geplaatst)')
