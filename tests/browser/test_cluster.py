"""Three processes behind HAProxy on one PostgreSQL: phones, the screen and the console of one workshop spread over
them see every change live, and a process killed mid-vote loses nothing — its phones come back through the proxy
on another process as the same participants with their answers, every confirmed vote is stored once, nothing
unconfirmed appears, and the screen's totals equal the database."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import httpx
import pytest
from playwright.sync_api import expect
from sqlalchemy import create_engine, text

from .conftest import DESKTOP, FACILITATOR, PASSWORD, PHONE, ROOT, free_port
from .helpers import bar_count, by_testid, expect_saved, go_next, new_workshop

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not os.environ.get('TEST_DATABASE_URL'),
                                 reason='TEST_DATABASE_URL is not set (.ci/run sets it)')]
PROCESSES = 3
PHONES = 6
SCALE = 'Hoe gaat het nu?'
BACK_WITHIN = 10  # seconds


@pytest.fixture
def cluster(tmp_path, empty_postgresql):
    port = free_port()
    url = f'http://127.0.0.1:{port}'
    env = {**os.environ, 'HOST': '127.0.0.1', 'PORT': str(port), 'PUBLIC_URL': url, 'DATA_DIR': str(tmp_path),
           'DATABASE_URL': empty_postgresql}
    env.pop('PYTEST_CURRENT_TEST', None)
    log = (tmp_path / 'cluster.log').open('ab')
    launcher = subprocess.Popen([sys.executable, '-m', 'app', 'cluster', '--processes', str(PROCESSES)], cwd=ROOT,
                                env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while not serving(url):
        assert launcher.poll() is None and time.monotonic() < deadline, f'the cluster did not start: {log.name}'
        time.sleep(0.3)
    subprocess.run([sys.executable, '-m', 'app', 'facilitator', 'add', FACILITATOR], cwd=ROOT, env=env,
                   input=PASSWORD + '\n', text=True, check=True, capture_output=True)
    processes = json.loads((tmp_path / 'cluster.json').read_text())
    yield type('Cluster', (), {'url': url, 'processes': processes, 'database': empty_postgresql})
    launcher.terminate()
    launcher.wait(timeout=60)


def serving(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def process_of(page) -> str:
    """The app process the proxy pinned this browser to (its sticky cookie)."""
    return next(cookie['value'] for cookie in page.context.cookies() if cookie['name'] == 'SRV')


def stored_votes(database: str, step_title: str) -> dict[str, int]:
    engine = create_engine(database.replace('postgresql://', 'postgresql+psycopg://', 1))
    with engine.connect() as connection:
        rows = connection.execute(text('''select participant.nickname, answer.value from answer
                                          join step on step.id = answer.step_id
                                          join participant on participant.id = answer.participant_id
                                          where step.title = :title'''), {'title': step_title}).all()
        participants = connection.execute(text('select count(*) from participant')).scalar_one()
    engine.dispose()
    assert participants == PHONES  # nobody came back as somebody new
    return {nickname: value for nickname, value in rows}


def test_a_process_killed_mid_vote_loses_nothing(cluster, browser):
    console = browser.new_context(**DESKTOP).new_page()
    new_workshop(console, cluster)
    screen = browser.new_context(**DESKTOP).new_page()
    screen.goto(cluster.url + by_testid(console, 'screen-link').get_attribute('href'))
    join_url = by_testid(console, 'join-address').inner_text()
    phones = []
    for number in range(PHONES):
        phone = browser.new_context(**PHONE).new_page()
        phone.goto(join_url)
        by_testid(phone, 'nickname').fill(f'telefoon-{number}')
        by_testid(phone, 'join').click()
        phones.append(phone)
    assert len({process_of(page) for page in phones}) == PROCESSES  # the proxy spread the room over every process
    for title in ('Wie bent u hier?', 'Wat is het probleem volgens u?', SCALE):
        go_next(console, *phones, title=title)  # the console's changes reach phones on every process
    by_testid(console, 'reveal').click()

    confirmed: dict[str, int] = {}

    def vote(number: int, value: int) -> None:
        by_testid(phones[number], 'scale-value').get_by_text(str(value), exact=True).click()
        expect_saved(phones[number])
        confirmed[f'telefoon-{number}'] = value

    for number in range(PHONES // 2):
        vote(number, 1 + number % 5)
    victim = process_of(phones[0])
    on_victim = [number for number, page in enumerate(phones) if process_of(page) == victim]
    for number in on_victim:
        phones[number].evaluate('window.beforeKill = true')  # gone once the page is loaded again
    os.kill(next(process['pid'] for process in cluster.processes if process['server'] == victim), signal.SIGKILL)
    killed_at = time.monotonic()
    for number in on_victim:  # back on another process, as the same participant, with the answer given before
        phones[number].wait_for_function('!window.beforeKill', timeout=BACK_WITHIN * 1000)
        expect(by_testid(phones[number], 'step-title')).to_have_text(SCALE, timeout=BACK_WITHIN * 1000)
        if f'telefoon-{number}' in confirmed:
            expect(phones[number].locator('[data-testid=scale-value][aria-pressed=true]')) \
                .to_have_text(f"✓ {confirmed[f'telefoon-{number}']}", timeout=BACK_WITHIN * 1000)
    assert time.monotonic() - killed_at <= BACK_WITHIN
    assert all(process_of(phones[number]) != victim for number in on_victim)

    for number in range(PHONES // 2, PHONES):
        vote(number, 1 + number % 5)
    assert stored_votes(cluster.database, SCALE) == confirmed  # each confirmed vote once, nothing unconfirmed
    for value in range(1, 6):
        expect(bar_count(screen, str(value))).to_have_text(str(list(confirmed.values()).count(value)),
                                                           timeout=BACK_WITHIN * 1000)
