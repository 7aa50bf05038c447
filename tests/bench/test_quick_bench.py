"""The quick benchmark against a real server: 20 simulated phones join, write cards, vote on a scale and give
dots while a simulated screen and console follow. Only safety is asserted; the timings are printed, since a
shared 2-core CI machine makes them too noisy to gate on (docs/performance.md has the targets)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]


def test_quick_bench_loses_no_action_and_drops_no_socket(tmp_path):
    output = tmp_path / 'results.json'
    subprocess.run([sys.executable, 'bench/run.py', '--quick', '--output', str(output)], cwd=ROOT, check=True,
                   timeout=110)
    row = json.loads(output.read_text())['results'][0]
    print(json.dumps(row, indent=2))
    assert row['acknowledged_actions'] > 0
    assert row['vote_to_screen_p95_ms'] is not None and row['step_change_p95_ms'] is not None
    assert row['storm_settle_ms'] is not None
    assert row['lost_actions'] == 0
    assert row['dropped_sockets'] == 0
