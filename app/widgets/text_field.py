"""A text field whose length limit is the server's, shown as a live counter in characters.

No `maxlength`: the browser would cut a pasted text silently, and it counts UTF-16 units, so text outside the
Basic Multilingual Plane (many emoji, some scripts) would be cut at half the length. Text that is too long stays
in the field, the counter says so, and sending it gets the server's "te lang" message. Drawn by text_field.js."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nicegui import ui


class TextField(ui.input, component='text_field.js'):
    def __init__(self, label: str, *, max_length: int, testid: str, multiline: bool = False, value: str = '',
                 on_change: Callable[..., Any] | None = None) -> None:
        super().__init__(label, value=value, on_change=on_change)
        self._props.update({'max-chars': max_length, 'data-testid': testid, 'outlined': True, 'dir': 'auto'})
        if multiline:
            self._props.update({'type': 'textarea', 'autogrow': True})
