"""Residents without a phone: a table host on a phone-sized page enters the answers of two paper residents on a
cards, dots, ladder and consent step while two phones vote. The screen's totals equal the database and include
both, split by table too; the workbook has every row with its source and table; a helper cannot act for another
helper's resident or on a locked step."""
from __future__ import annotations

import sqlite3

import openpyxl
import pytest
from playwright.sync_api import Page, expect

from .conftest import DESKTOP, PHONE
from .helpers import bar_count, by_testid, decode_qr, expect_saved, joined_phone, new_workshop
from .test_ladder import tap

pytestmark = pytest.mark.browser

RESIDENTS = ('Mevrouw Jansen', 'Meneer Bakker')
SAVED = 'Opgeslagen. Het antwoord telt mee.'


def add_helper(console: Page, name: str, table: str) -> str:
    """The facilitator adds a table host; the console shows their link once."""
    by_testid(console, 'helper-name').fill(name)
    by_testid(console, 'helper-table').fill(table)
    by_testid(console, 'add-helper').click()
    expect(by_testid(console, 'helper-row').filter(has_text=name)).to_have_count(1)
    return by_testid(console, 'helper-link').inner_text()


def add_resident(helper: Page, nickname: str) -> None:
    count = by_testid(helper, 'resident').count()
    by_testid(helper, 'paper-nickname').fill(nickname)
    by_testid(helper, 'add-resident').click()
    expect(by_testid(helper, 'resident')).to_have_count(count + 1)


def answer_for(helper: Page, name: str) -> None:
    by_testid(helper, 'resident').filter(has_text=name).click()
    expect(by_testid(helper, 'answering')).to_have_text(f'Antwoorden van {name}')


def everyone(phones: list[Page], helper: Page):  # type: ignore[no-untyped-def]
    """Each phone, then the helper page once for each paper resident (chosen before it is handed on)."""
    yield from phones
    for name in RESIDENTS:
        answer_for(helper, name)
        yield helper


def go_to(console: Page, title: str, *pages: Page) -> None:
    by_testid(console, 'step-row').filter(has_text=title).locator('[data-testid=go-step]').click()
    expect(by_testid(console, 'current-step')).to_contain_text(title)
    for page in pages:
        expect(by_testid(page, 'step-title')).to_have_text(title)


def query(database, sql: str, *args) -> list[tuple]:  # type: ignore[no-untyped-def]
    with sqlite3.connect(database) as connection:
        return connection.execute(sql, args).fetchall()


def answers_by_source(database, key: str) -> dict[str, int]:
    return dict(query(database, """select participant.source, count(*) from answer
                                   join step on step.id = answer.step_id
                                   join participant on participant.id = answer.participant_id
                                   where step.key = ? group by participant.source""", key))


