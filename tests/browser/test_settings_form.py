"""The edit-step dialog is a form made from the kind's settings, not JSON: the facilitator changes a dot vote's
number of dots and a poll's answers, a value out of bounds is refused in plain Dutch and nothing is stored, and the
phones follow what was saved."""
from __future__ import annotations

import sqlite3

import pytest
from playwright.sync_api import expect

from .axe import violations
from .conftest import DESKTOP
from .helpers import by_testid, go_next, joined_phone, new_workshop

pytestmark = pytest.mark.browser


def settings_of(server, title: str) -> str:
    with sqlite3.connect(server.database_url.removeprefix('sqlite:///')) as database:
        return database.execute('select settings from step where title = ?', (title,)).fetchone()[0]


def edit(console, title: str):
    row = by_testid(console, 'step-row').filter(has_text=title)
    row.locator('[data-testid=edit-step]').click()
    dialog = console.get_by_role('dialog')
    expect(dialog).to_be_visible()
    return dialog


def test_settings_are_edited_in_a_form_with_clear_refusals(server, browser):
    console = browser.new_context(**DESKTOP).new_page()
    new_workshop(console, server)
    phone = joined_phone(browser, by_testid(console, 'join-address').inner_text())

    dialog = edit(console, 'Kiezen')
    expect(dialog.locator('textarea.font-mono')).to_have_count(0)  # no JSON anywhere
    assert violations(console) == []
    by_testid(dialog, 'setting-dots').fill('99')
    console.keyboard.press('Tab')  # leaving the field does not quietly make it 20: the rule refuses it, and says why
    by_testid(dialog, 'save-step').click()
    expect(by_testid(dialog, 'settings-problem')).to_have_text('Stippen per persoon: dit mag hoogstens 20 zijn.')
    assert '"dots": 3' in settings_of(server, 'Kiezen')
    by_testid(dialog, 'setting-dots').fill('5')
    by_testid(dialog, 'setting-several_on_one_card').click()
    by_testid(dialog, 'save-step').click()
    expect(dialog).to_be_hidden()
    assert '"dots": 5' in settings_of(server, 'Kiezen') and '"several_on_one_card": true' in settings_of(server, 'Kiezen')

    by_testid(console, 'new-kind').click()
    console.get_by_role('option', name='Peiling').click()
    by_testid(console, 'new-title').fill('Welke dag past u?')
    by_testid(console, 'add-step').click()
    expect(by_testid(console, 'step-row')).to_have_count(13)
    dialog = edit(console, 'Welke dag past u?')
    by_testid(dialog, 'setting-options').fill('Maandag')
    by_testid(dialog, 'save-step').click()
    expect(by_testid(dialog, 'settings-problem')).to_have_text('Antwoorden: vul er minstens 2 in.')
    by_testid(dialog, 'setting-options').fill('Maandag\nDinsdag\n\nWoensdag ')
    by_testid(dialog, 'setting-multiple').click()
    by_testid(dialog, 'save-step').click()
    expect(dialog).to_be_hidden()
    assert '["Maandag", "Dinsdag", "Woensdag"]' in settings_of(server, 'Welke dag past u?')
    go_next(console, phone, title='Welke dag past u?')
    expect(by_testid(phone, 'poll-option')).to_contain_text(['Maandag', 'Dinsdag', 'Woensdag'])
