"""One NiceGUI page at protocol level, as a browser tab would hold it.

GET the page with its own cookie jar, read the client id and the element tree from the HTML, connect the
socket, keep the tree current from 'update' messages, and click or type into elements found by their
`data-testid` marker — never by position."""
from __future__ import annotations

import asyncio
import json
import re
import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import socketio

SOCKET_PATH = '/_nicegui_ws/socket.io'
ACK_SECONDS = 3  # what the browser does: tell the server which messages arrived, so it can forget them
CLIENT_ID = re.compile(r"'client_id': '([0-9a-f-]+)'")
ELEMENTS = re.compile(r'parseElements\(String\.raw`(.*?)`\)', re.S)
UNESCAPE = (('&#36;', '$'), ('&#96;', '`'), ('&gt;', '>'), ('&lt;', '<'), ('&amp;', '&'))  # as nicegui.js does


class Page:
    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http  # its cookie jar is the browser's identity (a participant is found by it)
        self.client_id = ''
        self.elements: dict[str, dict[str, Any]] = {}
        self.opened: list[str] = []  # paths the server told this tab to navigate to
        self.dropped = False  # the socket went away without us closing it
        self.drop_reason = ''
        self.updates = 0  # 'update' messages received
        self._socket: socketio.AsyncClient | None = None
        self._closing = False
        self._next_message_id = 0
        self._acked_message_id = -1
        self._changed = asyncio.Event()
        self._ack_task: asyncio.Task | None = None
        self.on_update: Callable[[dict[str, Any]], None] | None = None  # called with each update, after applying it

    async def open(self, url: str) -> None:
        """Load the page and connect its socket; returns when the server has accepted the handshake."""
        response = await self.http.get(url)
        response.raise_for_status()
        page = response.text
        self.client_id = CLIENT_ID.search(page).group(1)
        raw = ELEMENTS.search(page).group(1)
        for entity, character in UNESCAPE:
            raw = raw.replace(entity, character)
        self.elements = json.loads(raw)
        self._next_message_id = 0
        self._acked_message_id = -1
        self._closing = False
        self.dropped = False
        self._socket = socketio.AsyncClient(reconnection=False)
        self._socket.on('*', self._receive)
        self._socket.on('disconnect', self._disconnected)
        base = f'{response.url.scheme}://{response.url.netloc.decode()}'
        query = {'client_id': self.client_id, 'next_message_id': 0, 'implicit_handshake': 'true',
                 'document_id': str(uuid.uuid4()), 'tab_id': str(uuid.uuid4())}
        await self._socket.connect(f'{base}?{httpx.QueryParams(query)}', socketio_path=SOCKET_PATH,
                                   transports=['websocket'], wait_timeout=30)
        self._ack_task = asyncio.create_task(self._ack_loop())

    async def close(self) -> None:
        self._closing = True
        if self._ack_task is not None:
            self._ack_task.cancel()
        if self._socket is not None:
            await self._socket.disconnect()

    # --- reading the tree -------------------------------------------------------------------------------------

    def find(self, testid: str, *, inside: str | None = None) -> list[str]:
        """Ids of the elements marked `data-testid=testid` (in document order), optionally below element `inside`."""
        if inside is None:
            ids = sorted(self.elements, key=int)
        else:
            ids = self.descendants(inside)
        return [id_ for id_ in ids if (self.elements[id_].get('props') or {}).get('data-testid') == testid]

    def first(self, testid: str) -> str | None:
        found = self.find(testid)
        return found[0] if found else None

    def options(self, testid: str) -> list[tuple[str, Any]]:
        """(group id, value) of each option of the tap-button groups marked `testid` (app/widgets/choices.js
        draws a group's buttons in the browser from one element)."""
        return [(id_, option['value']) for id_ in sorted(self.elements, key=int)
                if (props := self.elements[id_].get('props') or {}).get('testid') == testid
                for option in props.get('options', [])]

    def descendants(self, element_id: str) -> list[str]:
        result, todo = [], [element_id]
        while todo:
            current = todo.pop(0)
            for child in self.elements.get(current, {}).get('children', []):
                if str(child) in self.elements:
                    result.append(str(child))
                    todo.append(str(child))
        return result

    def text(self, element_id: str | None) -> str:
        element = self.elements.get(element_id or '', {})
        return element.get('text') or (element.get('props') or {}).get('label') or ''

    def props(self, element_id: str) -> dict[str, Any]:
        return self.elements.get(element_id, {}).get('props') or {}

    async def wait_for(self, condition: Callable[[], Any], timeout: float | None = 30) -> Any:
        """Wait until `condition()` is truthy after some update; returns its value.
        Raises TimeoutError after `timeout` seconds (None: never) and ConnectionError when the socket drops."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while not (result := condition()):
            if self.dropped:
                raise ConnectionError('the socket was dropped')
            changed = self._changed
            await asyncio.wait_for(changed.wait(), None if deadline is None else max(deadline - time.monotonic(), 0))
        return result

    # --- acting -----------------------------------------------------------------------------------------------

    async def click(self, element_id: str) -> None:
        await self._emit_event(element_id, 'click', [])

    async def pick(self, option: tuple[str, Any]) -> None:
        """Tap one option found by `options`, as choices.js reports it."""
        group, value = option
        await self.emit(group, 'pick', value)

    async def emit(self, element_id: str, event_type: str, *args: Any) -> None:
        """What a component drawn in the browser sends (e.g. dot_cards.js: change, card id, add)."""
        await self._emit_event(element_id, event_type, [json.dumps(arg) for arg in args])

    async def type(self, element_id: str, text: str) -> None:
        """What the browser sends while a resident types into a ui.input or ui.textarea."""
        await self._emit_event(element_id, 'update:value', [json.dumps(text)])

    async def _emit_event(self, element_id: str, event_type: str, args: list[str]) -> None:
        listener = next(event['listener_id'] for event in self.elements[element_id].get('events', [])
                        if event['type'] == event_type)
        await self._socket.emit('event', {'id': int(element_id), 'client_id': self.client_id,
                                          'listener_id': listener, 'args': args})

    # --- the socket -------------------------------------------------------------------------------------------

    async def _receive(self, event: str, message: Any = None) -> None:
        if isinstance(message, dict) and '_id' in message:
            if message['_id'] < self._next_message_id:
                return  # a message replayed after a reconnect that we already have
            self._next_message_id = message.pop('_id') + 1
        if event == 'update':
            self.updates += 1
            for element_id, element in message.items():
                if element is None:
                    self.elements.pop(element_id, None)
                else:
                    self.elements[element_id] = element
            if self.on_update is not None:
                self.on_update(message)
        elif event == 'open':
            self.opened.append(message['path'])
        changed, self._changed = self._changed, asyncio.Event()
        changed.set()

    async def _disconnected(self, reason: Any = '') -> None:
        self.dropped = not self._closing
        self.drop_reason = str(reason)
        changed, self._changed = self._changed, asyncio.Event()
        changed.set()

    async def _ack_loop(self) -> None:
        while True:
            await asyncio.sleep(ACK_SECONDS)
            if self._acked_message_id < self._next_message_id and self._socket.connected:
                await self._socket.emit('ack', {'client_id': self.client_id, 'next_message_id': self._next_message_id})
                self._acked_message_id = self._next_message_id
