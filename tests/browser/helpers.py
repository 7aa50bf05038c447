"""Small steps a test takes as a facilitator or a resident."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from app import db, plans
from app import workshop as workshops

from .conftest import DESKTOP, FACILITATOR, PASSWORD, PHONE


def sign_in(page: Page, base_url: str, name: str, password: str) -> None:
    page.goto(f'{base_url}/login')
    # a value typed before the socket is up never reaches the server: under load that is seconds
    page.wait_for_function('window.socket && window.socket.connected', timeout=30_000)
    by_testid(page, 'name').fill(name)
    by_testid(page, 'password').fill(password)
    by_testid(page, 'sign-in').click()
    expect(page).to_have_url(f'{base_url}/', timeout=30_000)


def new_workshop(page: Page, server, title: str = '') -> None:
    """Sign in as the test facilitator, make a workshop from the default plan and open it for joining."""
    sign_in(page, server.url, FACILITATOR, PASSWORD)
    if title:
        by_testid(page, 'title').fill(title)
    by_testid(page, 'create').click()
    expect(page).to_have_url(re.compile(r'.*/host/.+'))
    by_testid(page, 'open-joining').click()
    expect(by_testid(page, 'workshop-status')).to_have_text('Open.')


def room(browser: Browser, server, *, phones: int) -> tuple[Page, Page, list[Page]]:
    """A new open workshop's console, its projector screen, and phones (mobile contexts) that joined it."""
    console = browser.new_context(**DESKTOP).new_page()
    new_workshop(console, server)
    screen = browser.new_context(**DESKTOP).new_page()
    screen.goto(server.url + by_testid(console, 'screen-link').get_attribute('href'))
    join_url = by_testid(console, 'join-address').inner_text()
    return console, screen, [joined_phone(browser, join_url) for _ in range(phones)]


def joined_phone(browser: Browser, join_url: str, device: dict | None = None) -> Page:
    """A new phone (mobile context) that opened the join address and tapped "Meedoen"."""
    phone = browser.new_context(**(device or PHONE)).new_page()
    phone.goto(join_url)
    by_testid(phone, 'join').click()
    return phone


def by_testid(page: Page, testid: str):
    return page.locator(f'[data-testid="{testid}"]')


def decode_qr(page: Page, path: Path) -> str:
    """Photograph the QR code on the page and decode it with a real QR decoder (zbarimg)."""
    by_testid(page, 'qr').screenshot(path=str(path))
    decoded = subprocess.run(['zbarimg', '--raw', '-q', str(path)], capture_output=True, text=True, check=True)
    return decoded.stdout.strip()


def go_next(console: Page, *phones: Page, title: str) -> None:
    by_testid(console, 'next').click()
    expect(by_testid(console, 'current-step')).to_contain_text(title, timeout=10_000)
    for phone in phones:
        expect(by_testid(phone, 'step-title')).to_have_text(title, timeout=10_000)


def expect_saved(phone: Page) -> None:
    expect(by_testid(phone, 'status')).to_have_text('Opgeslagen. Uw antwoord telt mee.', timeout=10_000)


def bar_count(page: Page, key: str):
    return page.locator(f'[data-testid="results"] [data-testid="bars"] [data-key="{key}"] [data-testid="count"]').first


def tab_to(page, testid: str, limit: int = 40) -> None:
    """Press Tab until the element with this test id has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press('Tab')
        if page.evaluate(f'document.activeElement.closest("[data-testid={testid}]") !== null'):
            return
    raise AssertionError(f'{testid} cannot be reached with Tab')


def seeded_workshop_at(database: Path, server_url: str, step_key: str) -> tuple[str, int]:
    """A workshop of the default plan with three idea cards, at the step `step_key`, made with the app's own rules
    on the server's file; returns its join address and that step's id."""
    db.configure(f'sqlite:///{database}')
    try:
        workshop = workshops.create(plans.load(plans.DEFAULT_PLAN), title='Klaargezet')
        workshops.open_for_joining(workshop.id)
        steps = {step.key: step for step in workshops.state(workshop.id).steps}
        workshops.seed_cards(steps[workshops.IDEA_STEP_KEY].id,
                             [('Een huiskamer', ''), ('Gewone taal', ''), ('Eén loket', '')], origin='test')
        workshops.go_to_step(workshop.id, steps[step_key].id)
    finally:
        db.engine().dispose()
    return f'{server_url}/w/{workshop.join_token}', steps[step_key].id
