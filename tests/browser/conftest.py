"""A real server (subprocess) and Debian's Chromium through Playwright."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).parents[2]
CHROMIUM = '/usr/bin/chromium'
CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
                 '--disable-sync', '--no-first-run', '--disable-quic']
PHONE = {'viewport': {'width': 360, 'height': 740}, 'is_mobile': True, 'has_touch': True, 'device_scale_factor': 2}
DESKTOP = {'viewport': {'width': 1600, 'height': 900}}
expect.set_options(timeout=10_000)  # a busy 2-core CI machine is slower than a laptop
START_SECONDS = 60  # a server starts in about 3 s; on a two-core machine busy with other work it took over 30


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(('127.0.0.1', 0))
        return probe.getsockname()[1]


FACILITATOR, PASSWORD = 'Fenna', 'geheim-en-lang-genoeg'


class Server:
    """`python -m app` on its own port and data directory; can be restarted like a real deployment."""

    def __init__(self, data_dir: Path, database_url: str = '') -> None:
        self.port = free_port()
        self.url = f'http://127.0.0.1:{self.port}'
        self.env = {**os.environ, 'HOST': '127.0.0.1', 'PORT': str(self.port), 'PUBLIC_URL': self.url,
                    'DATA_DIR': str(data_dir), 'DATABASE_URL': database_url}
        self.database_url = database_url or f'sqlite:///{data_dir / "samenspraak.db"}'  # the app's default file
        self.env.pop('PYTEST_CURRENT_TEST', None)  # else NiceGUI believes it runs inside its own test harness
        self.log = (data_dir / 'server.log').open('ab')
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen([sys.executable, '-m', 'app'], cwd=ROOT, env=self.env,
                                        stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f'server stopped with {self.process.returncode}; see {self.log.name}')
            try:
                if httpx.get(self.url, timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f'server did not start in {START_SECONDS} s')

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)

    def add_facilitator(self, name: str = FACILITATOR, password: str = PASSWORD) -> None:
        subprocess.run([sys.executable, '-m', 'app', 'facilitator', 'add', name], cwd=ROOT, env=self.env,
                       input=password + '\n', text=True, check=True, capture_output=True)

    def restart(self) -> None:
        self.stop()
        self.start()


@pytest.fixture
def server(tmp_path):
    running = Server(tmp_path)
    running.start()
    running.add_facilitator()
    yield running
    running.stop()


@pytest.fixture(scope='session')
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f'{CHROMIUM} is missing: `make test` installs it (apt-get install chromium)')
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(autouse=True)
def close_pages(request):
    """Each test's pages are closed after it: left open, every earlier test's pages would stay in the one browser,
    retrying their lost connections and slowing every later test."""
    yield
    if 'browser' in request.fixturenames:
        for context in request.getfixturevalue('browser').contexts:
            context.close()
