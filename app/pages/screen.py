"""The projector screen: QR code, short code and join address, participant count, the current step
and — when the facilitator reveals them — its live results, in type readable from the back of the room."""
from __future__ import annotations

import asyncio
from typing import Any

from nicegui import run, ui

from .. import workshop as workshops
from ..config import settings
from ..hub import Update, hub
from ..i18n import Translator, languages
from ..models import Step
from ..steps import kind_of
from ..steps.kind import SHOWS_RESULTS
from ..steps.viewbase import ScreenContext
from ..widgets.countdown import Countdown
from ..widgets.qr import qr_image
from .frame import frame, page_title, translator


def answered_line(tr: Translator, step: Step | None, answered: int | None, participants: int) -> str:
    """"18 van 24 hebben geantwoord" on a step with results to count; nothing on a step without."""
    if answered is None or step is None or not kind_of(step.kind).has(SHOWS_RESULTS):
        return ''
    return tr('screen.answered', answered=answered, total=participants)


def miniature(tr: Translator, screen_token: str) -> None:
    """The screen page itself, live and scaled down, for the console: what the room sees, blank screen included.
    Not in the tab order and not clickable, so the console's keys stay with the console."""
    with ui.element('div').classes('miniature'):
        ui.element('iframe').props(f'src=/s/{screen_token} title="{tr("console.miniature")}" tabindex=-1 '
                                   'loading=lazy data-testid=miniature')


@ui.page('/s/{screen_token}', reconnect_timeout=30)
async def screen_page(screen_token: str) -> None:
    tr = translator(residents=False)
    frame(tr, kind='screen')
    workshop = await run.io_bound(workshops.find, screen_token=screen_token)
    if workshop is None:
        page_title(tr, 'screen.not_found')
        return
    state = await run.io_bound(workshops.state, workshop.id)
    count = await run.io_bound(workshops.participant_count, workshop.id)
    await ScreenPage(tr, state).build(count)


class ScreenPage:
    def __init__(self, tr: Translator, state: workshops.State) -> None:
        self.tr = tr
        self.state = state
        self.shown: tuple[Any, ...] = ()
        self.update_results = None
        self.in_order = asyncio.Lock()
        self.shown_step: int | None = None
        self.blank = False

    async def build(self, participants: int) -> None:
        tr, workshop = self.tr, self.state.workshop
        with ui.element('main').classes('screen-layout'):
            with ui.element('aside').classes('join-panel').props(f'aria-label="{tr("screen.join_heading")}"'):
                address = workshops.join_address(workshop.join_token)
                qr_image(address, tr('screen.qr_alt'))
                ui.label(tr('screen.scan')).classes('join-line')
                self.languages()
                ui.label(tr('screen.or_type_code', address=settings().effective_public_url)).classes('join-line')
                ui.label(workshop.code).classes('join-code').props('data-testid=code')
                ui.label(address).classes('join-address').props('data-testid=join-address')
                self.count = ui.label().classes('participant-count').props('data-testid=participants')
            with ui.column().classes('screen-step'):
                ui.label(workshop.question or workshop.title).classes('screen-question')
                with ui.row().classes('screen-status'):
                    self.answered = ui.label().props('data-testid=answered')
                    ui.label().classes('page-count').props('data-testid=page-count')
                self.step_area = ui.column().classes('w-full gap-4 step-area')
        self.show_count(participants)
        hub.subscribe(workshop.id, self.on_update)
        await self.show(self.state, None)
        if self.state.current is not None:
            self.show_count(participants, await run.io_bound(workshops.answered, self.state.current.id))

    def languages(self) -> None:
        """The languages a phone can switch to, each named in itself (and marked so: WCAG's language of parts)."""
        ui.label(self.tr('screen.languages')).classes('join-line')
        with ui.row().classes('join-line join-languages gap-3').props('data-testid=phone-languages'):
            for language in languages():
                if language != self.tr.language:
                    other = Translator(language)
                    ui.label(other('meta.name')).props(f'lang={language} dir={other.direction}')

    def show_count(self, participants: int, answered: int | None = None) -> None:
        self.count.set_text(self.tr('screen.participants', count=participants))
        self.answered.set_text(answered_line(self.tr, self.state.current, answered, participants))

    async def show(self, state: workshops.State, results: Any) -> None:
        async with self.in_order:  # updates wait for each other: an older one must not finish last
            await self._show(state, results)

    async def _show(self, state: workshops.State, results: Any) -> None:
        self.state = state
        step = state.current
        if state.workshop.screen_blank != self.blank:  # B on the console: what is underneath comes back at once
            self.blank = state.workshop.screen_blank
            ui.query('body').classes(**{'add' if self.blank else 'remove': 'screen-blank'})
        signature = (state.workshop.status, step and (step.id, step.title, step.body, str(step.settings), step.locked,
                                                      step.results_visible, step.split_by,
                                                      step.timer_ends_at))
        rebuilt = signature != self.shown
        if rebuilt:
            if step is not None and step.id != self.shown_step:
                # past the first step most of the room has joined: the join panel makes way (Q brings it back)
                first = step.id == state.steps[0].id
                ui.query('body').classes(**{'remove' if first else 'add': 'join-small'})
                self.shown_step = step.id
            self.shown = signature
            self.step_area.clear()
            self.update_results = None
            with self.step_area:
                self.step_view()
        if self.update_results is not None and (results is not None or rebuilt):
            if results is None:
                results = await run.io_bound(workshops.results, step.id)
            if results is not None:  # None: the server is shutting down
                self.update_results(results)

    def step_view(self) -> None:
        tr, workshop, step = self.tr, self.state.workshop, self.state.current
        if workshop.status == 'ended':
            ui.label(tr('screen.ended')).classes('step-title').props('role=heading aria-level=1')
            return
        if step is None:
            return
        ui.label(step.title).classes('step-title').props('role=heading aria-level=1 data-testid=step-title')
        kind = kind_of(step.kind)
        do_now = tr(f'{kind.name}.do_now')
        if step.locked:
            ui.label(tr('screen.step_locked')).classes('locked-note')
        elif do_now != f'{kind.name}.do_now':  # what the phones should do now, in one short line
            ui.label(do_now).classes('do-now').props('data-testid=do-now')
        if step.body:
            ui.label(step.body).classes('step-body')
        Countdown(tr).set_end(step.timer_ends_at)
        if step.results_visible:
            with ui.column().classes('results w-full').props('data-testid=results'):
                self.update_results = kind.view_module().screen(ScreenContext(tr=tr, step=step, workshop=workshop))
        elif kind.has(SHOWS_RESULTS):
            ui.label(tr('screen.results_later')).classes('hint')

    async def on_update(self, update: Update) -> None:
        current = update.state.current
        await self.show(update.state, update.results.get(current.id) if current else None)
        self.show_count(update.participants, update.answered)
