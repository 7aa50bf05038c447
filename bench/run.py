"""The live-path benchmark (issue 6): the real server, N simulated phones in another process, one simulated
projector screen and the facilitator's console driven through the same protocol client.

    python bench/run.py                 # 50, 200 and 500 phones (`make bench`, about 10 minutes)
    python bench/run.py --quick         # 20 phones (`make bench-quick`, CI)

Per phone count it walks the default plan with the console's "next" button, reveals the results on the
scale and dots steps, lets every phone answer (about 20 answers a second; on "Evaluatie" all within 2 s: the
storm), then checks every acknowledged action against the SQLite file. It prints a table and writes
bench/results.json, with the same figures for a bare python-socketio server (bench/floor.py) beside them."""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app import accounts, db, plans  # noqa: E402
from app import workshop as workshops  # noqa: E402
from app.simulate.client import Page  # noqa: E402
from bench import floor  # noqa: E402
from bench.common import Report, free_port, ms, percentile, stop, until  # noqa: E402

STORM_STEP = 'Evaluatie'
VOTE_KINDS = ('scale', 'dots')  # steps whose results the screen shows while phones answer
CARD_WRITERS = 12


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
    """The projector screen: what it shows after every update — the step, the participants, the total count."""
    page: Page
    shown: list[tuple[float, str, int]] = field(default_factory=list)  # (time, step title, sum of the counts)
    participants: int = 0

    def __post_init__(self) -> None:
        self.page.on_update = lambda _: self.notice()

    def notice(self) -> None:
        page = self.page
        self.participants = int(re.search(r'\d+', page.text(page.first('participants')) or '0').group())
        results = page.first('results')
        total = sum(int(page.text(count) or 0) for count in page.find('count', inside=results)) if results else -1
        state = (page.text(page.first('step-title')), total)
        if not self.shown or self.shown[-1][1:] != state:
            self.shown.append((time.time(), *state))

    def first_time(self, title: str, at_least: int) -> float | None:
        return next((t for t, shown_title, total in self.shown if shown_title == title and total >= at_least), None)


async def sign_in(login: Page, url: str) -> None:
    """Sign the console's cookie jar in as the workshop's facilitator, through the real sign-in page."""
    await login.open(f'{url}/login')
    await login.type(login.first('name'), FACILITATOR)
    await login.type(login.first('password'), PASSWORD)
    await login.click(login.first('sign-in'))
    await asyncio.sleep(1)  # argon2 takes a moment; the browser would follow the redirect after it
    await login.close()


async def click(console: Page, testid: str) -> float:
    element = await console.wait_for(lambda: console.first(testid))
    clicked = time.time()
    await console.click(element)
    return clicked


async def walk(phones: int, links: dict[str, str], report: Report) -> dict[str, Any]:
    """Open the screen and the console, wait for every phone, then press "next" through the plan, revealing
    and collecting the answers on the way; returns the latencies measured."""
    async with httpx.AsyncClient(timeout=60) as screen_http, httpx.AsyncClient(timeout=60) as console_http:
        screen, console = Screen(Page(screen_http)), Page(console_http)
        await screen.page.open(links['screen'])
        await sign_in(Page(console_http), links['console'].split('/host/')[0])
        await console.open(links['console'])
        measured: dict[str, Any] = {'step_changes': [], 'votes_to_screen': [], 'storm_settle': None}
        try:
            await walk_plan(phones, links, report, screen, console, measured)
        except ConnectionError:  # the screen or the console dropped: report what was measured until then
            print('the screen or the console lost its socket; the walk stops here', file=sys.stderr, flush=True)
        finally:
            await screen.page.close()
            await console.close()
        return {**measured, 'dropped': int(screen.page.dropped) + int(console.dropped)}


