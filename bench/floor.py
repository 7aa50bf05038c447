"""The floor: a bare python-socketio server under uvicorn that only counts votes and numbers steps, and
broadcasts each change to every client at once. The app's latencies are reported as multiples of these.

    python bench/floor.py serve PORT                          # the server (run by measure())
    python bench/floor.py clients URL N RATE SPREAD REPORT    # N clients in one process, like the simulator

measure() mirrors the app's bench: N clients connect at RATE per second, a "console" client moves the step
on three times (step 1 asks every client to vote once within SPREAD seconds) and a "screen" client
watches the count."""
from __future__ import annotations

import asyncio
import json
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import socketio

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import Report, free_port, ms, percentile, stop, until  # noqa: E402

STEPS = 3
VOTE_STEP = 1


def serve(port: int) -> None:
    import uvicorn
    server = socketio.AsyncServer(async_mode='asgi')
    state = {'count': 0, 'step': 0, 'connected': 0}

    @server.on('connect')
    async def connect(*_: Any) -> None:
        state['connected'] += 1

    @server.on('disconnect')
    async def disconnect(*_: Any) -> None:
        state['connected'] -= 1

    @server.on('vote')
    async def vote(_: str, __: Any = None) -> None:
        state['count'] += 1
        await server.emit('count', state['count'])

    @server.on('next')
    async def next_step(_: str, __: Any = None) -> None:
        state['step'] += 1
        await server.emit('step', state['step'])

    @server.on('participants')
    async def participants(_: str, __: Any = None) -> int:
        return state['connected'] - 1  # everyone but the asking "screen"

    uvicorn.run(socketio.ASGIApp(server), host='127.0.0.1', port=port, log_level='warning')


async def clients(url: str, number: int, join_rate: float, spread: float, report_path: str) -> None:
    stop_event = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop_event.set)
    with open(report_path, 'w') as report:
        def record(**entry: Any) -> None:
            report.write(json.dumps(entry) + '\n')
            report.flush()

        async def one(index: int) -> None:
            client = socketio.AsyncClient(reconnection=False)

            @client.on('step')
            async def on_step(step: int) -> None:
                record(event='step', step=step, t=time.time())
                if step == VOTE_STEP:
                    await asyncio.sleep(random.uniform(0, spread))
                    record(event='act', sent=time.time())
                    await client.emit('vote')

            client.on('count', lambda _: None)
            started = time.time()
            await client.connect(url, transports=['websocket'], wait_timeout=30)
            record(event='join', phone=index, start=started, ready=time.time())
            await stop_event.wait()
            await client.disconnect()

        tasks = []
        for index in range(number):
            tasks.append(asyncio.create_task(one(index)))
            await asyncio.sleep(1 / join_rate)
        await asyncio.gather(*tasks)


async def drive(url: str, phones: int, report: Report) -> dict[str, Any]:
    counts: list[tuple[float, int]] = []
    screen = socketio.AsyncClient(reconnection=False)
    screen.on('count', lambda count: counts.append((time.time(), count)))
    screen.on('step', lambda _: None)
    await screen.connect(url, transports=['websocket'], wait_timeout=30)
    joined = {'count': 0}

    async def ask() -> None:
        joined['count'] = await screen.call('participants')
    while joined['count'] < phones:
        await ask()
        await asyncio.sleep(0.2)
    step_changes, votes_to_screen = [], []
    for step in range(1, STEPS + 1):
        clicked = time.time()
        await screen.emit('next')
        await until(lambda: len(report.entries('step', step=step)) >= phones, what=f'floor clients on step {step}')
        step_changes += [entry['t'] - clicked for entry in report.entries('step', step=step)]
        if step == VOTE_STEP:
            await until(lambda: counts and counts[-1][1] >= phones, what='every floor vote on the screen')
            sent = sorted(entry['sent'] for entry in report.entries('act'))
            votes_to_screen = [next(t for t, count in counts if count >= number) - time_sent
                               for number, time_sent in enumerate(sent, start=1)]
    await screen.disconnect()
    return {'step_changes': step_changes, 'votes_to_screen': votes_to_screen}


def wait_for_port(port: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(('127.0.0.1', port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError('the floor server did not start in 30 s')


def measure(phones: int, spread: float, join_rate: float) -> dict[str, Any]:
    """The floor's figures for `phones` clients joining at `join_rate` and answering within `spread` seconds."""
    port = free_port()
    url = f'http://127.0.0.1:{port}'
    with tempfile.TemporaryDirectory(prefix='samenspraak-floor-') as directory:
        report = Report(Path(directory) / 'clients.jsonl')
        server = subprocess.Popen([sys.executable, __file__, 'serve', str(port)])
        try:
            wait_for_port(port)
            client_process = subprocess.Popen([sys.executable, __file__, 'clients', url, str(phones), str(join_rate), str(spread),
                                               str(report.path)])
            try:
                walked = asyncio.run(drive(url, phones, report))
            finally:
                stop(client_process)
        finally:
            stop(server)
        return {'vote_to_screen_p50_ms': ms(percentile(walked['votes_to_screen'], 0.50)),
                'vote_to_screen_p95_ms': ms(percentile(walked['votes_to_screen'], 0.95)),
                'step_change_p95_ms': ms(percentile(walked['step_changes'], 0.95)),
                'join_p95_ms': ms(percentile([e['ready'] - e['start'] for e in report.entries('join')], 0.95))}


if __name__ == '__main__':
    if sys.argv[1] == 'serve':
        serve(int(sys.argv[2]))
    else:
        asyncio.run(clients(sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), sys.argv[6]))
