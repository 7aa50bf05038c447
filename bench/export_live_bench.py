"""Export during a live session (issue 4): does building a large workshop's workbook freeze the room?

    python bench/export_live_bench.py [--phones 40] [--exports 3] [--baseline 15]     (`make bench-export`)

Seeds the large workshop of export_bench.py (500 participants, 2,000 cards, about 20,000 answers) into an SQLite
file, starts the real server on it (`python -m app`, as bench/run.py does), and puts the workshop on its scale step
"Hoe gaat het nu?" with the results on the screen. Then, all through the protocol client:
- `--phones` phones join and keep changing their vote between 1, 2 and 3, each about once a second;
- one probe phone toggles between 4 and 5, which no other phone picks, so the screen's count for 4 or 5 tells
  exactly when the probe's vote is shown: that is the vote-to-screen latency;
- a heartbeat GETs a small static file every 50 ms;
- after `--baseline` seconds the facilitator's console presses "Download Excel" `--exports` times, waiting for
  each workbook to arrive and then a third of the baseline before the next.
A figure counts as "during export" when its interval (a vote until it was shown, a gap between two screen
updates, a heartbeat's round trip) overlaps the time between a click and its download."""
from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app import accounts, db  # noqa: E402
from app import workshop as workshops  # noqa: E402
from app.simulate.client import Page  # noqa: E402
from app.simulate.phone import Phone  # noqa: E402
from bench.export_bench import fill  # noqa: E402
from bench.common import FACILITATOR, PASSWORD, ms, percentile, sign_in, start_server, stop  # noqa: E402

LIVE_STEP = 'nu'  # the default plan's first scale step, 1 to 5
CROWD_VALUES = (1, 2, 3)
PROBE_VALUES = (5, 4)
PROBE_PAUSE = 0.25  # seconds between the probe seeing its vote and casting the next
HEARTBEAT_SECONDS = 0.05
WARM_UP = 3  # seconds of voting before anything is counted
Window = tuple[float, float]


class Console(Page):
    """The console's tab, which also keeps when each workbook arrived (ui.download sends the bytes over the socket)."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        super().__init__(http)
        self.downloads: list[tuple[float, bytes]] = []

    async def _receive(self, event: str, message: Any = None) -> None:
        if event == 'download':
            self.downloads.append((time.time(), message['src']))
        await super()._receive(event, message)


class Screen:
    """The projector: when each update arrived, and the counts of the scale's bars (index 0 is value 1)."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.updates: list[float] = []
        page.on_update = lambda _: self.updates.append(time.time())

    def counts(self) -> list[int]:
        results = self.page.first('results')
        return [int(self.page.text(count) or 0) for count in self.page.find('count', inside=results)] if results else []


def seed(database: Path, participants: int, cards: int) -> dict[str, Any]:
    """The large workshop, owned by the bench's facilitator, open, on its scale step with the results shown."""
    db.configure(f'sqlite:///{database}')
    owner = accounts.ensure(FACILITATOR, PASSWORD)
    workshop_id, answers = fill(participants, cards, owner_id=owner.id)
    step = next(step for step in workshops.state(workshop_id).steps if step.key == LIVE_STEP)
    workshops.open_for_joining(workshop_id)
    workshops.go_to_step(workshop_id, step.id)
    workshops.show_results(step.id, True)
    workshop = workshops.state(workshop_id).workshop
    db.engine().dispose()
    return {'answers': answers, 'join': f'/w/{workshop.join_token}', 'screen': f'/s/{workshop.screen_token}',
            'console': f'/host/{workshop.host_token}'}


def option(page: Page, value: int) -> tuple[str, int]:
    """The scale's tap button for `value` (one choices.js group draws them all)."""
    return next(option for option in page.options('scale-value') if option[1] == value)


async def vote(phone: Phone, page: Page, value: int) -> None:
    await phone.act(page, 'scale', page.pick(option(page, value)), value=value)


async def crowd_phone(phone: Phone, page: Page, done: asyncio.Event) -> None:
    """Changes its vote about once a second, always to another of the crowd's values."""
    value = phone.rng.choice(CROWD_VALUES)
    while not done.is_set():
        await vote(phone, page, value)
        await asyncio.sleep(phone.rng.uniform(0.5, 1.5))
        value = phone.rng.choice([other for other in CROWD_VALUES if other != value])


async def probe_phone(phone: Phone, page: Page, screen: Screen, done: asyncio.Event,
                      shown: list[tuple[float, float]]) -> None:
    """Toggles between 4 and 5 and waits each time until the screen shows it: appends (sent, seen)."""
    seeded = screen.counts()  # before the probe's first vote only seeded participants chose 4 or 5
    while not done.is_set():
        for value in PROBE_VALUES:
            sent = time.time()
            await page.pick(option(page, value))
            await screen.page.wait_for(lambda: screen.counts()[value - 1] == seeded[value - 1] + 1, timeout=120)
            shown.append((sent, time.time()))
            await asyncio.sleep(PROBE_PAUSE)


async def heartbeat(http: httpx.AsyncClient, url: str, done: asyncio.Event, beats: list[tuple[float, float]]) -> None:
    while not done.is_set():
        sent = time.time()
        await http.get(url)
        beats.append((sent, time.time()))
        await asyncio.sleep(HEARTBEAT_SECONDS)


async def export(console: Console, times: int, baseline: float, pause: float) -> list[Window]:
    """Press "Download Excel" `times` times, the first after `baseline` seconds; returns (click, arrival) each."""
    windows = []
    await asyncio.sleep(baseline)
    for number in range(times):
        clicked = time.time()
        await console.click(console.first('download-excel'))
        await console.wait_for(lambda: len(console.downloads) > number, timeout=600)
        arrived, data = console.downloads[number]
        assert data[:2] == b'PK', 'the download is not an xlsx file'
        windows.append((clicked, arrived))
        print(f'export {number + 1}: {arrived - clicked:.2f} s from click to download, {len(data) / 1e6:.2f} MB',
              flush=True)
        await asyncio.sleep(pause)
    return windows


