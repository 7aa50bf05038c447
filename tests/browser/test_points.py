"""Punten verdelen in a real browser, from the console to the phones to the screen to the workbook: the facilitator
adds the step, three phones divide their points (taps, typing, the keyboard), going over the budget or typing a
word is refused in plain Dutch, and the screen and the workbook show the same totals, shares and means."""
from __future__ import annotations

import openpyxl
import pytest
from playwright.sync_api import expect

from app import db
from app import workshop as workshops

from .axe import violations
from .helpers import by_testid, expect_saved, go_next, room, tab_to

pytestmark = pytest.mark.browser
TITLE = 'Waar gaat het geld heen?'
CARDS = ['Een huiskamer', 'Gewone taal', 'Eén loket']


def cards_for_the_new_step(server, host_token: str) -> None:
    """Cards written earlier in the step the new one divides points over, made with the app's own rules."""
    db.configure(server.database_url)
    try:
        workshop = workshops.find(host_token=host_token)
        steps = workshops.state(workshop.id).steps
        source = next(step.settings['cards_from'] for step in steps if step.kind == 'points')
        written = next(step for step in steps if step.key == source)
        workshops.seed_cards(written.id, [(text, '') for text in CARDS], origin='test')
    finally:
        db.engine().dispose()


def item(phone, text: str):
    return by_testid(phone, 'points-card').filter(has_text=text)


def type_points(phone, text: str, amount: str) -> None:
    field = item(phone, text).locator('[data-testid=points-input]')
    field.fill(amount)
    field.press('Enter')


def test_phones_divide_their_points_and_the_screen_and_workbook_agree(server, browser, tmp_path):
    console, screen, phones = room(browser, server, phones=3)
    first, second, third = phones
    by_testid(console, 'step-row').filter(has_text='Ideeën en wensen').locator('[data-testid=go-step]').click()
    expect(by_testid(console, 'current-step')).to_contain_text('Ideeën en wensen')  # the new step comes after it
    by_testid(console, 'new-kind').click()
    console.get_by_role('option', name='Punten verdelen').click()
    by_testid(console, 'new-title').fill(TITLE)
    by_testid(console, 'add-step').click()
    expect(by_testid(console, 'step-row')).to_have_count(13)
    cards_for_the_new_step(server, console.url.rsplit('/', 1)[1])
    go_next(console, *phones, title=TITLE)
    expect(by_testid(first, 'points-card')).to_have_count(3)
    expect(by_testid(first, 'points-left')).to_have_text('Nog te verdelen: 100 van de 100 punten.')

    # taps on +, five points each; typing more than is left is refused and the field shows what is stored
    for points in ('5', '10', '15'):
        item(first, 'Een huiskamer').locator('[data-testid=points-more]').click()
        expect(item(first, 'Een huiskamer').locator('[data-testid=points-input]')).to_have_value(points)
    expect_saved(first)
    type_points(first, 'Gewone taal', '90')
    expect(by_testid(first, 'status')).to_have_text('U heeft nog maar 85 punten over. '
                                                    'Hier kunt u hoogstens 85 punten geven.')
    expect(item(first, 'Gewone taal').locator('[data-testid=points-input]')).to_have_value('0')
    type_points(first, 'Gewone taal', '85')
    expect(by_testid(first, 'points-left')).to_have_text('Nog te verdelen: 0 van de 100 punten.')
    item(first, 'Eén loket').locator('[data-testid=points-more]').click()
    expect(by_testid(first, 'status')).to_have_text('U heeft al uw 100 punten verdeeld. '
                                                    'Haal eerst punten weg bij iets anders.')
    assert violations(first) == []

    # a word is not a number; then typed amounts and a tap on −
    type_points(second, 'Eén loket', 'veel')
    expect(by_testid(second, 'status')).to_have_text('Vul een heel getal in, van 0 tot en met 100.')
    expect(item(second, 'Eén loket').locator('[data-testid=points-input]')).to_have_value('0')
    type_points(second, 'Eén loket', '60')
    expect(by_testid(second, 'points-left')).to_have_text('Nog te verdelen: 40 van de 100 punten.')
    type_points(second, 'Gewone taal', '40')
    expect(by_testid(second, 'points-left')).to_have_text('Nog te verdelen: 0 van de 100 punten.')
    item(second, 'Gewone taal').locator('[data-testid=points-less]').click()
    expect(by_testid(second, 'points-left')).to_have_text('Nog te verdelen: 5 van de 100 punten.')

    # the keyboard alone: Tab to the first +, Enter twice
    tab_to(third, 'points-more')
    for points in ('5', '10'):
        third.keyboard.press('Enter')
        expect(item(third, 'Een huiskamer').locator('[data-testid=points-input]')).to_have_value(points)
    expect_saved(third)

    by_testid(console, 'reveal').click()
    expect(by_testid(screen, 'points-respondents')).to_have_text(
        '3 mensen deden mee. Samen gaven zij 205 punten. Ieder had er 100.')
    rows = by_testid(screen, 'points-item')
    expect(rows.locator('.bar-label')).to_have_text(['1. Gewone taal', '2. Eén loket', '3. Een huiskamer'])
    expect(rows.locator('[data-testid=points-numbers]')).to_have_text([
        '120 punten · 58,5% van alle punten · gemiddeld 40 per persoon',
        '60 punten · 29,3% van alle punten · gemiddeld 20 per persoon',
        '25 punten · 12,2% van alle punten · gemiddeld 8,3 per persoon'])

    with console.expect_download() as download:
        by_testid(console, 'download-excel').click()
    download.value.save_as(tmp_path / 'uitkomsten.xlsx')
    book = openpyxl.load_workbook(tmp_path / 'uitkomsten.xlsx')
    number = next(row[0] for row in book['Stappen'].iter_rows(min_row=2, values_only=True) if row[3] == TITLE)
    votes = sorted((row[1], row[5], row[6]) for row in book['Stemmen'].iter_rows(min_row=2, values_only=True)
                   if row[0] == number)
    assert votes == [('punten', 'Een huiskamer', 10), ('punten', 'Een huiskamer', 15), ('punten', 'Eén loket', 60),
                     ('punten', 'Gewone taal', 35), ('punten', 'Gewone taal', 85)]
    summary = list(book['Samenvatting'].iter_rows(values_only=True))
    start = next(index for index, row in enumerate(summary) if row[0] == f'Stap {number}. {TITLE}')
    assert [row[:4] for row in summary[start + 1:start + 5]] == [
        ('Onderwerp', 'Totaal', 'Gemiddeld', 'Aandeel (%)'), ('Gewone taal', 120, 40, 58.5),
        ('Eén loket', 60, 20, 29.3), ('Een huiskamer', 25, 8.3, 12.2)]
