"""Counting recent failures per key (a name, an address): one process serves every workshop, so memory will do."""
from __future__ import annotations

import time
from collections import deque


class Throttle:
    def __init__(self, limit: int, window_seconds: float) -> None:
        self.limit = limit
        self.window_seconds = window_seconds
        self._failures: dict[str, deque[float]] = {}

    def blocked(self, key: str) -> bool:
        failures = self._failures.get(key)
        if failures is None:
            return False
        while failures and failures[0] < time.monotonic() - self.window_seconds:
            failures.popleft()
        if not failures:
            del self._failures[key]  # forget quiet keys, so the table cannot grow without end
        return len(failures) >= self.limit

    def failed(self, key: str) -> None:
        self._failures.setdefault(key, deque()).append(time.monotonic())