async def walk_plan(phones: int, links: dict[str, str], report: Report, screen: Screen, console: Page,
                    measured: dict[str, Any]) -> None:
    """Fills `measured` as it goes, so a dropped screen or console still leaves the figures gathered so far."""
    await until(lambda: screen.participants >= phones, what=f'{phones} participants on the screen')
    steps = workshops.state(workshops.find(join_token=links['join'].rsplit('/', 1)[1]).id).steps
    step_changes, votes_to_screen = measured['step_changes'], measured['votes_to_screen']
    def connected() -> int:  # a phone that dropped out is not waited for
        return phones - len({entry['phone'] for entry in report.entries('dropped') + report.entries('error')})

    for step in steps[1:]:
        clicked = await click(console, 'next')
        await until(lambda: len(report.entries('step', title=step.title)) >= connected(),
                    what=f'phones on {step.title}')
        step_changes += [entry['t'] - clicked for entry in report.entries('step', title=step.title)]
        await console.wait_for(lambda: step.title in console.text(console.first('current-step')))
        if step.kind in VOTE_KINDS:
            await click(console, 'reveal')
        expected = {'scale': connected(), 'dots': connected() * 3, 'cards': min(connected(), CARD_WRITERS)}
        await until(lambda: len(report.entries('act', title=step.title)) >= expected.get(step.kind, 0),
                    what=f'answers to {step.title}')
        if step.kind not in VOTE_KINDS:
            continue
        acts = sorted(report.entries('act', title=step.title, acknowledged=True), key=lambda act: act['sent'])
        if not await until(lambda: screen.first_time(step.title, len(acts)) is not None, timeout=30,
                           what=f'the screen showing {len(acts)} answers to {step.title}'):
            continue
        if step.title == STORM_STEP:
            measured['storm_settle'] = screen.first_time(step.title, len(acts)) - acts[-1]['sent']
            continue
        # vote k (in the order sent) is seen when the screen first shows at least k; votes sent before the
        # screen showed the results at all are left out
        revealed = screen.first_time(step.title, 0)
        votes_to_screen += [screen.first_time(step.title, number) - act['sent']
                            for number, act in enumerate(acts, start=1) if act['sent'] >= revealed]


