"""The page's status line: a polite live region that says each message afresh, also the same one twice.

A repeated refusal or a second "Opgeslagen" is news to the resident, but a label set to the text it already has
sends nothing to the browser, so nothing was shown or announced. Here every message is a new node (status_line.js):
screen readers announce the addition and the eye sees it arrive (samenspraak.css).

The browser itself says `kept` when a tap is made without connection (assets/reconnect.js): the tap is sent when
the connection is back, and the server's answer then replaces it; and `lost` on a page that replaced one whose kept
taps could not be sent (the server restarted meanwhile)."""
from __future__ import annotations

from nicegui.elements.mixins.text_element import TextElement


class StatusLine(TextElement, component='status_line.js', default_classes='status-line'):
    def __init__(self, *, testid: str = 'status', kept: str = '', lost: str = '') -> None:
        super().__init__(text='')
        self._props.update({'serial': 0, 'kept': kept, 'lost': lost, 'data-testid': testid})

    def set_text(self, text: str) -> None:
        self._props['serial'] += 1
        super().set_text(text)
