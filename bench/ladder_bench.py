"""The ladder benchmark (issues 3 and 6): N simulated phones each place 8 cards on the trap van eigenaarschap,
"nu" and "gewenst", while the projector screen shows the ladder live.

    python bench/ladder_bench.py            # 200 phones (`make bench-ladder`, about 2 minutes)
    python bench/ladder_bench.py --quick    # 20 phones (CI)

The real server (as `make run`, SQLite in a temporary data directory), a workshop from the default plan with
8 idea cards seeded and its ladder step set to take all 8, the phones in another process (`python -m app simulate
--scenario ladder`), the console walking to the ladder step and revealing it, the screen watching. Besides
placement-to-screen latency it counts what the screen received while the phones placed: many small messages
and none near the size of the whole ladder is the evidence that a placement updates cells in place instead of
re-rendering the ladder. Prints a table and writes bench/ladder_results.json."""
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
from app.models import Step  # noqa: E402
from app.simulate.client import Page  # noqa: E402
from app.steps.cards.simulate import IDEAS  # noqa: E402
from app.steps.ladder.simulate import PAUSE as LADDER_PAUSE  # noqa: E402
from bench.common import (Report, Screen, click, cpu_seconds, create_workshop, live_server, lost_actions,  # noqa: E402
                          ms, percentile, rss_kib, start_phones, stop, table, until, watch, write_results)

CARDS = 8
JOIN_RATE = 25


def prepare(database: Path, url: str) -> tuple[dict[str, str], Step]:
    """The bench workshop with CARDS idea cards, and its ladder step (of the plan) set to take them all."""
    links = create_workshop(database, url)
    steps = workshops.state(workshops.find(join_token=links['join'].rsplit('/', 1)[1]).id).steps
    ideas = next(step for step in steps if step.key == workshops.IDEA_STEP_KEY)
    ladder = next(step for step in steps if step.kind == 'ladder')
    workshops.seed_cards(ideas.id, [(f'{IDEAS[n % len(IDEAS)]} ({n + 1})', '') for n in range(CARDS)], origin='bench')
    workshops.edit_step(ladder.id, title=ladder.title, body=ladder.body, settings={**ladder.settings, 'top': CARDS})
    return links, ladder


async def lead(phones: int, ladder: Step, report: Report, screen: Screen, console: Page,
               measured: dict[str, Any], pids: dict[str, int], spread: float) -> None:
    """Wait for every phone, press "next" up to the ladder step, reveal it, and wait until the screen shows
    every acknowledged placement."""
    await until(lambda: screen.participants >= phones, what=f'{phones} participants on the screen')
    while ladder.title not in console.text(console.first('current-step')):
        current = console.text(console.first('current-step'))
        await click(console, 'next')
        await console.wait_for(lambda: console.text(console.first('current-step')) != current)  # noqa: B023
    await click(console, 'reveal')
    cpu_before = {name: cpu_seconds(pid) for name, pid in pids.items()}
    expected = report.connected(phones) * CARDS * (2 if ladder.settings.get('two_positions') else 1)
    placing = spread + expected / max(phones, 1) * (LADDER_PAUSE[1] + 1) + 60  # seconds, generously
    await until(lambda: len(report.entries('act', title=ladder.title)) >= expected, timeout=placing,
                what=f'{expected} placements')
    acts = report.entries('act', title=ladder.title, acknowledged=True)
    await until(lambda: screen.first_time(ladder.title, len(acts)) is not None, timeout=30,
                what=f'the screen showing {len(acts)} placements')
    measured.update(acts=acts, cpu={name: round(cpu_seconds(pid) - cpu_before[name], 1) for name, pid in pids.items()},
                    latencies=screen.latencies(ladder.title, acts),
                    settled=screen.first_time(ladder.title, len(acts)), messages=screen.messages,
                    full_ladder_bytes=rendered_bytes(screen.page))


def rendered_bytes(page: Page) -> int:
    """What re-rendering the whole results view (the ladder table and its notes) would send: its elements as JSON."""
    results = page.first('results')
    subtree = [results, *page.descendants(results)] if results else []
    return len(json.dumps({id_: page.elements[id_] for id_ in subtree}, separators=(',', ':')))


def measure(phones: int) -> dict[str, Any]:
    spread = max(3.0, phones / 20)  # the phones start placing within this many seconds of the step appearing
    with live_server() as (data_dir, server, url):
        links, ladder = prepare(data_dir / 'samenspraak.db', url)
        rss_before = rss_kib(server.pid)
        report = Report(data_dir / 'phones.jsonl')
        simulator = start_phones(links['join'], report, phones=phones, join_rate=JOIN_RATE, scenario='ladder',
                                 spread=spread)
        measured: dict[str, Any] = {'acts': [], 'latencies': [], 'messages': [], 'cpu': {}}
        pids = {'server': server.pid, 'simulator': simulator.pid}
        try:
            walked = asyncio.run(watch(links, lambda screen, console: lead(phones, ladder, report, screen, console,
                                                                          measured, pids, spread), measured))
            rss_after = rss_kib(server.pid)
        finally:
            stop(simulator)
        acts = walked['acts']
        start = min((act['sent'] for act in acts), default=0)
        acked = [act['done'] - act['sent'] for act in acts]  # tap until the phone says "saved"
        during = [size for t, size in walked['messages'] if start <= t <= (walked.get('settled') or 0)]
        return {
            'phones': phones,
            'placements_acknowledged': len(acts),
            'placements_refused': len(report.entries('act', acknowledged=False)),
            'placement_to_screen_p50_ms': ms(percentile(walked['latencies'], 0.50)),
            'placement_to_screen_p95_ms': ms(percentile(walked['latencies'], 0.95)),
            'placement_ack_p50_ms': ms(percentile(acked, 0.50)),
            'placement_ack_p95_ms': ms(percentile(acked, 0.95)),
            'placing_s': round(walked['settled'] - start, 1) if walked.get('settled') and acts else None,
            'screen_messages': len(during),
            'screen_bytes': sum(during),
            'largest_screen_message_bytes': max(during, default=None),
            'full_ladder_bytes': walked.get('full_ladder_bytes'),
            'server_cpu_s': walked['cpu'].get('server'),  # while the phones placed
            'simulator_cpu_s': walked['cpu'].get('simulator'),  # the phones' process, on the same machine
            'rss_per_phone_kib': round((rss_after - rss_before) / phones, 1),
            'dropped_sockets': walked['dropped'] + len(report.entries('dropped')),
            'phone_errors': len(report.entries('error')),
            'lost_actions': lost_actions(data_dir / 'samenspraak.db', acts),
        }


COLUMNS = ['phones', 'placements_acknowledged', 'placement_ack_p95_ms', 'placement_to_screen_p50_ms',
           'placement_to_screen_p95_ms', 'placing_s', 'screen_messages', 'screen_bytes', 'largest_screen_message_bytes',
           'full_ladder_bytes', 'server_cpu_s', 'simulator_cpu_s', 'rss_per_phone_kib', 'dropped_sockets',
           'lost_actions']


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--phones', type=int, default=200, help='how many phones (default 200)')
    parser.add_argument('--quick', action='store_true', help='20 phones (CI)')
    parser.add_argument('--output', default=str(ROOT / 'bench' / 'ladder_results.json'))
    arguments = parser.parse_args()
    row = measure(20 if arguments.quick else arguments.phones)
    write_results(arguments.output, [row])
    print(table([row], COLUMNS))
    print(f'\nWritten to {arguments.output}')


if __name__ == '__main__':
    main()
