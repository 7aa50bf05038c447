"""The projector screen fits the beamer: at 1280×720 and 1920×1080, on every step of the default plan and of a
plan with one step of every kind, before the reveal and with results split by perspective, the page does not
scroll and no text is smaller than the floor (1 % of the screen's width: 3 cm on a 3-metre projection, readable
from 10 m). What does not fit at the floor is paged (1/3 on the screen). Screenshots land in test-artifacts/."""
from __future__ import annotations

import random

import pytest
from playwright.sync_api import expect

from app import db, demo, plans
from app import workshop as workshops
from app.steps import KINDS

from ..kinds import every_kind_workshop
from .conftest import ROOT
from .helpers import by_testid

pytestmark = pytest.mark.browser
BEAMERS = [(1280, 720), (1920, 1080)]
ARTIFACTS = ROOT / 'test-artifacts' / 'screen'
SMALLEST_TEXT = '''() => Math.min(...[...document.querySelectorAll('body *')]
    .filter(element => element.offsetParent !== null && [...element.childNodes].some(
        node => node.nodeType === Node.TEXT_NODE && node.textContent.trim()))
    .map(element => parseFloat(getComputedStyle(element).fontSize)))'''


def filled_workshops(server) -> list:
    """The demo (the default plan with answers on its first steps) and a plan with one step of every kind."""
    db.configure(server.database_url)
    try:
        made = [demo.fill(), every_kind_workshop()]
        people = [workshops.join(made[1].id, f'p{number}', perspective='Inwoner') for number in range(4)]
        rng = random.Random(5)
        for step in workshops.state(made[1].id).steps:
            kind = KINDS[step.kind]
            workshops.go_to_step(made[1].id, step.id)
            for person, action in (kind.demo(step, workshops.asks(step.id), people, rng) if kind.demo else []):
                workshops.act(person.id, step.id, action)
        return [(workshop, workshops.state(workshop.id).steps) for workshop in made]
    finally:
        db.engine().dispose()


def at(server, step, *, revealed: bool) -> None:
    db.configure(server.database_url)
    try:
        workshops.go_to_step(step.workshop_id, step.id)
        workshops.show_results(step.id, revealed)
        workshops.split_by_perspective(step.id, revealed)
    finally:
        db.engine().dispose()


@pytest.mark.parametrize('width,height', BEAMERS, ids=[f'{w}x{h}' for w, h in BEAMERS])
def test_every_step_fits_the_beamer(server, browser, width, height):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    screen = browser.new_context(viewport={'width': width, 'height': height}).new_page()
    floor = width / 100
    problems = []
    for workshop, steps in filled_workshops(server):
        for step in steps:
            for revealed in (False, True):
                at(server, step, revealed=revealed)
                screen.goto(f'{server.url}/s/{workshop.screen_token}')
                expect(by_testid(screen, 'step-title')).to_have_text(step.title)
                if revealed:
                    expect(by_testid(screen, 'results')).to_be_visible()
                screen.wait_for_function('document.documentElement.style.fontSize !== ""')
                name = f'{width}x{height}-{workshop.code}-{step.position:02d}-{step.kind}-{revealed}'
                screen.screenshot(path=str(ARTIFACTS / f'{name}.png'))
                scroll = screen.evaluate('[document.documentElement.scrollHeight, window.innerHeight]')
                smallest = screen.evaluate(SMALLEST_TEXT)
                if scroll[0] > scroll[1] or smallest < floor - 0.5:
                    problems.append((name, scroll, smallest))
    assert problems == []
