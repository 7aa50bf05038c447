"""Keyboard only: a resident joins, writes a card and votes; the facilitator drives steps with a presenter's keys."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, FACILITATOR, PASSWORD, PHONE
from .helpers import by_testid, expect_saved, tab_to

pytestmark = pytest.mark.browser


def test_resident_and_facilitator_need_no_mouse(server, browser):
    console = browser.new_context(**DESKTOP).new_page()
    console.goto(f'{server.url}/login')
    tab_to(console, 'name')
    console.keyboard.type(FACILITATOR)
    tab_to(console, 'password')
    console.keyboard.type(PASSWORD)
    console.keyboard.press('Enter')
    expect(console).to_have_url(f'{server.url}/')
    tab_to(console, 'create')
    console.keyboard.press('Enter')
    expect(console).to_have_url(re.compile(r'.*/host/.+'))
    tab_to(console, 'open-joining')
    console.keyboard.press('Enter')
    expect(by_testid(console, 'workshop-status')).to_have_text('Open.')
    join_url = by_testid(console, 'join-address').inner_text()

    phone = browser.new_context(**PHONE).new_page()
    phone.goto(join_url)
    tab_to(phone, 'join')
    phone.keyboard.press('Enter')
    expect(by_testid(phone, 'step-title')).to_have_text('Welkom en spelregels')

    console.locator('body').click(position={'x': 5, 'y': 5})  # focus on the page, not on a field
    for title in ('Wie bent u hier?', 'Wat is het probleem volgens u?'):
        console.keyboard.press('PageDown')
        expect(by_testid(phone, 'step-title')).to_have_text(title)
    console.keyboard.press('ArrowLeft')
    expect(by_testid(phone, 'step-title')).to_have_text('Wie bent u hier?')
    console.keyboard.press('ArrowRight')
    expect(by_testid(phone, 'step-title')).to_have_text('Wat is het probleem volgens u?')

    tab_to(phone, 'card-text')
    phone.keyboard.type('Meer bankjes in het park')
    tab_to(phone, 'send-card')
    phone.keyboard.press('Enter')
    expect_saved(phone)
    expect(by_testid(phone, 'own-card')).to_have_text(['Meer bankjes in het park'])

    console.keyboard.press('PageDown')
    expect(by_testid(phone, 'step-title')).to_have_text('Hoe gaat het nu?')
    tab_to(phone, 'scale-value')
    phone.keyboard.press('Tab')  # the second value
    phone.keyboard.press('Enter')
    expect_saved(phone)
    expect(by_testid(phone, 'scale-value').filter(has_text='✓')).to_have_text('✓ 2')
