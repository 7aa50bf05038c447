"""Every page and every step kind's phone view passes axe-core's WCAG 2.1 A/AA rules, on a phone and a desktop."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from playwright.sync_api import expect

from app import accounts, db, paper, table_hosts
from app import workshop as workshops
from app.i18n import Translator
from app.steps import KINDS

from ..kinds import every_kind_plan, every_kind_workshop
from .axe import violations
from .conftest import DESKTOP, FACILITATOR, PASSWORD, PHONE, ROOT

NARROW = {**PHONE, 'viewport': {'width': 320, 'height': 640}}
SCROLLS_SIDEWAYS = 'document.documentElement.scrollWidth > window.innerWidth + 1'
from .helpers import by_testid, joined_phone, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(server):
    printed = subprocess.run([sys.executable, '-m', 'app', 'demo', '--json'], cwd=ROOT, env=server.env,
                             capture_output=True, text=True, check=True).stdout
    return json.loads(printed)


@pytest.mark.parametrize('viewport', [PHONE, DESKTOP, NARROW], ids=['phone', 'desktop', 'narrow'])
def test_start_screen_and_console_have_no_violations(server, browser, demo, viewport):
    page = browser.new_context(**viewport).new_page()
    found = {}
    page.goto(server.url + '/login')
    found['login'] = violations(page)
    sign_in(page, server.url, demo['facilitator'], demo['password'])
    for url in (server.url, demo['screen_url'], demo['host_url'], demo['join_url'], demo['helper_url'],
                server.url + '/toegankelijkheid'):
        page.goto(url)
        page.wait_for_load_state('networkidle')
        found[url] = violations(page) + (['scrolls sideways'] if page.evaluate(SCROLLS_SIDEWAYS) else [])
    assert found == {url: [] for url in found}


@pytest.mark.parametrize('language', ['nl', 'ar', 'tr'])
def test_every_step_kind_on_the_phone_has_no_violations(server, browser, tmp_path, language):
    """One step of every registered kind, on a phone and at 320 CSS pixels (what 1280 pixels at 400 % zoom leave),
    in Dutch and in two phone languages: Arabic, right to left, and Turkish."""
    join_url, steps = every_kind_workshop_on(server)
    phone = joined_phone(browser, join_url)
    narrow = joined_phone(browser, join_url, NARROW)
    for page in (phone, narrow):
        in_language(page, language)
    found, overflowing = {}, []
    for step in steps:
        moved_to(server, step)
        for page in (phone, narrow):
            page.reload()
            expect(by_testid(page, 'step-title')).to_have_text(step.title)
        found[step.kind] = violations(phone)
        if narrow.evaluate(SCROLLS_SIDEWAYS):
            overflowing.append(step.kind)
    assert set(found) == set(KINDS)
    assert found == {kind: [] for kind in found}
    assert overflowing == []


def test_the_table_host_page_has_no_violations_on_every_step_kind(server, browser):
    """A table host's page with a paper resident chosen, at every kind's step, on a phone and at 320 CSS pixels."""
    join_url, steps = every_kind_workshop_on(server)
    db.configure(server.database_url)
    try:
        new = table_hosts.add(steps[0].workshop_id, 'Hanna', 'Tafel 1')
        resident = paper.add_resident(new.helper.id, nickname='Mevrouw Jansen')
    finally:
        db.engine().dispose()
    address = f'{server.url}/t/{new.token}?voor={resident.id}'
    pages = [browser.new_context(**device).new_page() for device in (PHONE, NARROW)]
    found, overflowing = {}, []
    for step in steps:
        moved_to(server, step)
        for page in pages:
            page.goto(address)
            expect(by_testid(page, 'step-title')).to_have_text(step.title)
        found[step.kind] = violations(pages[0])
        if pages[1].evaluate(SCROLLS_SIDEWAYS):
            overflowing.append(step.kind)
    assert set(found) == set(KINDS)
    assert found == {kind: [] for kind in found}
    assert overflowing == []


def in_language(phone, language: str) -> None:
    """The phone switched to `language` with its own button, laid out in that language's direction."""
    if language != 'nl':
        by_testid(phone, f'language-{language}').click()
    expect(phone.locator('html')).to_have_attribute('lang', language)
    expect(phone.locator('html')).to_have_attribute('dir', Translator(language).direction)


def every_kind_workshop_on(server) -> tuple[str, list]:
    db.configure(server.database_url)
    try:
        workshop = every_kind_workshop()
        steps = workshops.state(workshop.id).steps[1:]  # after the ideas it works on: one step per kind
    finally:
        db.engine().dispose()
    return f'{server.url}/w/{workshop.join_token}', steps


def moved_to(server, step) -> None:
    """The workshop at `step`, written in the server's database (the phones reload to see it)."""
    db.configure(server.database_url)
    try:
        workshops.go_to_step(step.workshop_id, step.id)
    finally:
        db.engine().dispose()


def test_locking_a_step_is_announced_on_the_phone(server, browser, demo):
    console = browser.new_context(**DESKTOP).new_page()
    sign_in(console, server.url, demo['facilitator'], demo['password'])
    console.goto(demo['host_url'])
    phone = joined_phone(browser, demo['join_url'])
    expect(by_testid(phone, 'step-title')).to_have_text('Kiezen')
    by_testid(console, 'lock-step').click()
    status = by_testid(phone, 'status')
    expect(status).to_have_text('Deze stap is gesloten. Wacht op de volgende stap.')
    expect(status).to_have_attribute('aria-live', 'polite')
    expect(by_testid(phone, 'add-dot')).to_have_count(0)


@pytest.mark.parametrize('viewport', [DESKTOP, NARROW], ids=['desktop', 'narrow'])
def test_preparing_every_step_kind_has_no_violations(server, browser, viewport):
    """The preparation forms with every kind's settings open, and every kind's preview (phone and screen)."""
    db.configure(server.database_url)
    try:
        owner = next(account for account in accounts.all_accounts() if account.name == FACILITATOR)
        workshop = workshops.create(every_kind_plan(), owner_id=owner.id)
    finally:
        db.engine().dispose()
    page = browser.new_context(**viewport).new_page()
    sign_in(page, server.url, FACILITATOR, PASSWORD)
    page.goto(f'{server.url}/host/{workshop.host_token}/prepare')
    panels = by_testid(page, 'prepare-step')
    expect(panels).to_have_count(len(KINDS) + 1)
    for panel in panels.all():
        panel.locator('.q-expansion-item__container > .q-item').click()
        expect(panel.locator('[data-testid=save-step]')).to_be_visible()
    found = {'forms': violations(page) + (['scrolls sideways'] if page.evaluate(SCROLLS_SIDEWAYS) else [])}
    for number, panel in enumerate(panels.all()):
        panel.locator('[data-testid=preview-step]').click()
        expect(by_testid(page, 'preview-phone')).to_be_visible()
        found[f'preview {number}'] = violations(page)
        by_testid(page, 'close-preview').click()
        expect(by_testid(page, 'preview-phone')).to_have_count(0)
    assert found == {name: [] for name in found}
