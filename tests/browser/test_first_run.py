"""A new installation's start page guides the first facilitator: the account, a trial workshop on the default
plan, its screen in a second window, the workshop opened and a test phone joined, each ticked when it is so."""
from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .axe import violations
from .conftest import DESKTOP, PASSWORD, Server
from .helpers import by_testid, joined_phone

pytestmark = pytest.mark.browser


@pytest.fixture
def fresh_server(tmp_path):
    """A server on an empty database: no account yet."""
    running = Server(tmp_path)
    running.start()
    yield running
    running.stop()


def expect_done(page: Page, *done: bool) -> None:
    expect(by_testid(page, 'first-run-step')).to_have_count(5)
    for number, state in enumerate(done):
        expect(by_testid(page, 'first-run-step').nth(number)).to_have_attribute('data-done', str(state).lower())


def test_the_first_run_guide_leads_from_the_account_to_a_joined_phone(fresh_server, browser):
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    page.goto(fresh_server.url)
    expect(by_testid(page, 'first-run')).to_contain_text('Zo begint u')
    expect_done(page, False, False, False, False, False)
    assert violations(page) == []

    by_testid(page, 'first-run-account').click()
    page.wait_for_function('window.socket && window.socket.connected')
    by_testid(page, 'name').fill('Eerste')
    by_testid(page, 'password').fill(PASSWORD)
    by_testid(page, 'sign-in').click()
    expect(page).to_have_url(f'{fresh_server.url}/')
    expect_done(page, True, False, False, False, False)

    by_testid(page, 'first-run-create').click()
    expect_done(page, True, True, False, False, False)
    with context.expect_page() as opened:
        by_testid(page, 'first-run-screen').click()
    screen = opened.value
    expect(by_testid(screen, 'code')).to_be_visible()
    expect_done(page, True, True, True, False, False)

    by_testid(page, 'first-run-open').click()
    expect_done(page, True, True, True, True, False)
    phone = joined_phone(browser, by_testid(page, 'first-run-join-address').inner_text())
    expect(by_testid(phone, 'step-title')).to_have_text('Welkom en spelregels')
    expect_done(page, True, True, True, True, True)
    expect(by_testid(page, 'first-run-ready')).to_be_visible()
    assert violations(page) == []

    by_testid(page, 'first-run-console').click()
    expect(by_testid(page, 'workshop-status')).to_have_text('Open.')
    expect(by_testid(page, 'people')).to_contain_text('1 deelnemer')
