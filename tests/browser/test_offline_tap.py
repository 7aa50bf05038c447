"""A tap made while the phone has no connection is kept and sent when the connection is back, then confirmed, or
refused with the clear message if the step closed meanwhile; the notice of the lost connection is in the page's
language."""
from __future__ import annotations

import sqlite3

import pytest
from playwright.sync_api import expect

from .helpers import by_testid, expect_saved, go_next, room

pytestmark = pytest.mark.browser


def stored_cards(tmp_path) -> list[str]:
    with sqlite3.connect(tmp_path / 'samenspraak.db') as database:
        return [text for (text,) in database.execute('select text from card')]


def at_problem_cards(browser, server):
    console, _, (phone,) = room(browser, server, phones=1)
    go_next(console, phone, title='Wie bent u hier?')
    go_next(console, phone, title='Wat is het probleem volgens u?')
    return console, phone


def test_a_card_sent_without_connection_is_stored_once_when_it_is_back(server, browser, tmp_path):
    _, phone = at_problem_cards(browser, server)
    phone.evaluate('window.socket.disconnect()')
    by_testid(phone, 'card-text').fill('Geen wifi in het buurthuis')
    by_testid(phone, 'send-card').click()
    expect(by_testid(phone, 'status')).to_have_text(
        'Er is nu geen verbinding. Uw antwoord wordt verstuurd zodra er weer verbinding is.')
    phone.evaluate('window.socket.connect()')
    expect_saved(phone)
    expect(by_testid(phone, 'own-card')).to_have_text('Geen wifi in het buurthuis')
    assert stored_cards(tmp_path) == ['Geen wifi in het buurthuis']


def test_a_card_sent_without_connection_to_a_step_closed_meanwhile_is_refused_clearly(server, browser, tmp_path):
    console, phone = at_problem_cards(browser, server)
    phone.evaluate('window.socket.disconnect()')
    by_testid(phone, 'card-text').fill('Te laat verstuurd')
    by_testid(phone, 'send-card').click()
    by_testid(console, 'lock-step').click()
    expect(by_testid(console, 'lock-step')).to_have_text('Stap weer openen')
    phone.evaluate('window.socket.connect()')
    expect(by_testid(phone, 'status')).to_have_text('Deze stap is gesloten. Uw antwoord is niet meer opgeslagen.')
    assert stored_cards(tmp_path) == []


def test_the_connection_notice_is_in_the_page_language(server, browser):
    _, phone = at_problem_cards(browser, server)
    phone.evaluate('window.socket.disconnect()')
    expect(phone.locator('#popup')).to_be_visible()
    expect(phone.locator('#popup')).to_contain_text('De verbinding is weg.')
    expect(phone.locator('#popup')).to_contain_text('We proberen opnieuw te verbinden…')


def test_a_tap_kept_while_the_server_restarted_is_said_to_be_lost_on_the_new_page(server, browser, tmp_path):
    _, phone = at_problem_cards(browser, server)
    phone.evaluate('window.socket.disconnect()')
    by_testid(phone, 'card-text').fill('Verstuurd tijdens de herstart')
    by_testid(phone, 'send-card').click()
    expect(by_testid(phone, 'status')).to_contain_text('Er is nu geen verbinding.')
    server.restart()  # the page's client is gone with the old process: the page is replaced
    phone.evaluate('window.socket.connect()')
    expect(by_testid(phone, 'status')).to_have_text(
        'Uw laatste antwoord is niet aangekomen: de verbinding was te lang weg. Geef het nog eens.', timeout=30_000)
    assert stored_cards(tmp_path) == []
