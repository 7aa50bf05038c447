"""A table host's page (/t/<token>), phone-sized: the current step, the residents at their table who answer on
paper, and for the one chosen the step kind's own phone view, whose answers are stored for that resident
(app/paper.py). What a kind cannot take on paper, the page says instead.

Everything is rebuilt from the database on each load; the resident chosen is in the address (?voor=<id>), so a
reload comes back to them."""
from __future__ import annotations

import asyncio
from typing import Any

from fastapi import Request
from nicegui import run, ui

from .. import late_taps, paper, table_hosts
from .. import workshop as workshops
from ..config import settings
from ..hub import Update, hub
from ..i18n import Translator
from ..models import Helper, Participant
from ..steps import kind_of
from ..steps.base import DomainError
from ..steps.shapes import Asks
from ..steps.viewbase import PhoneContext
from ..text import TextError
from ..widgets.qr import qr_image
from ..widgets.status_line import StatusLine
from ..widgets.tap import TapButton
from ..widgets.text_field import TextField
from . import accessibility
from .frame import frame, language_switch, page_title, translator
from .login import address_of
from .phone import late_tap_message, send_for, step_signature


@ui.page('/t/{token}', reconnect_timeout=settings().phone_reconnect_seconds)
async def helper_page(token: str, request: Request, voor: int = 0) -> None:
    tr = translator(residents=False)  # a table host's page: in the full languages, like the console
    frame(tr, kind='phone')
    try:
        helper = await run.io_bound(table_hosts.find, token, address_of(request))
    except DomainError as error:
        page_title(tr, error.key)
        return
    if helper is None:
        page_title(tr, 'paper.not_found')
        return
    state = await run.io_bound(workshops.state, helper.workshop_id)
    await HelperPage(tr, state, helper, token).build(voor)


def name_of(person: Participant) -> str:
    return person.nickname or person.pseudonym


