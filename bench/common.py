"""What the benches (run.py, ladder_bench.py, export_live_bench.py) and the floor (floor.py) share: ports, processes,
the real server, a workshop, the screen and console clients, the phones' report, the safety check, figures."""
from __future__ import annotations

import asyncio
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from app import accounts, db, plans
from app import workshop as workshops
from app.simulate.client import Page

ROOT = Path(__file__).resolve().parents[1]

WAIT = 60  # seconds any phase may take before the bench gives up on it and reports what it has


def percentile(values: list[float], share: float) -> float | None:
    """Nearest-rank percentile; None without values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


def ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000, 1)


def free_port(start: int = 8300) -> int:
    for port in range(start, start + 100):
        with socket.socket() as probe:
            try:
                probe.bind(('127.0.0.1', port))
            except OSError:
                continue
            return port
    raise RuntimeError('no free port in 8300-8399')


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Report:
    """The simulator's JSON lines, read again whenever asked (the simulator appends while we wait)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def entries(self, event: str, **match: Any) -> list[dict[str, Any]]:
        found = []
        for line in self.path.read_text().splitlines() if self.path.exists() else []:
            try:
                entry = json.loads(line)
            except ValueError:
                continue  # the line being written
            if entry['event'] == event and all(entry.get(key) == value for key, value in match.items()):
                found.append(entry)
        return found

    def connected(self, phones: int) -> int:
        """The phones still taking part: one that dropped out or failed is not waited for."""
        return phones - len({entry['phone'] for entry in self.entries('dropped') + self.entries('error')})


