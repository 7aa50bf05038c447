"""A phone that fires 100 cards in one second, spoken to the real server the way a phone's socket speaks: it gets
the step's maximum stored, each card once, and a polite message; another phone writing meanwhile is not held up."""
from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import httpx
import pytest

from app import db, plans
from app import workshop as workshops
from app.i18n import Translator
from app.simulate.client import Page
from app.simulate.phone import SAVED, Phone

MAX_CARDS = 5  # below the per-participant throttle (10 actions in 2 s), so both limits are reached
FLOOD = 100
tr = Translator()
POLITE = {tr('error.too_fast'), tr('error.card_limit', max=MAX_CARDS)}


def open_cards_step(database, server_url: str) -> str:
    """A workshop at the 'Wat is het probleem volgens u?' cards step, made with the app's own rules on the
    server's database file; returns its join address."""
    db.configure(f'sqlite:///{database}')
    try:
        workshop = workshops.create(plans.load(plans.DEFAULT_PLAN), title='Snelvuur')
        workshops.open_for_joining(workshop.id)
        step = next(step for step in workshops.state(workshop.id).steps if step.key == 'probleem')
        workshops.edit_step(step.id, title=step.title, body=step.body,
                            settings={**step.settings, 'max_per_person': MAX_CARDS})
        workshops.go_to_step(workshop.id, step.id)
    finally:
        db.engine().dispose()
    return f'{server_url}/w/{workshop.join_token}'


async def joined_phone(http: httpx.AsyncClient, join_url: str, number: int) -> Page:
    page = Page(http)
    await Phone(number=number, join_url=join_url, scenario=frozenset(), record=lambda **_: None).join(page)
    return page


async def write_card(page: Page, text: str) -> None:
    await page.type(page.first('card-text'), text)
    await page.click(page.first('send-card'))


@dataclass
class Flood:
    seconds: float = 0  # how long sending the 100 cards took
    shown: list[str] = field(default_factory=list)  # every status the flooding phone was shown
    own_cards: list[str] = field(default_factory=list)  # the cards the flooding phone lists as its own at the end
    calm_latency: float = 0  # from the other phone's tap to its "saved"


async def fire(join_url: str, spread: float) -> Flood:
    """One phone sends FLOOD cards within `spread` seconds (0: as fast as its socket takes them); halfway, another
    phone sends one card and waits for its confirmation."""
    flood = Flood()
    async with httpx.AsyncClient(timeout=30) as flood_http, httpx.AsyncClient(timeout=30) as calm_http:
        flooder = await joined_phone(flood_http, join_url, 1)
        calm = await joined_phone(calm_http, join_url, 2)
        flooder.on_update = lambda _: flood.shown.append(flooder.text(flooder.first('status')))

        async def calm_card() -> float:
            sent = time.monotonic()
            await write_card(calm, 'Rustig kaartje')
            await calm.wait_for(lambda: calm.text(calm.first('status')).startswith(SAVED), timeout=30)
            return time.monotonic() - sent

        started = time.monotonic()
        for number in range(FLOOD):
            if number == FLOOD // 2:
                calm_sending = asyncio.create_task(calm_card())
            await write_card(flooder, f'Snel {number}')
            await asyncio.sleep(max(started + (number + 1) * spread / FLOOD - time.monotonic(), 0))
        flood.seconds = time.monotonic() - started
        flood.calm_latency = await calm_sending
        with contextlib.suppress(TimeoutError):  # the test's asserts say what is wrong
            await flooder.wait_for(lambda: len(flooder.find('own-card')) >= MAX_CARDS, timeout=15)
        await asyncio.sleep(2)  # anything still on its way lands before the count
        flood.own_cards = [flooder.text(card) for card in flooder.find('own-card')]
        await flooder.close()
        await calm.close()
    return flood


@pytest.mark.parametrize('spread', [0, 1], ids=['all-at-once', 'spread-over-a-second'])
def test_a_phone_firing_100_cards_in_a_second_gets_the_maximum_and_others_do_not_feel_it(server, tmp_path, spread):
    database = tmp_path / 'samenspraak.db'
    join_url = open_cards_step(database, server.url)
    with ThreadPoolExecutor(1) as thread:  # its own event loop: Playwright's sync API holds this thread's
        flood = thread.submit(asyncio.run, fire(join_url, spread)).result()

    with sqlite3.connect(database) as connection:
        stored = [text for (text,) in connection.execute(
            "select text from card join step on step.id = card.step_id where step.key = 'probleem' order by card.id")]
    flooded = [text for text in stored if text.startswith('Snel ')]
    print(f'\n{FLOOD} cards sent in {flood.seconds:.2f} s; stored {len(flooded)}; statuses shown: '
          f'{sorted(set(flood.shown))}; the other phone\'s card acknowledged after {flood.calm_latency * 1000:.0f} ms')
    assert len(flooded) == MAX_CARDS
    assert len(set(flooded)) == len(flooded)
    assert set(flooded) <= {f'Snel {number}' for number in range(FLOOD)}
    assert flood.own_cards == flooded, 'the phone lists exactly what was stored'
    assert POLITE & set(flood.shown), 'the flooding phone was never told to slow down or that it reached the maximum'
    assert stored.count('Rustig kaartje') == 1
