import time

from app.throttle import Throttle


def test_blocks_at_the_limit_and_forgets_after_the_window():
    throttle = Throttle(limit=2, window_seconds=0.2)
    assert not throttle.blocked('a')
    throttle.record('a')
    throttle.record('a')
    assert throttle.blocked('a')
    assert not throttle.blocked('b')
    time.sleep(0.25)
    assert not throttle.blocked('a')
