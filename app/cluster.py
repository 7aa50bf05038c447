"""`python -m app cluster`: N app processes on one PostgreSQL behind HAProxy, with sticky sessions.

Each process serves any page of any workshop; change marks travel between them through the database
(app/relay.py). A process that dies loses nothing: its browsers fail over through the proxy to another process,
which rebuilds their pages from the database."""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from .config import settings

HAPROXY_CONFIG = Path(__file__).parent.parent / 'deploy' / 'haproxy.cfg'
START_SECONDS = 60


def config_with_servers(ports: list[int]) -> str:
    """The shipped config with one server line per process."""
    servers = ''.join(f'    server app{number} 127.0.0.1:{port} cookie app{number}\n'
                      for number, port in enumerate(ports, start=1))
    return HAPROXY_CONFIG.read_text() + servers


def run(processes: int) -> int:
    config = settings()
    if not config.database_url.startswith('postgresql'):
        print('A cluster needs PostgreSQL: set DATABASE_URL=postgresql://… (SQLite serves one process).',
              file=sys.stderr)
        return 2
    haproxy = shutil.which('haproxy')
    if haproxy is None:
        print('HAProxy is missing: `make cluster` installs it (apt-get install haproxy).', file=sys.stderr)
        return 2
    public_url = config.effective_public_url  # the proxy's address: what phones scan and type
    ports = [_free_port(config.host) for _ in range(processes)]
    children = [subprocess.Popen([sys.executable, '-m', 'app'],
                                 env={**os.environ, 'PORT': str(port), 'PUBLIC_URL': public_url})
                for port in ports]
    proxy = None
    try:
        for port in ports:
            _wait_until_serving(f'http://{config.host}:{port}/')
        config.data_dir.mkdir(parents=True, exist_ok=True)
        written = config.data_dir / 'haproxy.cfg'
        written.write_text(config_with_servers(ports))
        (config.data_dir / 'cluster.json').write_text(json.dumps(  # which process is where, for an operator
            [{'server': f'app{number}', 'port': port, 'pid': child.pid}
             for number, (port, child) in enumerate(zip(ports, children), start=1)]))
        proxy = subprocess.Popen([haproxy, '-W', '-db', '-f', str(written)],
                                 env={**os.environ, 'CLUSTER_BIND': f'{config.host}:{config.port}'})
        print(f'Samenspraak: {processes} processes behind {public_url}', flush=True)
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        return proxy.wait()
    finally:
        for child in [*children, proxy]:
            if child is not None and child.poll() is None:
                child.terminate()
        for child in [*children, proxy]:
            if child is not None:
                child.wait(timeout=30)


def _free_port(host: str) -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def _wait_until_serving(url: str) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f'{url} did not start in {START_SECONDS} s')
