"""A room full of simulated phones: find the workshop, let N phones join at a steady rate, and let each follow
the facilitator with the chosen scenario until interrupted (Ctrl-C, SIGTERM) or `duration` has passed."""
from __future__ import annotations

import asyncio
import contextlib
import json
import random
import signal
import time
from collections import Counter
from pathlib import Path
from typing import Any, TextIO

import httpx

from .client import Page
from .phone import SIMULATED, Phone

ANSWERS = tuple(simulated.name for simulated in SIMULATED)
SCENARIOS = {'join': set(), **{name: {name} for name in ANSWERS}, 'reconnect': {'reconnect'},
             'all': {*ANSWERS, 'reconnect'}}


def scenario(names: str) -> frozenset[str]:
    """'scale,dots' -> what the phones do; every scenario joins first."""
    chosen: set[str] = set()
    for name in names.split(','):
        if name.strip() not in SCENARIOS:
            raise ValueError(f'unknown scenario {name!r}; choose from {", ".join(SCENARIOS)}')
        chosen |= SCENARIOS[name.strip()]
    return frozenset(chosen)


async def join_url_for_code(base_url: str, code: str) -> str:
    """Type the code on the start page, as a resident does, and return the page the server sends us to."""
    async with httpx.AsyncClient(timeout=30) as http:
        page = Page(http)
        await page.open(base_url.rstrip('/') + '/')
        try:
            await page.type(page.first('code'), code)
            await page.click(page.first('join-code'))
            path = await page.wait_for(lambda: page.opened and page.opened[-1])
        except TimeoutError:
            raise SystemExit(f'No workshop with code {code!r} at {base_url}.') from None
        finally:
            await page.close()
    return base_url.rstrip('/') + path


class Recorder:
    """Everything the phones saw and did, as JSON lines, plus a tally for the summary."""

    def __init__(self, file: TextIO | None) -> None:
        self.file = file
        self.tally: Counter[str] = Counter()

    def __call__(self, **entry: Any) -> None:
        event = entry['event']
        self.tally[f'{event} {entry["kind"]}' + ('' if entry['acknowledged'] else ' refused')
                   if event == 'act' else event] += 1
        if self.file is not None:
            self.file.write(json.dumps(entry) + '\n')
            self.file.flush()


async def run(join_url: str, *, phones: int, join_rate: float, answers: frozenset[str], spread: float,
              storm_title: str, card_writers: int, duration: float | None, recorder: Recorder, seed: int) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signal_number, stop.set)
    if duration is not None:
        loop.call_later(duration, stop.set)
    tasks = []
    for number in range(phones):
        if stop.is_set():
            break
        phone = Phone(number, join_url, answers, recorder, spread=spread, storm_title=storm_title,
                      writes_cards=number < card_writers, rng=random.Random(seed * 100_003 + number))
        tasks.append(asyncio.create_task(phone.run(stop)))
        await asyncio.sleep(1 / join_rate)
    recorder(event='all_started', t=time.time())
    await asyncio.gather(*tasks)


def main(*, url: str, join_url: str, code: str, phones: int, join_rate: float, scenario_names: str, spread: float,
         storm_title: str, card_writers: int, duration: float | None, report: str, seed: int) -> None:
    if not join_url:
        join_url = asyncio.run(join_url_for_code(url, code))
    print(f'{phones} phones join {join_url} at {join_rate:g} per second; Ctrl-C ends the rehearsal.', flush=True)
    with Path(report).open('w') if report else contextlib.nullcontext() as file:
        recorder = Recorder(file)
        asyncio.run(run(join_url, phones=phones, join_rate=join_rate, answers=scenario(scenario_names), spread=spread,
                        storm_title=storm_title, card_writers=card_writers, duration=duration, recorder=recorder,
                        seed=seed))
    for name, count in sorted(recorder.tally.items()):
        print(f'{count:6d}  {name}')

