"""Counting recent events per key (a name, an address, a participant): one process serves every workshop,
so memory will do."""
from __future__ import annotations

import time
from collections import deque
from collections.abc import Hashable


class Throttle:
    def __init__(self, limit: int, window_seconds: float) -> None:
        self.limit = limit
        self.window_seconds = window_seconds
        self._events: dict[Hashable, deque[float]] = {}

    def blocked(self, key: Hashable) -> bool:
        events = self._events.get(key)
        if events is None:
            return False
        while events and events[0] < time.monotonic() - self.window_seconds:
            events.popleft()
        if not events:
            del self._events[key]  # forget quiet keys, so the table cannot grow without end
        return len(events) >= self.limit

    def record(self, key: Hashable) -> None:
        self._events.setdefault(key, deque()).append(time.monotonic())
