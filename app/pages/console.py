"""The facilitator's console, reached through the workshop's secret link: run the session step by step,
moderate cards, and edit the plan. Only one or two browsers show it, so it simply rebuilds its sections
when the workshop's state changes; the results preview updates in place like the screen's."""
from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from nicegui import app, run, ui
from pydantic import ValidationError

from .. import kit, paper, table_hosts
from .. import workshop as workshops
from ..export import intake, workbook
from ..hub import Update, hub
from ..i18n import Translator
from ..models import Card, Step
from ..steps import KINDS, kind_of
from ..steps.base import DomainError
from ..steps.kind import MODERATED_CARDS
from ..steps.viewbase import ScreenContext
from ..widgets.excel_upload import excel_upload
from ..widgets.settings_form import SettingsForm
from .feedback_controls import PDF, FeedbackControls
from .table_host_controls import TableHostControls
from ..widgets.status_line import StatusLine
from ..widgets.text_field import TextField
from .facilitator import attempt, may_act, named, workshop_for
from .frame import frame, language_switch, translator
from .run_controls import RunControls
from .screen import miniature

XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
# a step's fields that change while it runs; the step list shows none of them
RUN_FIELDS = {'locked', 'results_visible', 'split_by', 'timer_ends_at', 'opened_at', 'closed_at'}


@ui.page('/host/{host_token}', reconnect_timeout=30)
async def console_page(host_token: str) -> None:
    tr = translator(residents=False)
    frame(tr, kind='console')
    workshop = await workshop_for(tr, host_token, f'/host/{host_token}')
    if workshop is not None:
        await Console(tr, await run.io_bound(workshops.state, workshop.id)).build()


