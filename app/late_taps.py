"""A tap that arrives for an element the page no longer has is answered, not dropped (NiceGUI 3.18).

A phone without connection keeps its taps (socket.io buffers them) and sends them when it is back. If the step
was closed or changed meanwhile, the view the tap was made in has been rebuilt, and NiceGUI drops an event for an
element it no longer knows without a word. The browser marks taps (`tap: true`, assets/reconnect.js); such a tap
on a gone element goes to the page's `late_tap` handler, which tells the resident it was not stored."""
from __future__ import annotations

from collections.abc import Callable

from nicegui import Client

_handle = Client.handle_event


def install() -> None:
    Client.handle_event = _handle_event


def on_late_tap(client: Client, handler: Callable[[], None]) -> None:
    client.late_tap = handler  # type: ignore[attr-defined]


def _handle_event(client: Client, msg: dict) -> None:
    handler = getattr(client, 'late_tap', None)
    if msg.get('tap') is True and msg.get('id') not in client.elements and handler is not None:
        with client:
            handler()
        return
    _handle(client, msg)
