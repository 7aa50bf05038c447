"""A word cloud in a real browser: the facilitator adds the step, three phones give answers (by Enter and by tap,
one refused twice, one taken back), the screen shows the cloud and the top answers with their counts, a hidden
answer leaves the screen, and the workbook has a row per answer and the counts."""
from __future__ import annotations

import openpyxl
import pytest
from playwright.sync_api import expect

from .axe import violations
from .helpers import by_testid, expect_saved, go_next, room

pytestmark = pytest.mark.browser
TITLE = 'Eén woord over uw wijk'


def give(phone, text: str, *, enter: bool = False) -> None:
    given = by_testid(phone, 'wordcloud-answer').count()
    by_testid(phone, 'wordcloud-text').fill(text)
    if enter:
        by_testid(phone, 'wordcloud-text').press('Enter')
    else:
        by_testid(phone, 'wordcloud-send').click()
    expect(by_testid(phone, 'wordcloud-answer')).to_have_count(given + 1)
    expect_saved(phone)


def test_answers_go_from_phones_to_the_cloud_and_the_workbook(server, browser, tmp_path):
    console, screen, phones = room(browser, server, phones=3)
    by_testid(console, 'new-kind').click()
    console.get_by_role('option', name='Woordwolk').click()
    by_testid(console, 'new-title').fill(TITLE)
    by_testid(console, 'add-step').click()
    expect(by_testid(console, 'step-row')).to_have_count(13)
    go_next(console, *phones, title=TITLE)

    ans, bram, cas = phones
    expect(by_testid(ans, 'wordcloud-left')).to_have_text('U kunt nog 3 antwoorden geven.')
    give(ans, 'Groene wijk', enter=True)
    give(ans, 'Rustig')
    give(bram, 'groene  WIJK')
    give(bram, 'Scheldwoord')
    give(cas, 'Groene wijk')
    by_testid(cas, 'wordcloud-text').fill(' groene wijk')
    by_testid(cas, 'wordcloud-send').click()
    expect(by_testid(cas, 'status')).to_have_text('U gaf „groene wijk” al. Geef een ander antwoord.')
    give(cas, 'Buren')
    give(cas, 'Rustig')
    expect(by_testid(cas, 'wordcloud-left')).to_have_text(
        'U heeft al uw antwoorden gegeven. Neem er een terug als u iets anders wilt zeggen.')
    expect(by_testid(cas, 'wordcloud-text')).to_be_hidden()
    assert violations(cas) == []
    by_testid(cas, 'wordcloud-answer').filter(has_text='Buren').get_by_role('button', name='Terugnemen').click()
    expect(by_testid(cas, 'wordcloud-answer')).to_have_text(['Groene wijkTerugnemen', 'RustigTerugnemen'])
    expect(by_testid(cas, 'wordcloud-left')).to_have_text('U kunt nog 1 antwoord geven.')
    expect(by_testid(cas, 'wordcloud-text')).to_be_focused()  # the keyboard goes on where the next answer goes

    by_testid(console, 'reveal').click()
    results = screen.locator('[data-testid="results"]')
    expect(results.locator('[data-testid="cloud-word"]')).to_have_text(
        ['Groene wijk', 'Rustig', 'Scheldwoord'])  # in a steady, alphabetical place
    expect(results.locator('[data-testid="bars"] .bar-row')).to_have_text(
        ['Groene wijk3', 'Rustig2', 'Scheldwoord1'])  # the counts written out: not by size alone
    sizes = [results.locator('[data-testid="cloud-word"]').nth(index).evaluate(
        'element => parseFloat(getComputedStyle(element).fontSize)') for index in range(3)]
    assert sizes[0] > sizes[1] > sizes[2] >= 36  # the least given still large on the projector

    answer = by_testid(console, 'moderated-answer').filter(has_text='Scheldwoord')
    answer.get_by_role('button', name='Verbergen').click()
    expect(results.locator('[data-testid="cloud-word"]')).to_have_text(['Groene wijk', 'Rustig'])
    expect(answer).to_contain_text('verborgen')
    assert 'Scheldwoord' not in screen.content()
    assert violations(console) == []

    with console.expect_download() as download:
        by_testid(console, 'download-excel').click()
    download.value.save_as(tmp_path / 'uitkomsten.xlsx')
    book = openpyxl.load_workbook(tmp_path / 'uitkomsten.xlsx')
    stemmen = [row for row in book['Stemmen'].iter_rows(min_row=2, values_only=True) if row[1] == 'woordwolk']
    assert sorted((row[7], row[8]) for row in stemmen) == [
        ('groene wijk', 'Groene wijk'), ('groene wijk', 'Groene wijk'), ('groene wijk', 'groene WIJK'),
        ('rustig', 'Rustig'), ('rustig', 'Rustig'), ('scheldwoord', 'Scheldwoord')]
    summary = list(book['Samenvatting'].iter_rows(values_only=True))
    start = next(index for index, row in enumerate(summary) if row[:2] == ('Antwoord', 'Iedereen'))
    assert [row[:2] for row in summary[start + 1:start + 3]] == [('Groene wijk', 3), ('Rustig', 2)]