def lost_actions(database: Path, acts: list[dict[str, Any]]) -> int:
    """Acknowledged actions that the database does not hold."""
    connection = sqlite3.connect(database)
    queries = {
        'scale': ('SELECT 1 FROM answer a JOIN participant p ON p.id = a.participant_id JOIN step s ON s.id = a.step_id '
                  'WHERE p.nickname = ? AND s.title = ? AND a.value = ?', ('nickname', 'title', 'value')),
        'dots': ('SELECT 1 FROM answer a JOIN participant p ON p.id = a.participant_id JOIN step s ON s.id = a.step_id '
                 'WHERE p.nickname = ? AND s.title = ? AND a.card_id = ?', ('nickname', 'title', 'card')),
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


def spread_for(phones: int) -> float:
    """Seconds in which the phones answer a step: about 20 answers a second, a lively room but not a storm."""
    return max(3.0, phones / 20)


def measure(phones: int, join_rate: float) -> dict[str, Any]:
    spread = spread_for(phones)
    with tempfile.TemporaryDirectory(prefix='samenspraak-bench-') as directory:
        data_dir = Path(directory)
        server, url = start_server(data_dir)
        try:
            links = create_workshop(data_dir / 'samenspraak.db', url)
            rss_before, cpu_before = rss_kib(server.pid), cpu_seconds(server.pid)
            report = Report(data_dir / 'phones.jsonl')
            simulator = subprocess.Popen(
                [sys.executable, '-m', 'app', 'simulate', '--join-url', links['join'], '--phones', str(phones),
                 '--join-rate', str(join_rate), '--scenario', 'cards,scale,dots', '--spread', str(spread),
                 '--storm', STORM_STEP, '--card-writers', str(CARD_WRITERS), '--report', str(report.path)],
                cwd=ROOT, stdout=subprocess.DEVNULL)
            try:
                walked = asyncio.run(walk(phones, links, report))
                rss_after, cpu_after = rss_kib(server.pid), cpu_seconds(server.pid)
            finally:
                stop(simulator)
            joins = [entry['ready'] - entry['start'] for entry in report.entries('join')]
            acknowledged = report.entries('act', acknowledged=True)
            return {
                'phones': phones,
                'join_p95_ms': ms(percentile(joins, 0.95)),
                'vote_to_screen_p50_ms': ms(percentile(walked['votes_to_screen'], 0.50)),
                'vote_to_screen_p95_ms': ms(percentile(walked['votes_to_screen'], 0.95)),
                'step_change_p95_ms': ms(percentile(walked['step_changes'], 0.95)),
                'storm_settle_ms': ms(walked['storm_settle']),
                'dropped_sockets': walked['dropped'] + len(report.entries('dropped')),
                'lost_actions': lost_actions(data_dir / 'samenspraak.db', acknowledged),
                'acknowledged_actions': len(acknowledged),
                'refused_actions': len(report.entries('act', acknowledged=False)),
                'phone_errors': len(report.entries('error')),
                'rss_per_phone_kib': round((rss_after - rss_before) / phones, 1),
                'server_cpu_s': round(cpu_after - cpu_before, 1),
            }
        finally:
            stop(server)


COLUMNS = ['phones', 'join_p95_ms', 'vote_to_screen_p50_ms', 'vote_to_screen_p95_ms', 'step_change_p95_ms',
           'storm_settle_ms', 'dropped_sockets', 'lost_actions', 'rss_per_phone_kib', 'server_cpu_s']
FLOOR_COLUMNS = ['vote_to_screen_p50_ms', 'vote_to_screen_p95_ms', 'step_change_p95_ms']


def table(rows: list[dict[str, Any]], columns: list[str]) -> str:
    lines = ['| ' + ' | '.join(columns) + ' |', '|' + '---|' * len(columns)]
    lines += ['| ' + ' | '.join('' if row.get(column) is None else str(row[column]) for column in columns) + ' |'
              for row in rows]
    return '\n'.join(lines)


def ratio(value: float | None, floor_value: float | None) -> float | None:
    return round(value / floor_value, 1) if value is not None and floor_value else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--quick', action='store_true', help='20 phones only (CI)')
    parser.add_argument('--phones', help='comma-separated phone counts (default 50,200,500; --quick: 20)')
    parser.add_argument('--join-rate', type=float, default=25, help='phones joining per second (default 25)')
    parser.add_argument('--output', default=str(ROOT / 'bench' / 'results.json'))
    arguments = parser.parse_args()
    counts = [int(count) for count in (arguments.phones or ('20' if arguments.quick else '50,200,500')).split(',')]
    rows = []
    for phones in counts:
        row = measure(phones, arguments.join_rate)
        row['floor'] = floor.measure(phones, spread_for(phones), arguments.join_rate)
        row['over_floor'] = {column: ratio(row[column], row['floor'][column]) for column in FLOOR_COLUMNS}
        rows.append(row)
        print(f'{phones} phones done: {json.dumps(row)}', flush=True)
    Path(arguments.output).write_text(json.dumps({'measured_at': time.strftime('%Y-%m-%d %H:%M'), 'cpus': os.cpu_count(),
                                                  'results': rows}, indent=2) + '\n')
    print()
    print(table(rows, COLUMNS))
    print()
    print('Floor (bare python-socketio broadcast) and the app over the floor:')
    print(table([{'phones': row['phones'], **{f'floor_{c}': row['floor'][c] for c in FLOOR_COLUMNS},
                  **{f'x_{c}': row['over_floor'][c] for c in FLOOR_COLUMNS}} for row in rows],
                ['phones'] + [f'floor_{c}' for c in FLOOR_COLUMNS] + [f'x_{c}' for c in FLOOR_COLUMNS]))
    print(f'\nWritten to {arguments.output}')


if __name__ == '__main__':
    main()
