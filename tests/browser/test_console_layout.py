"""The facilitator runs a session from a laptop's console without scrolling the page — by buttons and by the keys a
presenter remote sends, B blanking the projector screen — and from a phone as a remote; both layouts pass axe."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from playwright.sync_api import Page, expect

from .axe import violations
from .conftest import PHONE, ROOT
from .helpers import by_testid, sign_in

pytestmark = pytest.mark.browser
LAPTOP = {'viewport': {'width': 1366, 'height': 768}}
RUN_CONTROLS = ['people', 'current-step', 'next-step', 'previous', 'next', 'lock-step', 'reveal', 'split',
                'blank', 'timer-minutes', 'start-timer', 'miniature']
REMOTE_CONTROLS = ['people', 'answered', 'current-step', 'previous', 'next', 'lock-step', 'reveal', 'blank',
                   'start-timer']
ANSWERED = re.compile(r'^14 van 14 hebben geantwoord$')  # the demo's vote
BLANK = re.compile(r'\bscreen-blank\b')
PAGE_SCROLLS = 'document.scrollingElement.scrollHeight > window.innerHeight'
RUN_PANEL_SCROLLS = '(panel => panel.scrollHeight > panel.clientHeight)(document.querySelector(".console-run"))'
OUT_OF_VIEW = '''(testids) => testids.filter(testid => {
    const element = document.querySelector(`[data-testid="${testid}"]`);
    if (!element) return true;
    const box = element.getBoundingClientRect();
    return box.width === 0 || box.top < 0 || box.left < 0 || box.bottom > innerHeight || box.right > innerWidth;
})'''
SMALL_BUTTONS = '''() => [...document.querySelectorAll('.console-layout .q-btn')].filter(button => {
    const box = button.getBoundingClientRect();
    return box.width > 0 && (box.width < 44 || box.height < 44);
}).map(button => button.textContent.trim())'''


@pytest.fixture
def demo(server):
    """The demo workshop (the default plan, 24 residents with answers, at the vote split by perspective)."""
    printed = subprocess.run([sys.executable, '-m', 'app', 'demo', '--json'], cwd=ROOT, env=server.env,
                             capture_output=True, text=True, check=True).stdout
    return json.loads(printed)


def signed_in_console(browser, server, demo, device: dict) -> Page:
    console = browser.new_context(**device).new_page()
    sign_in(console, server.url, demo['facilitator'], demo['password'])
    console.goto(demo['host_url'])
    expect(by_testid(console, 'current-step')).to_be_visible()
    return console


def expect_fits(console: Page, controls: list[str]) -> None:
    """Every control in view, and neither the page nor the run panel scrolls (which would hide a control)."""
    assert console.evaluate(OUT_OF_VIEW, controls) == []
    assert not console.evaluate(PAGE_SCROLLS)
    assert not console.evaluate(RUN_PANEL_SCROLLS)


def test_a_session_runs_from_the_laptop_console_without_scrolling(server, browser, demo):
    console = signed_in_console(browser, server, demo, LAPTOP)
    screen = browser.new_context(viewport={'width': 1280, 'height': 720}).new_page()
    screen.goto(demo['screen_url'])
    expect(by_testid(screen, 'answered')).to_have_text(ANSWERED)
    expect(by_testid(console, 'answered')).to_have_text(by_testid(screen, 'answered').inner_text())
    expect_fits(console, RUN_CONTROLS + ['answered'])  # on a step with answers to count
    assert console.evaluate(SMALL_BUTTONS) == []
    assert violations(console) == []

    console.locator('body').click(position={'x': 5, 'y': 5})  # the focus on the page, as after a click beside
    while by_testid(console, 'previous').is_enabled():  # back to the first step, as a presenter remote does
        shown = by_testid(console, 'current-step').inner_text()
        console.keyboard.press('PageUp')
        expect(by_testid(console, 'current-step')).not_to_have_text(shown)
    steps = by_testid(console, 'step-row').count()
    go_buttons = by_testid(console, 'go-step').evaluate_all('buttons => buttons.map(button => button.id)')
    for number in range(1, steps + 1):
        expect(by_testid(console, 'current-step')).to_contain_text(f'Stap {number} van {steps}:')
        expect(by_testid(console, 'step-row').nth(number - 1)).to_have_attribute('aria-current', 'step')
        expect(console.locator('[data-testid=step-row][aria-current]')).to_have_count(1)
        title = by_testid(console, 'step-row').nth(number - 1).locator('.step-name').inner_text()
        expect(by_testid(screen, 'step-title')).to_have_text(title)
        expect_fits(console, RUN_CONTROLS)
        console.keyboard.press('ArrowRight' if number % 2 else 'PageDown')
    expect(by_testid(console, 'next-step')).to_have_text('Dit is de laatste stap.')
    # the list was not built again on the way: a click on a row just after a step change reaches its button
    assert by_testid(console, 'go-step').evaluate_all('buttons => buttons.map(button => button.id)') == go_buttons
    console.keyboard.press('ArrowLeft')
    expect(by_testid(console, 'current-step')).to_contain_text(f'Stap {steps - 1} van {steps}:')

    # B blanks the screen, on the beamer and in the console's miniature; B again brings it back
    console.keyboard.press('b')
    expect(screen.locator('body')).to_have_class(BLANK)
    expect(by_testid(screen, 'step-title')).to_be_hidden()
    expect(console.frame_locator('[data-testid=miniature]').locator('body')).to_have_class(BLANK)
    expect(by_testid(console, 'blank-note')).to_have_text('Het scherm is nu zwart.')
    expect(by_testid(console, 'blank')).to_have_attribute('aria-pressed', 'true')
    expect_fits(console, RUN_CONTROLS)
    assert violations(console) == []
    console.keyboard.press('b')
    expect(by_testid(screen, 'step-title')).to_be_visible()
    expect(screen.locator('body')).not_to_have_class(BLANK)
    expect(by_testid(console, 'blank-note')).to_have_count(0)

    # the run controls by mouse, still without scrolling
    by_testid(console, 'reveal').click()
    expect(by_testid(screen, 'results')).to_be_visible()
    by_testid(console, 'start-timer').click()
    expect(by_testid(screen, 'countdown')).to_have_text(re.compile(r'^[45]:\d\d$'))
    by_testid(console, 'lock-step').click()
    expect(by_testid(console, 'lock-step')).to_have_text('Stap weer openen')
    expect_fits(console, RUN_CONTROLS + ['stop-timer'])


def test_the_facilitators_phone_is_a_remote(server, browser, demo):
    remote = signed_in_console(browser, server, demo, PHONE)
    expect(by_testid(remote, 'answered')).to_have_text(ANSWERED)
    assert remote.evaluate(OUT_OF_VIEW, REMOTE_CONTROLS) == []
    for testid in ('previous', 'next', 'lock-step', 'reveal'):
        box = by_testid(remote, testid).bounding_box()
        assert box['height'] >= 56 and box['width'] >= 140, testid
    assert violations(remote) == []
    shown = by_testid(remote, 'current-step').inner_text()
    by_testid(remote, 'next').tap()
    expect(by_testid(remote, 'current-step')).not_to_have_text(shown)
    expect(by_testid(remote, 'current-step')).to_contain_text('Stap 8 van 12: Wie wordt eigenaar?')
    assert remote.evaluate(OUT_OF_VIEW, REMOTE_CONTROLS) == []
