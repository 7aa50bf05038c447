"""A countdown to a step's timer, ticking in the browser's page once a second (screen and console only)."""
from __future__ import annotations

from datetime import datetime

from nicegui import ui

from ..i18n import Translator
from ..models import now


class Countdown:
    def __init__(self, tr: Translator) -> None:
        self._tr = tr
        self._ends_at: datetime | None = None
        self._label = ui.label().classes('countdown').props('data-testid=countdown role=timer')
        self._timer = ui.timer(1.0, self._tick, active=False)

    def set_end(self, ends_at: datetime | None) -> None:
        self._ends_at = ends_at
        self._timer.active = ends_at is not None
        self._tick()

    def _tick(self) -> None:
        if self._ends_at is None:
            self._label.set_text('')
            return
        seconds = max(int((self._ends_at - now()).total_seconds()), 0)
        if seconds == 0:
            self._label.set_text(self._tr('timer.done'))
            self._timer.active = False
            return
        self._label.set_text(f'{seconds // 60}:{seconds % 60:02d}')
