"""Only the workshop's own facilitator (or an admin) runs its console; the screen link controls nothing."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP
from .helpers import by_testid, new_workshop, sign_in

pytestmark = pytest.mark.browser


def test_console_refuses_strangers_other_facilitators_and_signed_out_browsers(server, browser):
    owner = browser.new_context(**DESKTOP).new_page()
    new_workshop(owner, server)
    console_url = owner.url

    stranger = browser.new_context(**DESKTOP).new_page()
    stranger.goto(console_url)
    expect(by_testid(stranger, 'sign-in-link')).to_be_visible()
    expect(by_testid(stranger, 'next')).to_have_count(0)
    expect(by_testid(stranger, 'join-address')).to_have_count(0)

    server.add_facilitator('Jan', 'een ander wachtwoord')
    colleague = browser.new_context(**DESKTOP).new_page()
    sign_in(colleague, server.url, 'Jan', 'een ander wachtwoord')
    colleague.goto(console_url)
    expect(by_testid(colleague, 'next')).to_have_count(0)

    # signed out in another tab: the console that is still open can no longer act
    other_tab = owner.context.new_page()
    other_tab.goto(f'{server.url}/logout')
    expect(other_tab).to_have_url(f'{server.url}/')
    by_testid(owner, 'next').click()
    expect(by_testid(owner, 'status')).to_have_text('U mag deze bijeenkomst niet leiden. '
                                                    'Meld u aan als de begeleider van deze bijeenkomst.')
    expect(by_testid(owner, 'current-step')).to_contain_text('Stap 1 van')
    downloads = []
    owner.on('download', lambda download: downloads.append(download))
    by_testid(owner, 'download-excel').click()  # the export asks again too: no "De Excel wordt gemaakt…", no file
    owner.wait_for_timeout(2_000)
    expect(by_testid(owner, 'status')).to_have_text('U mag deze bijeenkomst niet leiden. '
                                                    'Meld u aan als de begeleider van deze bijeenkomst.')
    assert downloads == []


def test_wrong_password_is_refused_and_throttled(server, browser):
    page = browser.new_context(**DESKTOP).new_page()
    for _ in range(5):
        page.goto(f'{server.url}/login')
        by_testid(page, 'name').fill('Fenna')
        by_testid(page, 'password').fill('fout')
        by_testid(page, 'sign-in').click()
        expect(by_testid(page, 'status')).to_have_text('Naam of wachtwoord klopt niet.')
    by_testid(page, 'password').fill('geheim-en-lang-genoeg')
    by_testid(page, 'sign-in').click()
    expect(by_testid(page, 'status')).to_have_text('Te veel pogingen. Probeer het over 15 minuten opnieuw.')


def test_facilitator_deletes_a_workshop_after_confirming(server, browser):
    owner = browser.new_context(**DESKTOP).new_page()
    new_workshop(owner, server)
    console_url = owner.url
    by_testid(owner, 'delete').click()
    by_testid(owner, 'confirm-delete').click()
    expect(owner).to_have_url(f'{server.url}/')
    owner.goto(console_url)
    expect(by_testid(owner, 'next')).to_have_count(0)
    owner.goto(server.url)
    expect(by_testid(owner, 'sign-out')).to_be_visible()
    expect(by_testid(owner, 'my-workshop')).to_have_count(0)
