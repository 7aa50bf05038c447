"""A plain HTML button for the phone's step views.

A step change rebuilds the step view of every phone in the room, so its elements are built hundreds of times
at once: a native <button> costs the server a fraction of Quasar's q-btn (which resolves seven mixins' defaults
and parses its props on every build), and old phones draw it without Quasar's ripple. It is a real button:
focusable, Enter and Space press it, `aria-pressed` marks a chosen option (styled in samenspraak.css)."""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from nicegui.elements.mixins.text_element import TextElement


class TapButton(TextElement):
    def __init__(self, text: str, on_click: Callable[[], Awaitable[None] | None], *, testid: str,
                 style: str = 'filled', **attributes: Any) -> None:
        """`style`: filled, outline or choice (an option that `pressed` marks); `attributes`: extra HTML
        attributes, e.g. aria_label='…' becomes aria-label."""
        super().__init__(tag='button', text=text)
        self._props.update({'type': 'button', 'data-testid': testid,
                            **{name.replace('_', '-'): value for name, value in attributes.items()}})
        self._classes.extend(['tap-button', f'tap-{style}'])
        self.on('click', on_click, [])

    def pressed(self, chosen: bool) -> None:
        self.props['aria-pressed'] = 'true' if chosen else 'false'
