import json
import os
import subprocess
import sys
from pathlib import Path

from app import table_hosts
from app import workshop as workshops

ROOT = Path(__file__).parents[2]


def test_demo_prints_links_to_a_filled_workshop_in_the_servers_database(tmp_path):
    env = {**os.environ, 'DATA_DIR': str(tmp_path), 'DATABASE_URL': '', 'PUBLIC_URL': 'http://192.0.2.1:8080'}
    printed = subprocess.run([sys.executable, '-m', 'app', 'demo', '--json'], cwd=ROOT, env=env,
                             capture_output=True, text=True, check=True).stdout
    links = json.loads(printed)
    assert {'code', 'host_url', 'screen_url', 'join_url', 'results_url', 'helper_url'} <= set(links)
    assert links['facilitator'] == 'demo' and links['password']
    assert links['join_url'].startswith('http://192.0.2.1:8080/w/')

    from app import db
    db.configure(f'sqlite:///{tmp_path / "samenspraak.db"}')
    workshop = workshops.find(code=links['code'])
    assert links['host_url'].endswith(workshop.host_token)
    assert links['results_url'] == f'http://192.0.2.1:8080/r/{workshop.results_token}'
    assert table_hosts.find(links['helper_url'].removeprefix('http://192.0.2.1:8080/t/'), 'test').table_name == 'Tafel 1'
    assert workshops.participant_count(workshop.id) >= 10
    current = workshops.state(workshop.id).current
    assert current.key == 'kiezen' and current.results_visible
    assert sum(bar.count for bar in workshops.results(current.id).votes.bars) > 0
