"""A page whose socket comes back gets the state it missed, never an older one (NiceGUI 3.18).

When a socket reconnects, NiceGUI replays the messages the page has not acknowledged (`Outbox.try_rewind`), but
its send loop sends the updates that waited meanwhile *before* that replay. A phone that lost the step change
made just before its Wi-Fi dropped, and missed the next one while away, was shown the new step and then the
older replayed one on top of it — until the facilitator changed something again.

So every element a replayed update touches is sent again as it is now, in one update together with what waited:
the page gets current state whatever the order. The browser half is `assets/reconnect.js`."""
from __future__ import annotations

from collections import deque

from nicegui.dependencies import js_components
from nicegui.outbox import Outbox, deleted

_replay = Outbox.try_rewind


def install() -> None:
    Outbox.try_rewind = _rewind_to_current_state


def _rewind_to_current_state(outbox: Outbox, target_message_id: int) -> None:
    _replay(outbox, target_message_id)
    elements = outbox.client.elements
    others: deque = deque()
    for message in outbox.messages:
        _, message_type, data = message
        if message_type == 'update':
            for element_id in data.keys() - {'_id'}:
                if element_id not in outbox.updates:  # a waiting update already holds the current state
                    outbox.updates[element_id] = elements.get(element_id, deleted)
        elif message_type == 'load_js_components':  # un-marked, so the send loop loads them before the update
            outbox._loaded_components -= {js_components[component['key']].name for component in data['components']
                                          if component['key'] in js_components}
        else:
            others.append(message)
    outbox.messages = others
