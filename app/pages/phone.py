"""The participant's phone: join with one tap, then follow the facilitator step by step.

Everything is rebuilt from the database on each load, so a reload, a locked screen or a server restart
brings the same participant back to the same step with their answers."""
from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from fastapi.responses import RedirectResponse
from nicegui import app, run, ui

from .. import feedback, late_taps, table_hosts
from .. import workshop as workshops
from ..config import settings
from ..hub import Update, hub
from ..i18n import Translator
from ..models import Participant, Step
from ..steps import kind_of
from ..steps.base import DomainError
from ..steps.kind import COLLECTS_IDEAS
from ..steps.shapes import Asks
from ..steps.viewbase import PhoneContext
from ..text import TextError
from ..throttle import Throttle
from ..widgets.status_line import StatusLine
from ..widgets.tap import TapButton
from ..widgets.text_field import TextField
from . import accessibility
from .frame import frame, language_switch, page_title, translator

ACTIONS = Throttle(limit=10, window_seconds=2)  # per participant: far above any person's tapping speed


async def send_for(tr: Translator, status: StatusLine, participant_id: int, saved: str,
                   store: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any] | None:
    """Store one action of a participant (from their phone, or a table host's page), throttled per participant; the
    status line says `saved` only after the commit, or why it was refused. Gives the participant's answers."""
    if ACTIONS.blocked(participant_id):  # a page firing away must not slow the room down
        status.set_text(tr('error.too_fast'))
        return None
    ACTIONS.record(participant_id)
    try:
        mine = await run.io_bound(store, *args)
    except (DomainError, TextError) as error:
        status.set_text(tr(error.key, **error.args_))
        return None
    status.set_text(tr(saved))
    return mine


@ui.page('/w/{join_token}', reconnect_timeout=settings().phone_reconnect_seconds)
async def phone_page(join_token: str, tafel: str = '') -> RedirectResponse | None:
    tr = translator()
    frame(tr, kind='phone')
    workshop = await run.io_bound(workshops.find, join_token=join_token)
    if workshop is None:
        page_title(tr, 'phone.not_found')
        return None
    browser_key = app.storage.browser['id']
    state = await run.io_bound(workshops.state, workshop.id)
    participant = await run.io_bound(workshops.participant, workshop.id, browser_key)
    if workshop.status == 'ended' and participant is not None:  # afterwards, the old link shows what came of it
        return RedirectResponse(f'/r/{await run.io_bound(feedback.results_token, workshop.id)}', status_code=303)
    tables = await run.io_bound(table_hosts.tables_of, workshop.id) if participant is None else []
    # joined through a table's own QR code (its host shows it): that table is chosen already
    await PhonePage(tr, state, participant, browser_key, tables, tafel if tafel in tables else '').build()
    return None


def step_signature(state: workshops.State, asks: Asks | None) -> tuple[Any, ...]:
    """What a step view shows (on a phone, and on a table host's page): when it changes, the view is rebuilt. What
    the step asks about is part of it (the facilitator may type, hide or merge cards live), but not where residents
    write their own cards: a rebuild would lose what they are typing."""
    step = state.current
    asked = step and not kind_of(step.kind).has(COLLECTS_IDEAS) and asks
    return (state.workshop.status, state.workshop.joining_locked, step and step.id, step and step.locked,
            step and step.title, step and step.body, step and str(step.settings), asked)


def late_tap_message(step: Step | None) -> str:
    """What a tap on a step view rebuilt meanwhile is told: it was not stored, and why."""
    return 'error.step_locked' if step is not None and step.locked else 'error.tap_too_late'


