"""Excel in through the pages: the facilitator adds a prepared card list on a cards step (a bad file is refused
with a reason), then starts a follow-up session from this session's downloaded workbook."""
from __future__ import annotations

import re

import pytest
from openpyxl import Workbook
from playwright.sync_api import expect

from .conftest import DESKTOP
from .helpers import by_testid, choose_file, new_workshop

pytestmark = pytest.mark.browser


def test_a_card_list_appears_in_the_console_and_carries_over_to_a_follow_up(server, browser, tmp_path):
    card_list = tmp_path / 'kaartjes.xlsx'
    book = Workbook()
    for row in (['Tekst', 'Toelichting'], ['Meer bankjes in het park', 'Om uit te rusten'], ['Een buurthuis']):
        book.active.append(row)
    book.save(card_list)
    text_file, csv_as_xlsx = tmp_path / 'kaartjes.txt', tmp_path / 'nep.xlsx'
    for path in (text_file, csv_as_xlsx):
        path.write_text('Meer bankjes;Een buurthuis')

    console = browser.new_context(**DESKTOP).new_page()
    new_workshop(console, server)
    console.locator('[data-testid=step-row]', has_text='Ideeën en wensen').locator('[data-testid=go-step]').click()
    expect(by_testid(console, 'current-step')).to_contain_text('Ideeën en wensen')

    choose_file(console, 'cards-upload', text_file)
    expect(by_testid(console, 'status')).to_have_text('Dit bestand kan niet. Kies een Excel-bestand (.xlsx) van '
                                                      'hoogstens 5 MB.')
    choose_file(console, 'cards-upload', csv_as_xlsx)
    expect(by_testid(console, 'status')).to_have_text('Dit bestand kunnen we niet lezen. Kies een Excel-bestand (.xlsx).')
    expect(by_testid(console, 'console-card')).to_have_count(0)
    choose_file(console, 'cards-upload', card_list)
    expect(by_testid(console, 'status')).to_have_text('2 kaartjes toegevoegd.')
    expect(by_testid(console, 'console-card')).to_have_count(2)
    expect(by_testid(console, 'console-card').first).to_contain_text('Meer bankjes in het park')

    with console.expect_download() as download:
        by_testid(console, 'download-excel').click()
    workbook = tmp_path / 'eerder.xlsx'
    download.value.save_as(workbook)
    console.goto(server.url)
    choose_file(console, 'follow-up', workbook)
    expect(console).to_have_url(re.compile(r'.*/host/.+'))
    console.locator('[data-testid=step-row]', has_text='Ideeën en wensen').locator('[data-testid=go-step]').click()
    expect(by_testid(console, 'console-card')).to_have_text([re.compile('Meer bankjes in het park'),
                                                             re.compile('Een buurthuis')])
