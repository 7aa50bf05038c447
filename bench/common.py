"""What the app's bench (run.py) and the floor (floor.py) share: ports, processes, the phones' report, figures."""
from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

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


async def until(condition: Any, timeout: float = WAIT, what: str = '') -> bool:
    """Wait for `condition()`; after `timeout` seconds say so and go on (the figures will show what is missing)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            print(f'gave up waiting for {what}', file=sys.stderr, flush=True)
            return False
        await asyncio.sleep(0.1)
    return True