def test_a_table_host_enters_paper_answers_that_count_with_the_phones(server, browser, tmp_path):
    database = tmp_path / 'samenspraak.db'
    console = browser.new_context(**DESKTOP).new_page()
    new_workshop(console, server)
    hanna_link = add_helper(console, 'Hanna', 'Tafel 1')
    piet_link = add_helper(console, 'Piet', 'Tafel 2')
    screen = browser.new_context(**DESKTOP).new_page()
    screen.goto(server.url + by_testid(console, 'screen-link').get_attribute('href'))
    join_url = by_testid(console, 'join-address').inner_text()

    at_table = browser.new_context(**PHONE).new_page()  # a phone that sits at Tafel 1
    at_table.goto(join_url)
    by_testid(at_table, 'join-table').click()
    at_table.get_by_role('option', name='Tafel 1').click()
    by_testid(at_table, 'join').click()
    phones = [at_table, joined_phone(browser, join_url)]

    helper = browser.new_context(**PHONE).new_page()  # 360 x 740
    helper.goto(hanna_link)
    for name in RESIDENTS:
        add_resident(helper, name)
    other = browser.new_context(**PHONE).new_page()
    other.goto(piet_link)
    add_resident(other, 'Van Piet')
    expect(by_testid(screen, 'participants')).to_have_text('5 deelnemers')
    expect(by_testid(console, 'people')).to_have_text('5 deelnemers (3 op papier)')
    expect(by_testid(console, 'perspectives')).to_have_text('Perspectieven: Niet gezegd: 5')

    # cards: each writes an idea
    go_to(console, 'Ideeën en wensen', *phones, helper)
    for number, phone in enumerate(phones):
        by_testid(phone, 'card-text').fill(f'Idee telefoon {number}')
        by_testid(phone, 'send-card').click()
        expect(by_testid(phone, 'own-card')).to_have_count(1)
    for name in RESIDENTS:
        answer_for(helper, name)
        by_testid(helper, 'card-text').fill(f'Idee van {name}')
        by_testid(helper, 'card-why').fill('Dat zei zij aan tafel')
        by_testid(helper, 'send-card').click()
        expect(by_testid(helper, 'own-card')).to_have_text([f'Idee van {name}'])  # only once stored
    expect(by_testid(screen, 'answered')).to_have_text('4 van 5 hebben geantwoord')
    assert query(database, "select text, motivation from card join participant on participant.id = card.participant_id "
                           "where participant.source = 'papier' order by card.id") == [
        (f'Idee van {name}', 'Dat zei zij aan tafel') for name in RESIDENTS]

    # dots: everyone puts a dot on the first resident's idea; the same rule holds on paper (one dot per card)
    go_to(console, 'Kiezen', *phones, helper)
    chosen = 'Idee van Mevrouw Jansen'
    card = by_testid(phones[0], 'dot-card').filter(has_text=chosen).get_attribute('data-card')
    by_testid(console, 'reveal').click()
    for phone in phones:
        by_testid(phone, 'dot-card').filter(has_text=chosen).locator('[data-testid=add-dot]').click()
        expect_saved(phone)
    for name in RESIDENTS:
        answer_for(helper, name)
        by_testid(helper, 'dot-card').filter(has_text=chosen).locator('[data-testid=add-dot]').click()
        expect(by_testid(helper, 'dots-left')).to_have_text('U heeft nog 2 stippen.')
    by_testid(helper, 'dot-card').filter(has_text=chosen).locator('[data-testid=add-dot]').click()
    expect(by_testid(helper, 'status')).to_have_text('U kunt maar één stip op een kaartje zetten.')
    expect(bar_count(screen, card)).to_have_text('4')
    assert answers_by_source(database, 'kiezen') == {'telefoon': 2, 'papier': 2}

    # ladder: each places the first card on a rung
    go_to(console, 'Wie wordt eigenaar?', *phones, helper)
    first = by_testid(phones[0], 'ladder-card').first.get_attribute('data-value')
    for page in everyone(phones, helper):
        tap(page, 'ladder-card', first)
        tap(page, 'ladder-rung', 3)
        expect(page.locator('[data-testid=ladder-position][aria-pressed=true]')).to_contain_text('Gewenst')
    expect(by_testid(screen, 'answered')).to_have_text('4 van 5 hebben geantwoord')
    assert answers_by_source(database, 'eigenaar') == {'telefoon': 2, 'papier': 2}

    # consent: everyone can live with the first idea
    go_to(console, 'Kunt u hiermee leven?', *phones, helper)
    by_testid(console, 'reveal').click()
    for page in everyone(phones, helper):
        item = by_testid(page, 'consent-item').first
        tap(item, 'consent-answer', 'ja')
        expect(item.locator('[data-testid=consent-answer][data-value=ja]')).to_have_attribute('aria-pressed', 'true')
    expect(bar_count(screen, 'ja')).to_have_text('4')
    assert answers_by_source(database, 'leven') == {'telefoon': 2, 'papier': 2}

    # split by table: Tafel 1 (a phone and two on paper) is large enough to show, the phone at no table is not
    by_testid(console, 'split-table').click()
    expect(screen.locator('.group-title').first).to_have_text('Tafel 1')
    expect(screen.locator('[data-testid=group-bars] [data-key=ja] [data-testid=count]').first).to_have_text('3')
    expect(screen.locator('.group-title', has_text='Tafel 2')).to_have_count(0)
    expect(by_testid(console, 'split-table')).to_have_attribute('aria-checked', 'true')
    by_testid(console, 'split').click()  # one split at a time
    expect(by_testid(console, 'split-table')).to_have_attribute('aria-checked', 'false')
    expect(screen.locator('.group-title', has_text='Tafel 1')).to_have_count(0)

    # another helper cannot act for Hanna's residents: a clear message, nothing to enter, nothing stored
    before = query(database, 'select count(*) from answer')
    jansen = by_testid(helper, 'resident').filter(has_text=RESIDENTS[0]).get_attribute('data-participant')
    other.goto(f'{piet_link}?voor={jansen}')
    expect(by_testid(other, 'status')).to_have_text(
        'U kunt alleen antwoorden invullen voor deelnemers die u zelf hebt toegevoegd. Er is niets opgeslagen.')
    expect(by_testid(other, 'answering')).to_have_count(0)
    expect(by_testid(other, 'consent-answer')).to_have_count(0)

    # a locked step: the helper page says so and offers nothing to enter
    by_testid(console, 'lock-step').click()
    expect(by_testid(helper, 'locked')).to_have_text('Deze stap is gesloten. U kunt nu niets invullen.')
    expect(by_testid(helper, 'consent-answer')).to_have_count(0)
    helper.reload()
    expect(by_testid(helper, 'locked')).to_be_visible()
    assert query(database, 'select count(*) from answer') == before

    # the workbook: every participant and every vote with its source and table
    with console.expect_download() as download:
        by_testid(console, 'download-excel').click()
    download.value.save_as(tmp_path / 'uitkomsten.xlsx')
    book = openpyxl.load_workbook(tmp_path / 'uitkomsten.xlsx')
    stored = {pseudonym: (source, table or None) for pseudonym, source, table in
              query(database, 'select pseudonym, source, table_name from participant')}
    assert sorted(stored.values(), key=str) == sorted(
        [('telefoon', 'Tafel 1'), ('telefoon', None), ('papier', 'Tafel 1'), ('papier', 'Tafel 1'),
         ('papier', 'Tafel 2')], key=str)
    assert sheet_rows(book['Deelnemers']) == sorted((name, *where) for name, where in stored.items())
    votes, placements = sheet_rows(book['Stemmen']), sheet_rows(book['Ladder'])  # dots and consent; the ladder
    assert (len(votes), len(placements)) == (8, 4) and query(database, 'select count(*) from answer') == [(12,)]
    for rows in (votes, placements):
        assert all(tuple(where) == stored[name] for name, *where in rows)
        assert {tuple(where) for _, *where in rows} == {('papier', 'Tafel 1'), ('telefoon', 'Tafel 1'),
                                                       ('telefoon', None)}


