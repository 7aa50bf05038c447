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
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app import workshop as workshops  # noqa: E402
from app.simulate.client import Page  # noqa: E402
from bench import floor  # noqa: E402
from bench.common import (Report, Screen, click, cpu_seconds, create_workshop, live_server, lost_actions,  # noqa: E402
                          ms, percentile, rss_kib, start_phones, stop, table, until, watch, write_results)

STORM_STEP = 'Evaluatie'
VOTE_KINDS = ('scale', 'dots')  # steps whose results the screen shows while phones answer
CARD_WRITERS = 12


async def walk(phones: int, links: dict[str, str], report: Report) -> dict[str, Any]:
    """Wait for every phone, then press "next" through the plan, revealing and collecting the answers on the way;
    returns the latencies measured."""
    measured: dict[str, Any] = {'step_changes': [], 'votes_to_screen': [], 'storm_settle': None,
                               'step_change_p95_by_step': {}}
    return await watch(links, lambda screen, console: walk_plan(phones, links, report, screen, console, measured),
                       measured)


async def walk_plan(phones: int, links: dict[str, str], report: Report, screen: Screen, console: Page,
                    measured: dict[str, Any]) -> None:
    """Fills `measured` as it goes, so a dropped screen or console still leaves the figures gathered so far."""
    await until(lambda: screen.participants >= phones, what=f'{phones} participants on the screen')
    steps = workshops.state(workshops.find(join_token=links['join'].rsplit('/', 1)[1]).id).steps
    step_changes, votes_to_screen = measured['step_changes'], measured['votes_to_screen']
    for step in steps[1:]:
        clicked = await click(console, 'next')
        await until(lambda: len(report.entries('step', title=step.title)) >= report.connected(phones),
                    what=f'phones on {step.title}')
        changes = [entry['t'] - clicked for entry in report.entries('step', title=step.title)]
        step_changes += changes
        measured['step_change_p95_by_step'][f'{step.key} ({step.kind})'] = ms(percentile(changes, 0.95))
        await console.wait_for(lambda: step.title in console.text(console.first('current-step')))
        if step.kind in VOTE_KINDS:
            await click(console, 'reveal')
        connected = report.connected(phones)
        expected = {'scale': connected, 'dots': connected * 3, 'cards': min(connected, CARD_WRITERS)}
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
        votes_to_screen += screen.latencies(step.title, acts)


def spread_for(phones: int) -> float:
    """Seconds in which the phones answer a step: about 20 answers a second, a lively room but not a storm."""
    return max(3.0, phones / 20)


def measure(phones: int, join_rate: float) -> dict[str, Any]:
    spread = spread_for(phones)
    with live_server() as (data_dir, server, url):
        links = create_workshop(data_dir / 'samenspraak.db', url)
        rss_before, cpu_before = rss_kib(server.pid), cpu_seconds(server.pid)
        report = Report(data_dir / 'phones.jsonl')
        simulator = start_phones(links['join'], report, phones=phones, join_rate=join_rate,
                                 scenario='cards,scale,dots', spread=spread,
                                 more=('--storm', STORM_STEP, '--card-writers', str(CARD_WRITERS)))
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
            'step_change_p95_ms_by_step': walked['step_change_p95_by_step'],
            'storm_settle_ms': ms(walked['storm_settle']),
            'dropped_sockets': walked['dropped'] + len(report.entries('dropped')),
            'lost_actions': lost_actions(data_dir / 'samenspraak.db', acknowledged),
            'acknowledged_actions': len(acknowledged),
            'refused_actions': len(report.entries('act', acknowledged=False)),
            'phone_errors': len(report.entries('error')),
            'rss_per_phone_kib': round((rss_after - rss_before) / phones, 1),
            'server_cpu_s': round(cpu_after - cpu_before, 1),
        }


COLUMNS = ['phones', 'join_p95_ms', 'vote_to_screen_p50_ms', 'vote_to_screen_p95_ms', 'step_change_p95_ms',
           'storm_settle_ms', 'dropped_sockets', 'lost_actions', 'rss_per_phone_kib', 'server_cpu_s']
FLOOR_COLUMNS = ['vote_to_screen_p50_ms', 'vote_to_screen_p95_ms', 'step_change_p95_ms']


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
    write_results(arguments.output, rows)
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