class HelperPage:
    def __init__(self, tr: Translator, state: workshops.State, helper: Helper, token: str) -> None:
        self.tr, self.state, self.helper, self.token = tr, state, helper, token
        self.chosen: Participant | None = None
        self.shown: tuple[Any, ...] = ()
        self.in_order = asyncio.Lock()

    async def build(self, chosen_id: int) -> None:
        tr, workshop = self.tr, self.state.workshop
        with ui.column().classes('page-column phone-column'):
            with ui.row().classes('w-full items-center justify-between no-wrap'):
                ui.label(workshop.title).classes('workshop-title')
                language_switch(tr, residents=False)
            ui.label(tr('paper.title', table=self.helper.table_name)).classes('page-title') \
                .props('role=heading aria-level=1')
            ui.label(tr('paper.hello', name=self.helper.name)).classes('hint')
            self.status = StatusLine()
            self.step = ui.column().classes('w-full gap-3').props('data-testid=helper-step')
            ui.label(tr('paper.residents')).classes('section-title').props('role=heading aria-level=2')
            self.residents = ui.column().classes('w-full gap-2').props('data-testid=residents')
            self.add_form()
            self.phones_at_table()
            accessibility.link()
        if chosen_id:
            try:
                self.chosen = await run.io_bound(paper.resident, self.helper.id, chosen_id)
            except DomainError as error:
                self.status.set_text(tr(error.key, **error.args_))
        hub.subscribe(workshop.id, self.on_update, state_only=True)
        late_taps.on_late_tap(ui.context.client, self.late_tap)
        await self.show(self.state, None, rebuild=True)

    def add_form(self) -> None:
        tr, workshop = self.tr, self.state.workshop
        with ui.column().classes('w-full gap-2'):
            nickname = TextField(tr('paper.nickname'), max_length=workshops.NICKNAME_MAX_LENGTH,
                                 testid='paper-nickname').classes('w-full')
            perspective = ui.select({'': tr('perspective.none'), **{name: name for name in workshop.perspectives}},
                                    value='', label=tr('paper.perspective')) \
                .props('outlined data-testid=paper-perspective').classes('w-full')

            async def add() -> None:
                added = await self.add_resident(nickname=nickname.value or '', perspective=perspective.value or '')
                if added:
                    nickname.value, perspective.value = '', ''
            TapButton(tr('paper.add'), add, testid='add-resident', style='outline')

    def phones_at_table(self) -> None:
        """A resident at this table with a phone scans the table's own code: they join at this table."""
        tr, table = self.tr, self.helper.table_name
        ui.label(tr('paper.phones_heading')).classes('section-title').props('role=heading aria-level=2')
        ui.label(tr('paper.phones_hint', table=table)).classes('hint')
        qr_image(workshops.join_address(self.state.workshop.join_token, table), tr('paper.phones_qr_alt', table=table)) \
            .classes('helper-qr')

    async def add_resident(self, **fields: str) -> bool:
        try:
            added = await run.io_bound(paper.add_resident, self.helper.id, **fields)
        except (DomainError, TextError) as error:
            self.status.set_text(self.tr(error.key, **error.args_))
            return False
        self.status.set_text(self.tr('paper.added', name=name_of(added)))
        await self.choose(added)
        return True

    async def show(self, state: workshops.State, asks: Asks | None, *, rebuild: bool = False) -> None:
        async with self.in_order:  # updates wait for each other: an older one must not finish last
            await self._show(state, asks, rebuild)

    async def _show(self, state: workshops.State, asks: Asks | None, rebuild: bool) -> None:
        self.state = state
        step = state.current
        if asks is None and step is not None:
            asks = await run.io_bound(workshops.asks, step.id)
        signature = step_signature(state, asks)
        if signature == self.shown and not rebuild:
            return
        self.shown = signature
        people = await run.io_bound(paper.residents, self.helper.id)
        mine = await run.io_bound(workshops.mine, self.chosen.id, step.id) \
            if self.chosen is not None and step is not None else {}
        if people is None or mine is None:  # run.io_bound gives None while the server shuts down
            return
        self.residents.clear()
        with self.residents:
            self.resident_list(people)
        self.step.clear()
        with self.step:
            self.step_view(asks or Asks(), mine)

    async def choose(self, person: Participant | None) -> None:
        """Enter answers for `person` from now on; the address says who, so a reload comes back to them."""
        self.chosen = person
        ui.navigate.history.replace(f'/t/{self.token}' + (f'?voor={person.id}' if person else ''))
        await self.show(self.state, None, rebuild=True)

    def resident_list(self, people: list[Participant]) -> None:
        tr = self.tr
        if not people:
            ui.label(tr('paper.none_yet')).classes('hint')
        for person in people:
            TapButton(tr('paper.choose', name=name_of(person)), lambda person=person: self.choose(person),
                      testid='resident', style='choice', data_participant=str(person.id)) \
                .pressed(self.chosen is not None and self.chosen.id == person.id)

    def step_view(self, asks: Asks, mine: dict[str, Any]) -> None:
        tr, workshop, step = self.tr, self.state.workshop, self.state.current
        if workshop.status == 'ended':
            ui.label(tr('phone.workshop_ended')).classes('question')
            return
        if step is None or workshop.status != 'open':
            ui.label(tr('paper.no_step')).classes('question')
            return
        ui.label(step.title).classes('step-title').props('role=heading aria-level=2 data-testid=step-title')
        if step.body:
            ui.label(step.body).classes('step-body')
        kind = kind_of(step.kind)
        if step.locked:
            ui.label(tr('paper.step_locked')).classes('locked-note').props('data-testid=locked')
            return
        if not kind.paper_entry.answers:
            ui.label(tr(kind.paper_entry.why_not)).classes('hint').props('data-testid=not-on-paper')
            return
        if kind.paper_entry.stack:
            TapButton(tr('paper.new_form'), self.add_resident, testid='new-form', style='outline')
        if self.chosen is None:
            return
        name = name_of(self.chosen)
        ui.label(tr('paper.answers_of', name=name)).classes('section-title') \
            .props('role=heading aria-level=3 data-testid=answering')
        kind.view_module().phone(PhoneContext(tr=tr, step=step, workshop=workshop, mine=mine, asks=asks,
                                              send=self.send))
        TapButton(tr('paper.remove', name=name), self.remove, testid='remove-answers', style='outline')

    async def send(self, action: dict[str, Any]) -> dict[str, Any] | None:
        return await send_for(self.tr, self.status, self.chosen.id, 'paper.saved',
                              paper.act_for, self.helper.id, self.chosen.id, self.state.current.id, action)

    async def remove(self) -> None:
        try:
            await run.io_bound(paper.remove, self.helper.id, self.chosen.id, self.state.current.id)
        except DomainError as error:
            self.status.set_text(self.tr(error.key, **error.args_))
            return
        self.status.set_text(self.tr('paper.removed'))
        people = await run.io_bound(paper.residents, self.helper.id)
        gone = people is not None and all(person.id != self.chosen.id for person in people)
        await self.choose(None if gone else self.chosen)  # an anonymous form went with its answers

    def late_tap(self) -> None:
        self.status.set_text(self.tr(late_tap_message(self.state.current)))

    async def on_update(self, update: Update) -> None:
        await self.show(update.state, update.asks)
