"""One simulated participant: join with a nickname, follow the facilitator from step to step, and answer the
steps its scenario covers, as a resident taps — a random moment within `spread` seconds after the step appears.

Everything it sees and does is written to `record` as plain dicts with wall-clock times (time.time()), so a
bench in another process can match them with what the screen and the console saw."""
from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from ..i18n import Translator
from ..steps import KINDS
from .client import Page

SAVED = Translator()('phone.saved')  # the status a phone shows only after the commit (default language)
STORM_SPREAD = 2.0  # seconds: on the storm step every phone answers within this
RECONNECT_PAUSE = 1.0  # seconds a reconnecting phone stays away (a locked screen, a lift)
ACTION_TIMEOUT = 60
SIMULATED = [declared for declared in KINDS.values() if declared.simulate]  # the kinds a simulated phone can answer
Record = Callable[..., None]


@dataclass
class Phone:
    number: int
    join_url: str
    scenario: frozenset[str]  # names of kinds it answers (of SIMULATED), and 'reconnect'
    record: Record
    spread: float = 10.0
    storm_title: str = ''
    writes_cards: bool = True
    rng: random.Random = field(default_factory=random.Random)
    title: str = ''  # the step title this phone shows now
    stop: asyncio.Event = field(default_factory=asyncio.Event)  # set when the rehearsal ends

    @property
    def nickname(self) -> str:
        return f'sim-{self.number}'

    async def run(self, stop: asyncio.Event) -> None:
        self.stop = stop
        async with httpx.AsyncClient(timeout=60) as http:
            page = Page(http)
            page.on_update = lambda _: self._notice_step(page)
            try:
                await self.join(page)
                await self.follow(page, stop)
            except Exception as error:  # one failing phone is a finding, not the end of the rehearsal
                self.record(event='error', phone=self.number, error=f'{type(error).__name__}: {error}')
            finally:
                if page.dropped:
                    self.record(event='dropped', phone=self.number, reason=page.drop_reason, t=time.time())
                await page.close()

    async def join(self, page: Page) -> None:
        started = time.time()
        await page.open(self.join_url)
        self.record(event='join', phone=self.number, start=started, ready=time.time())
        await page.type(page.first('nickname'), self.nickname)
        await page.click(page.first('join'))
        await page.wait_for(lambda: page.first('step-title'), ACTION_TIMEOUT)
        self._notice_step(page)

    async def follow(self, page: Page, stop: asyncio.Event) -> None:
        answered = ''
        while not stop.is_set():
            if self.title != answered:
                answered = self.title
                await self.answer(page, answered, stop)
                if 'reconnect' in self.scenario:
                    await self.reconnect(page)
            await _first(page.wait_for(lambda: self.title != answered, timeout=None), stop.wait())

    def _notice_step(self, page: Page) -> None:
        """Called on every update, so the moment a new step arrives is recorded exactly."""
        title = page.text(page.first('step-title'))
        if title and title != self.title:
            self.title = title
            self.record(event='step', phone=self.number, title=title, t=time.time())

    # --- answering --------------------------------------------------------------------------------------------

    async def answer(self, page: Page, title: str, stop: asyncio.Event) -> None:
        """Answer the step the way its kind tells a simulated phone to, if the scenario covers that kind."""
        spread = STORM_SPREAD if title == self.storm_title else self.spread
        await _first(asyncio.sleep(self.rng.uniform(0, spread)), stop.wait())
        if stop.is_set() or self.title != title or page.first('locked'):
            return
        for simulated in SIMULATED:
            if simulated.name in self.scenario and await simulated.simulate(self, page):
                return

    async def choose_one(self, page: Page, testid: str, kind: str, field: str) -> bool:
        """Tap one of the options marked `testid`, at random; False if the phone shows none."""
        if not (options := page.options(testid)):
            return False
        option = self.rng.choice(options)
        await self.act(page, kind, page.pick(option), **{field: option[1]})
        return True

    async def pause(self, seconds: tuple[float, float]) -> None:
        """A resident's pause of a random length between the two bounds; shorter when the rehearsal stops."""
        await _first(asyncio.sleep(self.rng.uniform(*seconds)), self.stop.wait())

    @property
    def stopped(self) -> bool:
        return self.stop.is_set()

    @staticmethod
    async def tap(page: Page, tap: Any) -> None:
        """A tap that only changes what the phone shows: wait until the phone has shown it."""
        updates = page.updates
        await tap
        await page.wait_for(lambda: page.updates > updates, ACTION_TIMEOUT)

    async def act(self, page: Page, kind: str, tap: Any, **what: Any) -> bool:
        """Send one action and wait for the phone's answer; acknowledged means it showed the saved status."""
        sent = time.time()
        await self.tap(page, tap)
        acknowledged = page.text(page.first('status')).startswith(SAVED)
        self.record(event='act', phone=self.number, nickname=self.nickname, kind=kind, title=self.title, sent=sent,
                    done=time.time(), acknowledged=acknowledged, **what)
        return acknowledged

    async def reconnect(self, page: Page) -> None:
        """Drop the socket and load the page again with the same cookies: the same participant, on the same step."""
        before = self.title
        await page.close()
        await asyncio.sleep(RECONNECT_PAUSE)
        await page.open(self.join_url)
        await page.wait_for(lambda: page.first('step-title'), ACTION_TIMEOUT)
        self._notice_step(page)
        self.record(event='reconnect', phone=self.number, same_step=self.title == before, t=time.time())


async def _first(*awaitables: Any) -> None:
    """Wait until the first of `awaitables` is done (raising its error, if any); cancel the rest."""
    tasks = [asyncio.ensure_future(awaitable) for awaitable in awaitables]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
    for task in done:
        task.result()