def sheet_rows(sheet) -> list[tuple]:  # type: ignore[no-untyped-def]
    """(Deelnemer, Bron, Tafel) of every row of the sheet's first table, sorted."""
    header, *rows = sheet.iter_rows(values_only=True)
    at = [header.index(name) for name in ('Deelnemer', 'Bron', 'Tafel')]
    return sorted(tuple(row[index] for index in at) for row in rows if row[0] is not None)


def test_a_phone_that_scans_the_table_hosts_code_joins_at_that_table(server, browser, tmp_path):
    console = browser.new_context(**DESKTOP).new_page()
    new_workshop(console, server)
    helper = browser.new_context(**PHONE).new_page()
    helper.goto(add_helper(console, 'Hanna', 'Tafel 1'))
    add_helper(console, 'Piet', 'Tafel 2')
    expect(helper.get_by_role('img', name='QR-code om mee te doen aan Tafel 1')).to_be_visible()
    address = decode_qr(helper, tmp_path / 'tafel.png')  # read by a real QR decoder from the helper's screen
    assert address.startswith(by_testid(console, 'join-address').inner_text()) and address.endswith('?tafel=Tafel+1')

    phone = browser.new_context(**PHONE).new_page()
    phone.goto(address)
    expect(by_testid(phone, 'join-table')).to_contain_text('Tafel 1')  # chosen already; it can still be changed
    by_testid(phone, 'join').click()
    expect(by_testid(phone, 'join')).to_have_count(0)
    assert query(tmp_path / 'samenspraak.db', 'select source, table_name from participant') == [('telefoon', 'Tafel 1')]

    stranger = browser.new_context(**PHONE).new_page()  # a table that is not one of the workshop's: none chosen
    stranger.goto(address.replace('Tafel+1', 'Tafel+9'))
    expect(by_testid(stranger, 'join-table')).to_contain_text('Geen tafel')
