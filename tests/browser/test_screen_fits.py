"""The projector screen fits the beamer: at 1280×720 and 1920×1080, on every step of the default plan (the demo, with
its answers), of a plan with one step of every kind (the new ones included), and of that plan crowded — 40 ideas and
every answer at the longest its step allows, 30 residents, a ladder with 8 cards — each step before the reveal, with
results, and split by perspective, the page does not scroll, no text is smaller than the floor (1 % of the screen's
width: 3 cm on a 3-metre projection, readable from 10 m) and no line of text is cut in half at an edge. What does not
fit at the floor is paged (1/3 on the screen), each page ending before the first line that would not fit whole.
The facilitator moves through the states on the console, as in the room, so the screens fit after each live update.
Screenshots land in test-artifacts/screen/."""
from __future__ import annotations

import random

import pytest
from playwright.sync_api import Locator, Page, expect

from app import accounts, db, demo, plans
from app import workshop as workshops
from app.steps import KINDS
from app.steps.base import DomainError
from app.text import TextError

from ..kinds import every_kind_plan, every_kind_workshop
from .conftest import DESKTOP, FACILITATOR, PASSWORD, ROOT
from .helpers import by_testid, sign_in

pytestmark = pytest.mark.browser
BEAMERS = [(1280, 720), (1920, 1080)]
ARTIFACTS = ROOT / 'test-artifacts' / 'screen'
# (name, revealed, split); None: as the step was
STATES = [('before', False, None), ('results', True, False), ('split', True, True)]
RESIDENTS = 30
LONGEST = 1000  # tried first for every text; a step that allows less says so, and gets its maximum
FILLER = ('De buurt wil een plek waar je zonder afspraak binnenloopt, met koffie, gewone taal en iemand die de weg '
          'kent bij de gemeente, ook op de avond en in het weekend, voor jong en oud. ')
SMALLEST_TEXT = '''() => Math.min(...[...document.querySelectorAll('body *')]
    .filter(element => element.offsetParent !== null && [...element.childNodes].some(
        node => node.nodeType === Node.TEXT_NODE && node.textContent.trim()))
    .map(element => parseFloat(getComputedStyle(element).fontSize)))'''
# lines of text partly shown: cut at the edge of a box that clips them (the screen, a panel, a page of results)
CUT_TEXT = '''() => {
    const clipping = [...document.querySelectorAll('body *')]
        .filter(element => getComputedStyle(element).overflow !== 'visible');
    const cut = [], range = document.createRange();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!node.textContent.trim() || parent.offsetParent === null) continue;
        if (getComputedStyle(parent).visibility !== 'visible') continue;
        const seen = {left: 0, right: innerWidth, top: 0, bottom: innerHeight};  // what all its clipping boxes show
        for (const box of clipping.filter(element => element.contains(node)).map(e => e.getBoundingClientRect())) {
            Object.assign(seen, {left: Math.max(seen.left, box.left), right: Math.min(seen.right, box.right),
                                 top: Math.max(seen.top, box.top), bottom: Math.min(seen.bottom, box.bottom)});
        }
        range.selectNodeContents(node);
        for (const line of range.getClientRects()) {
            const shown = line.bottom > seen.top + 1 && line.top < seen.bottom - 1
                && line.right > seen.left + 1 && line.left < seen.right - 1;
            const whole = line.top >= seen.top - 1 && line.bottom <= seen.bottom + 1
                && line.left >= seen.left - 1 && line.right <= seen.right + 1;
            if (shown && !whole) cut.push(node.textContent.trim().slice(0, 40));
        }
    }
    return [...new Set(cut)];
}'''
MARK_SHOWN = '''testid => { const shown = document.querySelector(`[data-testid=${testid}]`);
    if (shown) shown.dataset.stale = 'yes'; }'''
FITTED = 'new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))'  # screen-fit ran


