"""The quick ladder benchmark against a real server: 20 simulated phones place 8 cards each ("nu" and "gewenst")
while a simulated screen watches. Only safety is asserted; the timings and message sizes are printed."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]


def test_quick_ladder_bench_loses_no_placement_and_drops_no_socket(tmp_path):
    output = tmp_path / 'ladder_results.json'
    subprocess.run([sys.executable, 'bench/ladder_bench.py', '--quick', '--output', str(output)], cwd=ROOT,
                   check=True, timeout=170)
    row = json.loads(output.read_text())['results'][0]
    print(json.dumps(row, indent=2))
    assert row['placements_acknowledged'] > 0
    assert row['lost_actions'] == 0
    assert row['dropped_sockets'] == 0
