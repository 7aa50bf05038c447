"""The whole loop in a real browser: a facilitator runs the default plan, three phones join through the
QR code on the screen, answer, reload, and survive a server restart; the screen shows the right counts."""
from __future__ import annotations

import sqlite3

import openpyxl
import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE
from .helpers import bar_count, by_testid, decode_qr, expect_saved, go_next, new_workshop

pytestmark = pytest.mark.browser


def test_live_workshop_from_qr_to_results_survives_reload_and_restart(server, browser, tmp_path):
    console = browser.new_context(**DESKTOP).new_page()
    new_workshop(console, server, title='Buurtavond De Linde')
    screen_url = by_testid(console, 'screen-link').get_attribute('href')

    screen = browser.new_context(**DESKTOP).new_page()
    screen.goto(server.url + screen_url)
    join_url = decode_qr(screen, tmp_path / 'qr.png')
    assert join_url.startswith(f'{server.url}/w/')
    expect(by_testid(screen, 'join-address')).to_have_text(join_url)

    phones = [browser.new_context(**PHONE).new_page() for _ in range(3)]
    for number, phone in enumerate(phones):
        phone.goto(join_url)
        if number == 0:
            by_testid(phone, 'join-perspective').click()
            phone.get_by_role('option', name='Mantelzorger').click()
        by_testid(phone, 'join').click()
        expect(by_testid(phone, 'step-title')).to_have_text('Welkom en spelregels')
    expect(by_testid(screen, 'participants')).to_have_text('3 deelnemers')

    # cards: an empty card gets a clear message; every card is confirmed only once stored
    go_next(console, *phones, title='Wie bent u hier?')
    go_next(console, *phones, title='Wat is het probleem volgens u?')
    by_testid(phones[0], 'send-card').click()
    expect(by_testid(phones[0], 'status')).to_have_text('U heeft nog niets geschreven.')
    for number, phone in enumerate(phones):
        by_testid(phone, 'card-text').fill(f'Probleem {number}: <b>te weinig</b> bankjes')
        by_testid(phone, 'send-card').click()
        expect_saved(phone)
        expect(by_testid(phone, 'own-card')).to_have_text([f'Probleem {number}: <b>te weinig</b> bankjes'])

    # a reload mid-step brings back the same participant with their card
    phones[1].reload()
    expect(by_testid(phones[1], 'step-title')).to_have_text('Wat is het probleem volgens u?')
    expect(by_testid(phones[1], 'own-card')).to_have_text(['Probleem 1: <b>te weinig</b> bankjes'])
    expect(by_testid(phones[1], 'join')).to_have_count(0)

    # scale
    go_next(console, *phones, title='Hoe gaat het nu?')
    for phone, value in zip(phones, ['2', '4', '4']):
        by_testid(phone, 'scale-value').get_by_text(value, exact=True).click()
        expect_saved(phone)
    by_testid(console, 'reveal').click()
    expect(bar_count(screen, '4')).to_have_text('2')
    expect(bar_count(screen, '2')).to_have_text('1')

    # ideas, then dot voting on them
    go_next(console, *phones, title='Ideeën en wensen')
    for number, phone in enumerate(phones):
        by_testid(phone, 'card-text').fill(f'Idee {number}')
        by_testid(phone, 'card-why').fill('Omdat het helpt')
        by_testid(phone, 'send-card').click()
        expect_saved(phone)
    go_next(console, *phones, title='Ordenen')
    go_next(console, *phones, title='Kiezen')
    idea_ids = [card.get_attribute('data-card') for card in by_testid(phones[0], 'dot-card').all()]
    assert len(idea_ids) == 3
    by_testid(console, 'reveal').click()  # shown from the start: the bars are built in card order, then re-sorted
    expect(bar_count(screen, idea_ids[2])).to_have_text('0')
    for phone in phones:
        by_testid(phone, 'dot-card').filter(has_text='Idee 2').locator('[data-testid=add-dot]').click()
        expect_saved(phone)
    by_testid(phones[0], 'dot-card').filter(has_text='Idee 2').locator('[data-testid=add-dot]').click()
    expect(by_testid(phones[0], 'status')).to_have_text('U kunt maar één stip op een kaartje zetten.')
    expect(bar_count(screen, idea_ids[2])).to_have_text('3')
    assert screen_order(screen)[0] == idea_ids[2]  # most dots first

    # the server restarts mid-session: every page comes back, nobody is lost, nothing is counted twice
    pages = [*phones, screen, console]
    for page in pages:
        page.evaluate('window.beforeRestart = true')
    server.restart()
    for page in pages:  # each page notices the new server and rebuilds itself from the database
        page.wait_for_function('!window.beforeRestart', timeout=30_000)
    for phone in phones:
        expect(by_testid(phone, 'dots-left')).to_have_text('U heeft nog 2 stippen.', timeout=30_000)
    expect(by_testid(screen, 'participants')).to_have_text('3 deelnemers', timeout=30_000)
    expect(bar_count(screen, idea_ids[2])).to_have_text('3', timeout=30_000)
    by_testid(phones[2], 'dot-card').filter(has_text='Idee 1').locator('[data-testid=add-dot]').click()
    expect_saved(phones[2])
    expect(bar_count(screen, idea_ids[1])).to_have_text('1')
    assert screen_order(screen) == [idea_ids[2], idea_ids[1], idea_ids[0]]

    # a poll added by the facilitator during the session
    by_testid(console, 'new-kind').click()
    console.get_by_role('option', name='Peiling').click()
    by_testid(console, 'new-title').fill('Komt u de volgende keer?')
    by_testid(console, 'add-step').click()
    expect(by_testid(console, 'step-row')).to_have_count(13)
    go_next(console, *phones, title='Komt u de volgende keer?')
    for phone, option in zip(phones, ['Keuze 1', 'Keuze 2', 'Keuze 2']):
        by_testid(phone, 'poll-option').get_by_text(option, exact=True).click()
        expect_saved(phone)
    by_testid(console, 'reveal').click()
    expect(bar_count(screen, 'Keuze 2')).to_have_text('2')
    expect(bar_count(screen, 'Keuze 1')).to_have_text('1')

    # the database agrees: three participants, one scale answer each, four dots
    with console.expect_download() as download:
        by_testid(console, 'download-excel').click()
    download.value.save_as(tmp_path / 'uitkomsten.xlsx')
    book = openpyxl.load_workbook(tmp_path / 'uitkomsten.xlsx')
    with sqlite3.connect(tmp_path / 'samenspraak.db') as database:
        for sheet, table in (('Deelnemers', 'participant'), ('Kaarten', 'card')):
            rows = book[sheet].max_row - 1  # one header row, one row per fact
            assert (sheet, rows) == (sheet, database.execute(f'select count(*) from {table}').fetchone()[0])
        assert book['Stemmen'].max_row - 1 == database.execute('select count(*) from answer').fetchone()[0] == 10
        assert database.execute('select count(*) from participant').fetchone() == (3,)
        assert database.execute("select count(*) from answer join step on step.id = answer.step_id "
                                "where step.key = 'nu'").fetchone() == (3,)
        assert database.execute("select count(*) from answer join step on step.id = answer.step_id "
                                "where step.key = 'kiezen'").fetchone() == (4,)


def screen_order(screen) -> list[str]:
    """The cards in the order the screen's bars show them (top to bottom)."""
    return [row.get_attribute('data-key') for row in
            screen.locator('[data-testid="results"] [data-testid="bars"] .bar-row').all()]
