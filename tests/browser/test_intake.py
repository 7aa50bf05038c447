"""The facilitator adds a prepared list of cards from Excel on a cards step; a bad file is refused with a reason."""
from __future__ import annotations

import re

import pytest
from openpyxl import Workbook
from playwright.sync_api import expect

from .conftest import DESKTOP
from .helpers import by_testid

pytestmark = pytest.mark.browser


def test_a_card_list_uploaded_on_a_cards_step_appears_in_the_console(server, browser, tmp_path):
    card_list = tmp_path / 'kaartjes.xlsx'
    book = Workbook()
    for row in (['Tekst', 'Toelichting'], ['Meer bankjes in het park', 'Om uit te rusten'], ['Een buurthuis']):
        book.active.append(row)
    book.save(card_list)
    text_file, csv_as_xlsx = tmp_path / 'kaartjes.txt', tmp_path / 'nep.xlsx'
    for path in (text_file, csv_as_xlsx):
        path.write_text('Meer bankjes;Een buurthuis')

    console = browser.new_context(**DESKTOP).new_page()
    console.goto(server.url)
    by_testid(console, 'create').click()
    expect(console).to_have_url(re.compile(r'.*/host/.+'))
    console.locator('[data-testid=step-row]', has_text='Ideeën en wensen').locator('[data-testid=go-step]').click()
    expect(by_testid(console, 'current-step')).to_contain_text('Ideeën en wensen')

    upload = by_testid(console, 'cards-upload').locator('input[type=file]')
    upload.set_input_files(text_file)
    expect(by_testid(console, 'status')).to_have_text('Dit bestand kan niet. Kies een Excel-bestand (.xlsx) van '
                                                      'hoogstens 5 MB.')
    upload.set_input_files(csv_as_xlsx)
    expect(by_testid(console, 'status')).to_have_text('Dit bestand kunnen we niet lezen. Kies een Excel-bestand (.xlsx).')
    expect(by_testid(console, 'console-card')).to_have_count(0)
    upload.set_input_files(card_list)
    expect(by_testid(console, 'status')).to_have_text('2 kaartjes toegevoegd.')
    expect(by_testid(console, 'console-card')).to_have_count(2)
    expect(by_testid(console, 'console-card').first).to_contain_text('Meer bankjes in het park')