async def until(condition: Any, timeout: float = WAIT, what: str = '') -> bool:
    """Wait for `condition()`; after `timeout` seconds say so and go on (the figures will show what is missing)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            print(f'gave up waiting for {what}', file=sys.stderr, flush=True)
            return False
        await asyncio.sleep(0.1)
    return True


def rss_kib(pid: int) -> int:
    status = Path(f'/proc/{pid}/status').read_text()
    return int(re.search(r'VmRSS:\s+(\d+) kB', status).group(1))


def cpu_seconds(pid: int) -> float:
    fields = Path(f'/proc/{pid}/stat').read_text().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')  # utime + stime


def start_server(data_dir: Path) -> tuple[subprocess.Popen, str]:
    """`python -m app` on its own port and data directory, as tests/browser/conftest.py starts it."""
    port = free_port()
    url = f'http://127.0.0.1:{port}'
    env = {**os.environ, 'HOST': '127.0.0.1', 'PORT': str(port), 'PUBLIC_URL': url, 'DATA_DIR': str(data_dir),
           'DATABASE_URL': ''}
    env.pop('PYTEST_CURRENT_TEST', None)  # else NiceGUI believes it runs inside its own test harness
    process = subprocess.Popen([sys.executable, '-m', 'app'], cwd=ROOT, env=env,
                               stdout=(data_dir / 'server.log').open('wb'), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f'server stopped with {process.returncode}; see {data_dir / "server.log"}')
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return process, url
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    process.kill()
    raise RuntimeError('server did not start in 30 s')


@contextmanager
def live_server() -> Iterator[tuple[Path, subprocess.Popen, str]]:
    """A real server on a fresh data directory (SQLite file `samenspraak.db` in it), stopped afterwards."""
    with tempfile.TemporaryDirectory(prefix='samenspraak-bench-') as directory:
        data_dir = Path(directory)
        server, url = start_server(data_dir)
        try:
            yield data_dir, server, url
        finally:
            stop(server)


def start_phones(join_url: str, report: Report, *, phones: int, join_rate: float, scenario: str, spread: float,
                 more: tuple[str, ...] = ()) -> subprocess.Popen:
    """`python -m app simulate` in its own process, writing what the phones do to `report`."""
    return subprocess.Popen(
        [sys.executable, '-m', 'app', 'simulate', '--join-url', join_url, '--phones', str(phones), '--join-rate',
         str(join_rate), '--scenario', scenario, '--spread', str(spread), '--report', str(report.path), *more],
        cwd=ROOT, stdout=subprocess.DEVNULL)


FACILITATOR, PASSWORD = 'bench', 'bench-wachtwoord-lang-genoeg'


def create_workshop(database: Path, url: str) -> dict[str, str]:
    """A workshop from the default plan, open for joining, made with the app's own rules on the server's file."""
    db.configure(f'sqlite:///{database}')
    owner = accounts.ensure(FACILITATOR, PASSWORD)
    workshop = workshops.create(plans.load(plans.DEFAULT_PLAN), title='Bench', municipality='Bench',
                                place='Bench', facilitator='Bench', owner_id=owner.id)
    workshops.open_for_joining(workshop.id)
    return {'join': f'{url}/w/{workshop.join_token}', 'screen': f'{url}/s/{workshop.screen_token}',
            'console': f'{url}/host/{workshop.host_token}'}


@dataclass
class Screen:
    """The projector screen: what it shows after every update — the step, the participants, the total count —
    and the size of every update message."""
    page: Page
    shown: list[tuple[float, str, int]] = field(default_factory=list)  # (time, step title, total count)
    participants: int = 0
    messages: list[tuple[float, int]] = field(default_factory=list)  # (time, bytes of the message as JSON)

    def __post_init__(self) -> None:
        self.page.on_update = self.notice

    def notice(self, message: dict[str, Any]) -> None:
        self.messages.append((time.time(), len(json.dumps(message, separators=(',', ':')))))
        page = self.page
        self.participants = int(re.search(r'\d+', page.text(page.first('participants')) or '0').group())
        results = page.first('results')
        state = (page.text(page.first('step-title')), self.total(results) if results else -1)
        if not self.shown or self.shown[-1][1:] != state:
            self.shown.append((time.time(), *state))

    def total(self, results: str) -> int:
        """The sum of the counts shown (bars), or the placements a ladder shows (its data-placements marker)."""
        page = self.page
        if ladder := page.find('ladder-respondents', inside=results):
            return int(page.props(ladder[0]).get('data-placements', 0))
        return sum(int(page.text(count) or 0) for count in page.find('count', inside=results))

    def first_time(self, title: str, at_least: int) -> float | None:
        return next((t for t, shown_title, total in self.shown if shown_title == title and total >= at_least), None)

    def latencies(self, title: str, acts: list[dict[str, Any]]) -> list[float]:
        """Seconds from each acknowledged action until the screen showed it: action k (in the order sent) is seen
        when the screen first shows a total of at least k; actions sent before the results were shown are left out."""
        revealed = self.first_time(title, 0)
        acts = sorted(acts, key=lambda act: act['sent'])
        return [shown - act['sent'] for number, act in enumerate(acts, start=1)
                if act['sent'] >= revealed and (shown := self.first_time(title, number)) is not None]


async def sign_in(login: Page, url: str) -> None:
    """Sign the console's cookie jar in as the workshop's facilitator, through the real sign-in page."""
    await login.open(f'{url}/login')
    await login.type(login.first('name'), FACILITATOR)
    await login.type(login.first('password'), PASSWORD)
    await login.click(login.first('sign-in'))
    await login.wait_for(lambda: login.opened)  # signed in when the page sends the browser on (argon2 takes a while)
    await login.close()


async def watch(links: dict[str, str], follow: Callable[[Screen, Page], Awaitable[None]],
                measured: dict[str, Any]) -> dict[str, Any]:
    """Open the screen and the signed-in console and let `follow(screen, console)` lead the workshop, filling
    `measured` as it goes: a dropped screen or console ends the walk with the figures gathered until then."""
    async with httpx.AsyncClient(timeout=60) as screen_http, httpx.AsyncClient(timeout=60) as console_http:
        screen, console = Screen(Page(screen_http)), Page(console_http)
        await screen.page.open(links['screen'])
        await sign_in(Page(console_http), links['console'].split('/host/')[0])
        await console.open(links['console'])
        try:
            await follow(screen, console)
        except ConnectionError:
            print('the screen or the console lost its socket; the walk stops here', file=sys.stderr, flush=True)
        finally:
            await screen.page.close()
            await console.close()
        return {**measured, 'dropped': int(screen.page.dropped) + int(console.dropped)}


async def click(console: Page, testid: str) -> float:
    element = await console.wait_for(lambda: console.first(testid))
    clicked = time.time()
    await console.click(element)
    return clicked


def lost_actions(database: Path, acts: list[dict[str, Any]]) -> int:
    """Acknowledged actions that the database does not hold."""
    connection = sqlite3.connect(database)
    answer = ('SELECT 1 FROM answer a JOIN participant p ON p.id = a.participant_id JOIN step s ON s.id = a.step_id '
              'WHERE p.nickname = ? AND s.title = ? AND ')
    queries = {
        'scale': (answer + 'a.value = ?', ('nickname', 'title', 'value')),
        'dots': (answer + 'a.card_id = ?', ('nickname', 'title', 'card')),
        'ladder': (answer + 'a.card_id = ? AND a.slot = ? AND a.value = ?',
                   ('nickname', 'title', 'card', 'slot', 'rung')),
        'cards': ('SELECT 1 FROM card c JOIN participant p ON p.id = c.participant_id JOIN step s ON s.id = c.step_id '
                  'WHERE p.nickname = ? AND s.title = ? AND c.text = ?', ('nickname', 'title', 'text')),
    }
    lost = 0
    for act in acts:
        query, keys = queries[act['kind']]
        if connection.execute(query, [act[key] for key in keys]).fetchone() is None:
            lost += 1
    connection.close()
    return lost


def table(rows: list[dict[str, Any]], columns: list[str]) -> str:
    lines = ['| ' + ' | '.join(columns) + ' |', '|' + '---|' * len(columns)]
    lines += ['| ' + ' | '.join('' if row.get(column) is None else str(row[column]) for column in columns) + ' |'
              for row in rows]
    return '\n'.join(lines)


def write_results(output: str, rows: list[dict[str, Any]]) -> None:
    Path(output).write_text(json.dumps({'measured_at': time.strftime('%Y-%m-%d %H:%M'), 'cpus': os.cpu_count(),
                                        'results': rows}, indent=2) + '\n')