async def session(url: str, links: dict[str, str], phones: int, exports: int, baseline: float) -> dict[str, Any]:
    measured: dict[str, Any] = {'acts': [], 'shown': [], 'beats': []}
    async with AsyncExitStack() as stack:
        async def http() -> httpx.AsyncClient:  # one cookie jar per tab, closed at the end
            return await stack.enter_async_context(httpx.AsyncClient(timeout=120))
        screen, console = Screen(Page(await http())), Console(await http())
        await screen.page.open(url + links['screen'])
        await sign_in(Page(console.http), url)
        await console.open(url + links['console'])
        await console.wait_for(lambda: console.first('download-excel'))
        record = lambda **entry: measured['acts'].append(entry)  # noqa: E731
        everyone = [Phone(number, url + links['join'], frozenset({'scale'}), record, rng=random.Random(number))
                    for number in range(phones + 1)]
        pages = [Page(await http()) for _ in everyone]
        for phone, page in zip(everyone, pages):
            await phone.join(page)
        print(f'{len(everyone)} phones joined', flush=True)
        done = asyncio.Event()
        (probe, *crowd), (probe_page, *crowd_pages) = everyone, pages
        tasks = [asyncio.create_task(crowd_phone(phone, page, done)) for phone, page in zip(crowd, crowd_pages)]
        tasks.append(asyncio.create_task(probe_phone(probe, probe_page, screen, done, measured['shown'])))
        tasks.append(asyncio.create_task(heartbeat(await http(), url + '/assets/favicon.svg', done, measured['beats'])))
        await asyncio.sleep(WARM_UP)
        measured['from'] = time.time()
        try:
            measured['exports'] = await export(console, exports, baseline, pause=baseline / 3)
        finally:
            measured['until'] = time.time()
            done.set()
            await asyncio.gather(*tasks, return_exceptions=True)
            for page in [screen.page, console, *pages]:
                await page.close()
        measured['screen_updates'] = screen.updates
        measured['dropped'] = sum(page.dropped for page in [screen.page, console, *pages])
    return measured


def overlaps(start: float, end: float, windows: list[Window]) -> bool:
    return any(start <= window_end and end >= window_start for window_start, window_end in windows)


def durations(intervals: list[tuple[float, float]], windows: list[Window], during: bool) -> list[float]:
    return [end - start for start, end in intervals if overlaps(start, end, windows) == during]


def spread(values: list[float]) -> str:
    """p50 / p95 / max in milliseconds."""
    return ' / '.join(str(ms(value)) for value in (percentile(values, 0.5), percentile(values, 0.95),
                                                    max(values, default=None)))


def summary(measured: dict[str, Any]) -> list[dict[str, Any]]:
    """One row without an export running, one with."""
    windows = measured['exports']
    acts = [(act['sent'], act['done']) for act in measured['acts'] if act['event'] == 'act']
    acts, shown, beats = ([(start, end) for start, end in intervals if start >= measured['from']]
                          for intervals in (acts, measured['shown'], measured['beats']))
    updates = [t for t in measured['screen_updates'] if measured['from'] <= t <= measured['until']]
    gaps = list(zip(updates, updates[1:]))
    rows = []
    for during in (False, True):
        to_screen, saved = durations(shown, windows, during), durations(acts, windows, during)
        rows.append({'export running': 'yes' if during else 'no',
                     'probe votes': len(to_screen), 'vote→screen p50/p95/max ms': spread(to_screen),
                     'crowd votes': len(saved), 'vote→"saved" p50/p95/max ms': spread(saved),
                     'longest screen gap ms': ms(max(durations(gaps, windows, during), default=None)),
                     'heartbeat max ms': ms(max(durations(beats, windows, during), default=None))})
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    columns = list(rows[0])
    return '\n'.join(['| ' + ' | '.join(columns) + ' |', '|' + '---|' * len(columns)]
                     + ['| ' + ' | '.join(str(row[column]) for column in columns) + ' |' for row in rows])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--phones', type=int, default=40, help='phones changing their vote (default 40), plus a probe')
    parser.add_argument('--exports', type=int, default=3, help='downloads, one after the other (default 3)')
    parser.add_argument('--baseline', type=float, default=15, help='seconds of voting before the first download')
    parser.add_argument('--participants', type=int, default=500)
    parser.add_argument('--cards', type=int, default=2000)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix='samenspraak-export-bench-') as directory:
        data_dir = Path(directory)
        started = time.perf_counter()
        links = seed(data_dir / 'samenspraak.db', arguments.participants, arguments.cards)
        print(f'seeded: {arguments.participants} participants, {arguments.cards} cards, {links["answers"]} answers '
              f'in {time.perf_counter() - started:.1f} s', flush=True)
        server, url = start_server(data_dir)
        try:
            measured = asyncio.run(session(url, links, arguments.phones, arguments.exports, arguments.baseline))
        finally:
            stop(server)
    durations = [end - start for start, end in measured['exports']]
    print()
    print(table(summary(measured)))
    print(f'\nexport, click to download: {", ".join(f"{duration:.2f}" for duration in durations)} s; '
          f'dropped sockets: {measured["dropped"]}; crowd votes not acknowledged: '
          f'{sum(not act.get("acknowledged", True) for act in measured["acts"])}')
    if not measured['shown'] or not measured['acts']:  # a bench whose phones could not vote measures nothing
        raise SystemExit('No votes were made: the phones did not find the scale step\'s buttons.')


if __name__ == '__main__':
    main()