def long_text(start: str, length: int) -> str:
    return (f'{start} ' + FILLER * (length // len(FILLER) + 1))[:length].rstrip()


def played(workshop_id: int, people: list, rng: random.Random, lengthen: bool) -> None:
    """Every step in turn, answered as the kind's demo answers it; with `lengthen` every text at its longest."""
    for step in workshops.state(workshop_id).steps:
        kind = KINDS[step.kind]
        workshops.go_to_step(workshop_id, step.id)
        for number, (person, action) in enumerate(kind.demo(step, workshops.asks(step.id), people, rng)
                                                   if kind.demo else []):
            act_at_longest(person.id, step.id, action, f'{number}.', LONGEST if lengthen else 0)


def act_at_longest(person_id: int, step_id: int, action: dict, start: str, longest: int) -> None:
    """The action with its texts `longest` characters long (0: as they are), or as long as the step allows."""
    texts = {key: long_text(f'{start} {value}', longest) for key, value in action.items()
             if longest and key in ('text', 'motivation')}
    try:
        workshops.act(person_id, step_id, {**action, **texts})
    except TextError as error:
        if not texts or error.args_.get('max', longest) >= longest:
            raise
        act_at_longest(person_id, step_id, action, start, error.args_['max'])
    except DomainError:  # e.g. no more cards for this resident: the step is full enough
        pass


def filled_workshops(server) -> list[tuple[str, workshops.Workshop, list]]:
    """The demo, a plan with one step of every kind with a few answers, and the same plan crowded; all the test
    facilitator's."""
    db.configure(server.database_url)
    try:
        owner = accounts.ensure(FACILITATOR, PASSWORD).id
        every_kind = every_kind_workshop(owner)
        crowded = every_kind_workshop(owner, every_kind_plan(
            ideas=[long_text(f'Idee {number}:', 280) for number in range(1, 41)],
            own_cards=[long_text(f'Kaartje {number} op de trap:', 280) for number in range(1, 9)]))
        perspectives = plans.load(plans.DEFAULT_PLAN).perspectives[:5]
        played(every_kind.id, [workshops.join(every_kind.id, f'p{number}', perspective=perspectives[0])
                               for number in range(4)], random.Random(5), lengthen=False)
        played(crowded.id, [workshops.join(crowded.id, f'c{number}', perspective=perspectives[number % 5])
                            for number in range(RESIDENTS)], random.Random(6), lengthen=True)
        made = [('demo', demo.fill(owner)), ('elke-soort', every_kind), ('vol', crowded)]
        return [(name, workshop, workshops.state(workshop.id).steps) for name, workshop in made]
    finally:
        db.engine().dispose()


def changed(console: Page, screens: list[Page], control: Locator) -> None:
    """Click a console control and wait until the console and every screen have rebuilt what they show (the server
    answered: a switch flips in the browser at once) and the screens have fitted it."""
    shown = [(console, 'current-step'), *((screen, 'step-title') for screen in screens)]
    for page, testid in shown:
        page.evaluate(MARK_SHOWN, testid)
    control.click()
    for page, testid in shown:
        page.wait_for_selector(f'[data-testid={testid}]:not([data-stale])')
    for screen in screens:
        screen.evaluate(FITTED)


def move(console: Page, screens: list[Page], number: int, total: int, revealed: bool, split: bool | None) -> None:
    """To step `number` in this state, by the console's buttons; only what differs is clicked."""
    if not by_testid(console, 'current-step').inner_text().startswith(f'Stap {number} van {total}:'):
        changed(console, screens, by_testid(console, 'go-step').nth(number - 1))
        expect(by_testid(console, 'current-step')).to_contain_text(f'Stap {number} van {total}:')
    if (by_testid(console, 'reveal').inner_text() == 'Uitkomsten verbergen') != revealed:
        changed(console, screens, by_testid(console, 'reveal'))
    if split is not None and (by_testid(console, 'split').get_attribute('aria-checked') == 'true') != split:
        changed(console, screens, by_testid(console, 'split'))
    expect(by_testid(console, 'reveal')).to_have_text('Uitkomsten verbergen' if revealed else
                                                      'Uitkomsten tonen op het scherm')


def test_every_step_fits_the_beamer_in_every_state(server, browser):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    made = filled_workshops(server)
    console = browser.new_context(**DESKTOP).new_page()
    sign_in(console, server.url, FACILITATOR, PASSWORD)
    screens = {size: browser.new_context(viewport={'width': size[0], 'height': size[1]}).new_page()
               for size in BEAMERS}
    assert {step.kind for _, _, steps in made for step in steps} == set(KINDS)
    problems = []
    for label, workshop, steps in made:
        console.goto(f'{server.url}/host/{workshop.host_token}')
        expect(by_testid(console, 'current-step')).to_be_visible()
        for screen in screens.values():
            screen.goto(f'{server.url}/s/{workshop.screen_token}')
            expect(by_testid(screen, 'step-title')).to_be_visible()
        for number, step in enumerate(steps, start=1):
            for state, revealed, split in STATES:
                move(console, list(screens.values()), number, len(steps), revealed, split)
                for (width, height), screen in screens.items():
                    expect(by_testid(screen, 'step-title')).to_have_text(step.title)
                    expect(by_testid(screen, 'results')).to_have_count(1 if revealed else 0)
                    name = f'{width}x{height}-{label}-{number:02d}-{step.kind}-{state}'
                    screen.screenshot(path=str(ARTIFACTS / f'{name}.png'))
                    scroll = screen.evaluate('[document.documentElement.scrollHeight, window.innerHeight]')
                    smallest = screen.evaluate(SMALLEST_TEXT)
                    cut = screen.evaluate(CUT_TEXT)
                    if scroll[0] > scroll[1] or smallest < width / 100 - 0.5 or cut:
                        problems.append((name, scroll, smallest, cut))
    assert problems == [], '\n'.join(f'{name}: scroll {scroll}, smallest {smallest} px, cut {cut}'
                                      for name, scroll, smallest, cut in problems)
