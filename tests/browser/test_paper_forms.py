"""A stack of paper forms: a table host enters each form as one anonymous paper participant, corrects one and
removes another while the step is open; the screen counts what the database holds. A revoked link closes the page."""
from __future__ import annotations

import sqlite3

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE
from .helpers import bar_count, by_testid, new_workshop
from .test_paper import add_helper, go_to

pytestmark = pytest.mark.browser


def scale_values(database) -> list[int]:
    with sqlite3.connect(database) as connection:
        return [value for value, in connection.execute(
            "select value from answer join step on step.id = answer.step_id where step.key = 'nu' order by value")]


def test_paper_forms_are_entered_one_by_one_corrected_and_removed_until_the_step_locks(server, browser, tmp_path):
    database = tmp_path / 'samenspraak.db'
    console = browser.new_context(**DESKTOP).new_page()
    new_workshop(console, server)
    link = add_helper(console, 'Hanna', 'Tafel 1')
    screen = browser.new_context(**DESKTOP).new_page()
    screen.goto(server.url + by_testid(console, 'screen-link').get_attribute('href'))
    helper = browser.new_context(**PHONE).new_page()
    helper.goto(link)

    go_to(console, 'Ideeën en wensen', helper)
    expect(by_testid(helper, 'new-form')).to_have_count(0)  # cards are written per resident, not from a stack
    go_to(console, 'Hoe gaat het nu?', helper)
    by_testid(console, 'reveal').click()
    for value in ('2', '4'):
        by_testid(helper, 'new-form').click()
        expect(by_testid(helper, 'resident')).to_have_count(1 if value == '2' else 2)
        by_testid(helper, 'scale-value').get_by_text(value, exact=True).click()
        expect(bar_count(screen, value)).to_have_text('1')
    assert scale_values(database) == [2, 4]

    by_testid(helper, 'resident').first.click()  # the first form was read wrongly: it says 5
    by_testid(helper, 'scale-value').get_by_text('5', exact=True).click()
    expect(bar_count(screen, '5')).to_have_text('1')
    expect(bar_count(screen, '2')).to_have_text('0')

    by_testid(helper, 'resident').nth(1).click()  # the second form was entered twice: take it away
    by_testid(helper, 'remove-answers').click()
    expect(by_testid(helper, 'resident')).to_have_count(1)
    expect(bar_count(screen, '4')).to_have_text('0')
    assert scale_values(database) == [5]

    by_testid(console, 'lock-step').click()
    expect(by_testid(helper, 'locked')).to_be_visible()
    expect(by_testid(helper, 'remove-answers')).to_have_count(0)
    assert scale_values(database) == [5]

    by_testid(console, 'revoke-helper').click()
    expect(by_testid(console, 'helper-row')).to_have_count(0)
    helper.reload()
    expect(helper.get_by_role('heading', level=1)).to_have_text(
        'Deze link werkt niet (meer). Vraag de begeleider om een nieuwe link.')
    expect(by_testid(helper, 'resident')).to_have_count(0)