class PhonePage:
    def __init__(self, tr: Translator, state: workshops.State, participant: Participant | None,
                 browser_key: str, tables: list[str], table: str = '') -> None:
        self.tr = tr
        self.tables, self.table = tables, table  # to choose from when joining: the tables of the workshop's hosts
        self.state = state
        self.participant = participant
        self.browser_key = browser_key
        self.shown: tuple[Any, ...] = ()
        self.in_order = asyncio.Lock()

    async def build(self) -> None:
        tr = self.tr
        with ui.column().classes('page-column phone-column'):
            with ui.row().classes('w-full items-center justify-between'):
                ui.label(self.state.workshop.title).classes('workshop-title')
                language_switch(tr)
            self.status = StatusLine(kept=tr('connection.tap_kept'), lost=tr('connection.tap_lost'))
            self.body = ui.column().classes('w-full gap-3')
            accessibility.link()
        hub.subscribe(self.state.workshop.id, self.on_update, state_only=True)
        late_taps.on_late_tap(ui.context.client, self.late_tap)
        await self.show(self.state, None)

    def screen_signature(self, state: workshops.State, asks: Asks | None) -> tuple[Any, ...]:
        return (self.participant is not None, *step_signature(state, asks))

    async def show(self, state: workshops.State, asks: Asks | None, mine: dict[str, Any] | None = None) -> None:
        async with self.in_order:  # updates wait for each other: an older one must not finish last
            await self._show(state, asks, mine)

    async def _show(self, state: workshops.State, asks: Asks | None, mine: dict[str, Any] | None) -> None:
        self.state = state
        step = state.current
        if asks is None and step is not None and self.participant is not None:
            asks = await run.io_bound(workshops.asks, step.id)
        signature = self.screen_signature(state, asks)
        if signature == self.shown:
            return
        step_changed = not self.shown or self.shown[3] != signature[3]
        lock_changed = bool(self.shown) and not step_changed and self.shown[4] != signature[4]
        self.shown = signature
        if self.participant is None:
            self.body.clear()
            with self.body:
                self.join_form()
            return
        if mine is None:  # not handed over by the hub: read our own
            mine = await run.io_bound(workshops.mine, self.participant.id, step.id) if step is not None else {}
        if mine is None:  # run.io_bound gives None while the server shuts down
            return
        self.body.clear()
        with self.body:
            self.step_view(asks or Asks(), mine)
        if step_changed and step is not None:  # the status line is a polite live region: screen readers hear it
            self.status.set_text(self.tr('phone.now_at', title=step.title))
        elif lock_changed:
            self.status.set_text(self.tr('phone.step_locked' if step.locked else 'phone.step_reopened'))

    def join_form(self) -> None:
        tr, workshop = self.tr, self.state.workshop
        ui.label(workshop.question or workshop.title).classes('question').props('role=heading aria-level=1')
        if workshop.status == 'ended':
            ui.label(tr('phone.workshop_ended'))
            return
        if workshop.status == 'draft':
            ui.label(tr('phone.not_open_yet')).props('data-testid=not-open')
        elif workshop.joining_locked:
            ui.label(tr('phone.joining_closed'))
            return
        ui.label(tr('phone.privacy')).classes('hint')
        nickname = TextField(tr('phone.nickname'), max_length=workshops.NICKNAME_MAX_LENGTH, testid='nickname') \
            .classes('w-full')
        perspective = ui.select({'': tr('perspective.none'), **{name: name for name in workshop.perspectives}},
                                value='', label=tr('phone.perspective')) \
            .props('outlined data-testid=join-perspective').classes('w-full')
        table = ui.select({'': tr('phone.no_table'), **{name: name for name in self.tables}}, value=self.table,
                          label=tr('phone.table')).props('outlined data-testid=join-table').classes('w-full') \
            if self.tables else None

        async def join() -> None:
            try:
                self.participant = await run.io_bound(workshops.join, workshop.id, self.browser_key,
                                                      nickname=nickname.value or '', perspective=perspective.value or '',
                                                      table=(table.value or '') if table is not None else '')
            except (DomainError, TextError) as error:
                self.status.set_text(tr(error.key, **error.args_))
                return
            self.status.set_text(tr('phone.joined'))
            await self.show(self.state, None)

        TapButton(tr('phone.join'), join, testid='join').classes('big-button')

    def step_view(self, asks: Asks, mine: dict[str, Any]) -> None:
        tr, workshop, step = self.tr, self.state.workshop, self.state.current
        if workshop.status == 'ended':
            ui.label(tr('phone.workshop_ended')).classes('question')
            return
        if step is None:
            return
        ui.label(step.title).classes('step-title').props('role=heading aria-level=1 data-testid=step-title')
        if step.body:
            ui.label(step.body).classes('step-body')
        if step.locked:
            ui.label(tr('phone.step_locked')).classes('locked-note').props('data-testid=locked')
            return
        kind_of(step.kind).view_module().phone(PhoneContext(tr=tr, step=step, workshop=workshop, mine=mine, asks=asks,
                                                            send=self.send))

    async def send(self, action: dict[str, Any]) -> dict[str, Any] | None:
        return await send_for(self.tr, self.status, self.participant.id, 'phone.saved',
                              workshops.act, self.participant.id, self.state.current.id, action)

    def late_tap(self) -> None:
        """A tap on a view rebuilt meanwhile (it was kept while the connection was lost): it was not stored."""
        self.status.set_text(self.tr(late_tap_message(self.state.current)))

    async def on_update(self, update: Update) -> None:
        await self.show(update.state, update.asks, update.mine.get(self.participant.id) if self.participant else None)