class Console:
    def __init__(self, tr: Translator, state: workshops.State) -> None:
        self.tr = tr
        self.state = state
        self.user_storage = app.storage.user
        self.preview_signature: tuple[Any, ...] = ()
        self.update_preview: Callable[[Any], None] | None = None
        self.cards_signature: list[tuple[Any, ...]] = []
        self.in_order = asyncio.Lock()
        self.state_shown: tuple[Any, ...] = ()
        self.steps_listed: tuple[Any, ...] = ()
        self.step_rows: dict[int, ui.row] = {}
        self.step_marked: int | None = None  # the step whose row is marked current

    @property
    def workshop_id(self) -> int:
        return self.state.workshop.id

    async def build(self) -> None:
        """On a laptop three columns, each scrolling on its own while the page does not: the run panel, what the
        screen shows with the cards to moderate, and the programme; on a phone the same in that order, a remote."""
        tr, workshop = self.tr, self.state.workshop
        with ui.element('div').classes('console-layout'):
            with ui.row().classes('console-top items-center no-wrap gap-4'):
                ui.label(workshop.title).classes('page-title grow').props('role=heading aria-level=1')
                self.status = StatusLine()
                language_switch(tr, residents=False)
            with ui.element('section').classes('console-run').props(f'aria-label="{tr("console.current_step")}"'):
                self.run_controls = RunControls(tr, self.act)
                self.run_controls.build()
            with ui.element('section').classes('console-room').props(f'aria-label="{tr("console.room")}"'):
                with ui.row().classes('gap-4 items-center'):
                    ui.link(tr('console.open_screen'), f'/s/{workshop.screen_token}', new_tab=True) \
                        .props('data-testid=screen-link')
                    ui.link(tr('console.prepare'), f'/host/{workshop.host_token}/prepare') \
                        .props('data-testid=prepare-link')
                    ui.label(tr('console.code', code=workshop.code)).props('data-testid=code')
                ui.label(workshops.join_address(workshop.join_token)).classes('hint') \
                    .props('data-testid=join-address')
                self.perspectives = ui.label().props('data-testid=perspectives')
                self.workshop_bar = ui.row().classes('gap-2 items-center')
                miniature(tr, workshop.screen_token)
                ui.label(tr('console.live_results')).classes('section-title').props('role=heading aria-level=2')
                self.preview = ui.column().classes('w-full preview').props('data-testid=preview')
                self.own_cards = ui.column().classes('w-full gap-2')
                self.cards = ui.column().classes('w-full gap-1')
            with ui.element('section').classes('console-plan').props(f'aria-label="{tr("console.plan")}"'):
                ui.label(tr('console.plan')).classes('section-title').props('role=heading aria-level=2')
                self.steps = ui.column().classes('w-full gap-1')
                self.add_step_form()
                self.admin_bar = ui.row().classes('gap-2 items-center')
                await TableHostControls(tr, workshop, self.still_allowed, self.status.set_text).build()
                await FeedbackControls(tr, workshop, self.still_allowed, self.status.set_text,
                                       lambda: self.status.set_text(tr('console.done'))).build()
        hub.subscribe(workshop.id, self.on_update)
        await self.refresh(self.state, None)
        if self.state.current is not None:
            self.run_controls.show_answered(await run.io_bound(workshops.answered, self.state.current.id))

    # --- live -------------------------------------------------------------------------------------------------

    async def on_update(self, update: Update) -> None:
        current = update.state.current
        await self.refresh(update.state, update.results.get(current.id) if current else None,
                           rebuild=update.state_changed)
        self.run_controls.show_answered(update.answered)

    async def refresh(self, state: workshops.State, results: Any, *, rebuild: bool = True) -> None:
        async with self.in_order:  # refreshes wait for each other: an older one must not finish last
            await self._refresh(state, results, rebuild=rebuild)

    async def _refresh(self, state: workshops.State, results: Any, *, rebuild: bool) -> None:
        self.state = state
        counts = await run.io_bound(workshops.perspective_counts, self.workshop_id)
        on_paper = await run.io_bound(paper.count, self.workshop_id)
        tables = await run.io_bound(table_hosts.tables_of, self.workshop_id)
        if None in (counts, on_paper, tables):  # run.io_bound gives None while the server shuts down
            return
        self.run_controls.show_people(sum(count for _, count in counts), on_paper)
        parts = [f'{perspective or self.tr("perspective.none")}: {count}' for perspective, count in counts if count]
        self.perspectives.set_text(self.tr('console.perspectives', parts=', '.join(parts)) if parts else '')
        step = state.current
        shown = (state.workshop.model_dump(), [each.model_dump() for each in state.steps], tables)
        if rebuild and shown != self.state_shown:  # unchanged: keep the buttons a facilitator may be about to click
            self.state_shown = shown
            self.workshop_bar.clear()
            with self.workshop_bar:
                self.joining_controls()
            self.admin_bar.clear()
            with self.admin_bar:
                self.admin_controls()
            self.run_controls.show(state, tables)
            self.own_cards.clear()
            if step is not None and kind_of(step.kind).holds_own_cards(step):
                with self.own_cards:
                    self.own_card_controls(step)
            self.show_step_list(state)
        if step is None:
            return
        signature = (step.id, str(step.settings), step.split_by)
        if signature != self.preview_signature:
            self.preview_signature = signature
            self.preview.clear()
            with self.preview:
                # a kind may add facilitator-only parts (the ladder's progress and one-card discussion)
                views = kind_of(step.kind).view_module()
                updates = [views.screen(ScreenContext(tr=self.tr, step=step, workshop=state.workshop))]
                if hasattr(views, 'console'):
                    updates.append(views.console(ScreenContext(
                        tr=self.tr, step=step, workshop=state.workshop,
                        moderate=lambda action, step_id=step.id: self.act(workshops.moderate, self.workshop_id,
                                                                          step_id, action))))
                self.update_preview = lambda results: [update(results) for update in updates]
            results = None
        if results is None:
            results = await run.io_bound(workshops.results, step.id)
        if results is not None:
            self.update_preview(results)
        await self.show_cards(step)

    async def act(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
        """Run one facilitator action off the event loop; tell every page of the workshop, or say what went wrong."""
        if not await self.still_allowed():
            return False
        try:
            if not await attempt(self.tr, self.status.set_text, function, *args, **kwargs):
                return False
        except (ValidationError, ValueError) as error:
            self.status.set_text(self.tr('console.bad_settings', problem=_first_problem(error)))
            return False
        self.status.set_text(self.tr('console.done'))
        return True

    # --- sections -------------------------------------------------------------------------------------------

    def joining_controls(self) -> None:
        tr, workshop = self.tr, self.state.workshop
        ui.label(tr(f'console.status_{workshop.status}')).props('data-testid=workshop-status')
        if workshop.status == 'draft':
            ui.button(tr('console.open_joining'), on_click=lambda: self.act(workshops.open_for_joining,
                                                                            self.workshop_id)) \
                .props('data-testid=open-joining')
        if workshop.status == 'open':
            locked = workshop.joining_locked
            ui.button(tr('console.unlock_joining' if locked else 'console.lock_joining'),
                      on_click=lambda: self.act(workshops.lock_joining, self.workshop_id, not locked)) \
                .props('outline data-testid=lock-joining')

    def admin_controls(self) -> None:
        tr, workshop = self.tr, self.state.workshop
        if workshop.status == 'open':
            ui.button(tr('console.end'), on_click=lambda: self.confirm(tr('console.end_question'), 'console.end',
                                                                       'confirm-end', self.end)) \
                .props('outline color=negative data-testid=end')
        ui.button(tr('console.download_excel'), on_click=self.download).props('outline data-testid=download-excel')
        ui.button(tr('console.download_kit'), on_click=self.download_kit).props('outline data-testid=download-kit')
        ui.button(tr('console.delete'), on_click=self.ask_delete) \
            .props('flat color=negative data-testid=delete')

    async def still_allowed(self) -> bool:
        """Checked again for every action: events can be forged and an account can be signed out or removed."""
        return await may_act(self.tr, self.user_storage, self.state.workshop, self.status.set_text)

    async def download(self) -> None:
        """Build the workbook in a worker process and hand it to the browser. Not a thread: a large workshop's
        workbook takes seconds of pure-Python work that would hold the GIL and stall every live page
        (bench/export_live_bench.py). The worker opens its own database engine from the same settings."""
        await self.deliver('console.preparing_excel', workbook.in_worker, workbook.filename, XLSX)

    async def download_kit(self) -> None:
        """The printed kit in the console's language, made in a worker process like the workbook."""
        await self.deliver('console.preparing_kit', kit.pdf, kit.filename, PDF, self.tr.language)

    async def deliver(self, preparing: str, make: Callable[..., bytes], name: Callable[[Any], str], media_type: str,
                      *args: Any) -> None:
        if not await self.still_allowed():
            return
        self.status.set_text(self.tr(preparing))
        workshop = self.state.workshop
        data = await run.cpu_bound(make, workshop.id, *args)
        if data is None:  # the server is shutting down
            return
        ui.download(data, name(workshop), media_type)
        self.status.set_text(self.tr('console.done'))

    def confirm(self, question: str, action: str, testid: str, on_confirm: Callable[[], Awaitable[Any]]) -> None:
        with ui.dialog() as dialog, ui.card():
            ui.label(question).props('data-testid=confirm-question')
            with ui.row():
                ui.button(self.tr('console.cancel'), on_click=dialog.close).props('flat')

                async def confirmed() -> None:
                    dialog.close()
                    await on_confirm()
                ui.button(self.tr(action), on_click=confirmed).props(f'color=negative data-testid={testid}')
        dialog.open()

    async def end(self) -> None:
        await self.act(workshops.end, self.workshop_id)

    async def ask_delete(self) -> None:
        """Asked first, saying what would be lost."""
        people, cards, answers = await run.io_bound(workshops.contents, self.workshop_id)
        tr = self.tr
        self.confirm(tr('console.delete_question', people=tr('console.people', count=people),
                        cards=tr('cards.count', count=cards), answers=tr('console.answers', count=answers)),
                     'console.delete', 'confirm-delete', self.delete)

    async def delete(self) -> None:
        if await self.act(workshops.delete, self.workshop_id):
            ui.navigate.to('/')

    def own_card_controls(self, step: Step) -> None:
        """A step with cards of its own (a cards step, a ladder without cards_from): type a card or add a list."""
        tr = self.tr
        ui.label(tr('console.own_cards_hint')).classes('hint')
        with ui.row().classes('gap-2 items-end'):
            text = ui.input(tr('console.card_text')).props('outlined dense data-testid=own-card-text').classes('w-96')

            async def add() -> None:
                if await self.act(workshops.add_card, self.workshop_id, step.id, text.value or ''):
                    text.value = ''
            text.on('keydown.enter', add)
            ui.button(tr('console.add_card'), on_click=add).props('outline data-testid=own-card-add')
        excel_upload(tr, tr('console.cards_from_excel'), testid='cards-upload', max_bytes=intake.MAX_BYTES,
                     on_data=lambda data: self.add_card_list(step.id, data), report=self.status.set_text)

    async def add_card_list(self, step_id: int, data: bytes) -> None:
        """Add the cards of an uploaded Excel list to a cards step: all of them, or none and the reason why."""
        if not await self.still_allowed():
            return
        try:
            count = await run.io_bound(intake.add_card_list, step_id, data)
        except DomainError as error:
            self.status.set_text(self.tr(error.key, **error.args_))
            return
        self.status.set_text(self.tr('console.cards_added', count=count))

    async def show_cards(self, step: Step) -> None:
        """Moderation of the cards the current step shows: hide/unhide, merge into another card."""
        kind = kind_of(step.kind)
        if not kind.has(MODERATED_CARDS) or not kind.card_source(step):  # e.g. a poll-like step on options
            self.cards.clear()
            self.cards_signature = []
            return
        source = next((candidate for candidate in self.state.steps if candidate.key == kind.card_source(step)), None)
        cards = await run.io_bound(workshops.cards_of_step, source.id) if source else []
        signature = [step.id, *((card.id, card.hidden, card.group_id) for card in cards)]
        if signature == self.cards_signature:
            return
        self.cards_signature = signature
        tr = self.tr
        self.cards.clear()
        with self.cards:
            ui.label(tr('console.cards', count=len(cards))).classes('section-title').props('role=heading aria-level=2')
            if source is not None and source.id != step.id:  # hiding there is how cards are (un)picked here
                ui.label(tr('console.cards_of_step', title=source.title)).classes('hint')
                if step.settings.get('ranked_by') and step.settings.get('top'):
                    ui.label(tr('console.cards_ranked', top=step.settings['top'])).classes('hint')
            leads = {card.id: card.text for card in cards if card.group_id is None and not card.hidden}
            for card in cards:
                with ui.row().classes('w-full items-center gap-2 console-card').props('data-testid=console-card'):
                    ui.label(card.text).classes('grow' + (' hidden-card' if card.hidden else '')).props('dir=auto')
                    ui.button(tr('console.unhide' if card.hidden else 'console.hide'),
                              on_click=lambda card=card: self.act(workshops.hide_card, card.id, not card.hidden)) \
                        .props('flat dense data-testid=hide-card')
                    options = {0: tr('console.no_group'),
                               **{lead_id: text[:40] for lead_id, text in leads.items() if lead_id != card.id}}
                    ui.select(options, value=card.group_id or 0, label=tr('console.merge_into'),
                              on_change=lambda event, card=card: self.ask_merge(card, event.sender, event.value,
                                                                                leads)) \
                        .props('dense outlined data-testid=merge-card').classes('w-56')

    async def ask_merge(self, card: Card, select: ui.select, into: int, leads: dict[int, str]) -> None:
        """Merging is asked first; the choice shows only once it is done. Taking a card out again is not asked."""
        if into == (card.group_id or 0):
            return
        if not into:
            await self.act(workshops.merge_card, card.id, None)
            return
        select.set_value(card.group_id or 0)
        self.confirm(self.tr('console.merge_question', card=card.text, into=leads[into]), 'console.merge',
                     'confirm-merge', lambda: self.act(workshops.merge_card, card.id, into))

    def show_step_list(self, state: workshops.State) -> None:
        """The rows are built again only when the steps change, not when the facilitator goes to another one: a
        row's buttons then stay the same elements, so a click just after a step change is not lost."""
        listed = ([step.model_dump(exclude=RUN_FIELDS) for step in state.steps],
                  [(step.id, step.title) for step in state.removed])
        current = state.current.id if state.current else None
        if listed != self.steps_listed:
            self.steps_listed = listed
            self.steps.clear()
            with self.steps:
                self.step_list()
        elif current == self.step_marked:  # most refreshes (an answer came in): nothing to send
            return
        self.step_marked = current
        for step_id, row in self.step_rows.items():
            if step_id == current:
                row.classes(add='current-step').props('aria-current=step')
            else:
                row.classes(remove='current-step').props(remove='aria-current')

    def step_list(self) -> None:
        tr = self.tr
        self.step_rows = {}
        for number, step in enumerate(self.state.steps, start=1):
            with ui.row().classes('w-full items-center gap-1 step-row').props('data-testid=step-row') as row:
                self.step_rows[step.id] = row
                ui.label(f'{number}. ').classes('hint')
                ui.label(step.title).classes('grow step-name')
                ui.label(tr(f'kind.{step.kind}')).classes('hint')
                self.step_actions(step)
        for step in self.state.removed:
            with ui.row().classes('w-full items-center gap-1 step-row').props('data-testid=removed-step'):
                ui.label(tr('console.removed', title=step.title)).classes('grow hint')
                ui.button(tr('console.restore'), on_click=lambda step=step: self.act(workshops.restore_step, step.id)) \
                    .props('flat dense data-testid=restore-step')

    def step_actions(self, step: Step) -> None:
        """Go there, move up or down, edit, remove: on one line under the step's title when the column is narrow."""
        tr = self.tr
        with ui.row().classes('step-actions gap-1 no-wrap'):
            ui.button(tr('console.go'), on_click=lambda: self.act(workshops.go_to_step, self.workshop_id, step.id)) \
                .props('flat dense data-testid=go-step')
            for arrow, offset, key in (('↑', -1, 'console.move_up'), ('↓', 1, 'console.move_down')):
                named(ui.button(arrow, on_click=lambda offset=offset: self.act(workshops.move_step, step.id, offset))
                      .props('flat dense'), tr(key, title=step.title))
            ui.button(tr('console.edit'), on_click=lambda: self.edit_dialog(step)) \
                .props('flat dense data-testid=edit-step')
            ui.button(tr('console.remove'), on_click=lambda: self.ask_remove(step)) \
                .props('flat dense color=negative data-testid=remove-step')

    async def ask_remove(self, step: Step) -> None:
        """A step with cards or answers is taken out only when asked, saying what it holds; it can be put back."""
        cards, answers = await run.io_bound(workshops.step_contents, step.id)
        if not cards and not answers:
            await self.act(workshops.remove_step, step.id)
            return
        tr = self.tr
        self.confirm(tr('console.remove_question', title=step.title, cards=tr('cards.count', count=cards),
                        answers=tr('console.answers', count=answers)),
                     'console.remove', 'confirm-remove', lambda: self.act(workshops.remove_step, step.id))

    def edit_dialog(self, step: Step) -> None:
        tr = self.tr
        with ui.dialog() as dialog, ui.card().classes('dialog-wide'):
            ui.label(tr('console.edit_step')).classes('section-title')
            title = ui.input(tr('console.step_title'), value=step.title).props('outlined').classes('w-full')
            body = ui.textarea(tr('console.step_body'), value=step.body).props('outlined').classes('w-full')
            earlier = self.state.steps[:[each.id for each in self.state.steps].index(step.id)]
            form = SettingsForm(tr, kind_of(step.kind), step.settings, earlier)
            problem = ui.label().classes('status-line').props('role=alert data-testid=settings-problem')
            with ui.row():
                ui.button(tr('console.cancel'), on_click=dialog.close).props('flat')

                async def save() -> None:
                    try:
                        form.kind.validate(form.values())
                    except ValidationError as error:  # said beside the form, which stays open with what was typed
                        problem.set_text(form.problem(error))
                        return
                    if await self.act(workshops.edit_step, step.id, title=title.value, body=body.value,
                                      settings=form.values()):
                        dialog.close()
                ui.button(tr('console.save'), on_click=save).props('data-testid=save-step')
        dialog.open()

    def add_step_form(self) -> None:
        tr = self.tr
        with ui.row().classes('items-end gap-2'):
            kind = ui.select({name: tr(f'kind.{name}') for name in KINDS}, value=next(iter(KINDS)),
                             label=tr('console.kind')) \
                .props('outlined dense data-testid=new-kind').classes('w-48')
            title = TextField(tr('console.step_title'), max_length=workshops.TITLE_MAX_LENGTH, testid='new-title') \
                .props('dense')

            async def add() -> None:
                current = self.state.current  # the new step comes after it: it may work on the steps up to it
                earlier = self.state.steps[:self.state.steps.index(current) + 1] if current else self.state.steps
                settings = kind_of(kind.value).starter(earlier, tr)
                if await self.act(workshops.add_step, self.workshop_id, kind.value, title.value or '', settings,
                                  current.id if current else None):
                    title.value = ''
            ui.button(tr('console.add_step'), on_click=add).props('outline data-testid=add-step')


def _first_problem(error: Exception) -> str:
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        return f'{".".join(str(part) for part in first["loc"])}: {first["msg"]}'
    return str(error)
