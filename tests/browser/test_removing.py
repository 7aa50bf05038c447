"""What a facilitator's click would destroy is asked first, saying what is in it, and can be undone."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .helpers import by_testid, expect_saved, go_next, room

pytestmark = pytest.mark.browser


def test_removing_a_step_with_cards_asks_first_keeps_them_and_can_be_undone(server, browser):
    console, _, phones = room(browser, server, phones=2)
    go_next(console, *phones, title='Wie bent u hier?')
    go_next(console, *phones, title='Wat is het probleem volgens u?')
    for number, phone in enumerate(phones):
        by_testid(phone, 'card-text').fill(f'Probleem {number + 1}')
        by_testid(phone, 'send-card').click()
        expect_saved(phone)
    row = by_testid(console, 'step-row').filter(has_text='Wat is het probleem volgens u?')

    row.locator('[data-testid=remove-step]').click()
    expect(by_testid(console, 'confirm-question')).to_have_text(
        'Deze stap heeft 2 kaartjes en 0 antwoorden. Wilt u „Wat is het probleem volgens u?” weghalen? Die blijven '
        'bewaard: u kunt de stap terugzetten, en in de Excel staat hij als weggehaald.')
    expect(row).to_have_count(1)  # nothing happened yet
    by_testid(console, 'confirm-remove').click()
    expect(row).to_have_count(0)
    expect(by_testid(console, 'step-row')).to_have_count(11)
    removed = by_testid(console, 'removed-step')
    expect(removed).to_have_text('Weggehaald: Wat is het probleem volgens u?Terugzetten')

    removed.locator('[data-testid=restore-step]').click()
    expect(by_testid(console, 'removed-step')).to_have_count(0)
    expect(by_testid(console, 'step-row').nth(2)).to_contain_text('Wat is het probleem volgens u?')
    for phone in phones:  # removing the current step had moved the room on to the next one
        expect(by_testid(phone, 'step-title')).to_have_text('Hoe gaat het nu?')
    by_testid(console, 'previous').click()
    for phone in phones:
        expect(by_testid(phone, 'step-title')).to_have_text('Wat is het probleem volgens u?')
        expect(by_testid(phone, 'own-card')).to_have_count(1)


def test_an_empty_step_is_removed_without_asking(server, browser):
    console, _, _ = room(browser, server, phones=0)
    row = by_testid(console, 'step-row').filter(has_text='Evaluatie')
    row.locator('[data-testid=remove-step]').click()
    expect(row).to_have_count(0)
    expect(by_testid(console, 'removed-step')).to_have_count(0)


def test_deleting_a_workshop_says_what_would_be_lost(server, browser):
    console, _, phones = room(browser, server, phones=2)
    go_next(console, *phones, title='Wie bent u hier?')
    go_next(console, *phones, title='Wat is het probleem volgens u?')
    by_testid(phones[0], 'card-text').fill('Te weinig bankjes')
    by_testid(phones[0], 'send-card').click()
    expect_saved(phones[0])
    by_testid(console, 'delete').click()
    expect(by_testid(console, 'confirm-question')).to_contain_text(
        'Deze bijeenkomst heeft 2 deelnemers, 1 kaartje en 0 antwoorden. Wilt u haar verwijderen, met alles erin?')


def test_merging_cards_asks_first_and_a_no_merges_nothing(server, browser):
    console, _, phones = room(browser, server, phones=2)
    go_next(console, *phones, title='Wie bent u hier?')
    go_next(console, *phones, title='Wat is het probleem volgens u?')
    for phone, text in zip(phones, ('Te weinig bankjes', 'Geen bankjes in het park')):
        by_testid(phone, 'card-text').fill(text)
        by_testid(phone, 'send-card').click()
        expect_saved(phone)
    second = by_testid(console, 'console-card').filter(has_text='Geen bankjes in het park')

    def choose_merge() -> None:
        second.locator('[data-testid=merge-card]').click()
        console.get_by_role('option', name='Te weinig bankjes').click()
        expect(by_testid(console, 'confirm-question')).to_have_text(
            '„Geen bankjes in het park” samenvoegen met „Te weinig bankjes”? Het kaartje telt dan niet meer apart, '
            'maar bij „Te weinig bankjes”. Terugdraaien kan met „Los kaartje”.')

    choose_merge()
    console.get_by_role('button', name='Annuleren').click()
    expect(second.locator('[data-testid=merge-card]')).to_contain_text('Los kaartje')
    choose_merge()
    by_testid(console, 'confirm-merge').click()
    expect(second.locator('[data-testid=merge-card]')).to_contain_text('Te weinig bankjes')
