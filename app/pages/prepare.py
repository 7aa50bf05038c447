"""Preparing a workshop before it opens, in forms: choose a plan, or load one from a plan file, and save it as one;
edit the title, question, perspectives and ladder; edit each step (its kind's settings form), move it, and preview
what the phones and the screen will show. Every change is stored at once with the rules the console uses."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

from nicegui import app, run, ui
from pydantic import ValidationError

from .. import plan_writer, plans, preparation
from .. import workshop as workshops
from ..i18n import Translator
from ..models import Step
from ..steps import kind_of
from ..text import clean
from ..widgets.excel_upload import file_upload
from ..widgets.plan_header_form import PlanHeaderForm
from ..widgets.settings_form import SettingsForm, problem
from ..widgets.status_line import StatusLine
from ..widgets.step_preview import step_preview
from .facilitator import attempt, may_act, named, workshop_for
from .frame import frame, language_switch, page_title, translator

TOML = 'application/toml'


@ui.page('/host/{host_token}/prepare')
async def prepare_page(host_token: str) -> None:
    tr = translator(residents=False)
    frame(tr, kind='console')
    workshop = await workshop_for(tr, host_token, f'/host/{host_token}/prepare')
    if workshop is not None:
        await Preparation(tr, workshop.id).build(host_token)


def file_name(title: str) -> str:
    """The plan file's name, from the workshop's title: plain letters, digits and dashes."""
    plain = unicodedata.normalize('NFKD', title).encode('ascii', 'ignore').decode().lower()
    return (re.sub(r'[^a-z0-9]+', '-', plain).strip('-')[:60] or 'programma') + '.toml'


class Preparation:
    def __init__(self, tr: Translator, workshop_id: int) -> None:
        self.tr, self.workshop_id = tr, workshop_id
        self.user_storage = app.storage.user
        self.open_step: int | None = None  # the step panel to keep open when the list is rebuilt
        self.state: workshops.State | None = None
        self.header_shown: tuple[Any, ...] = ()
        self.keep_focus = ''  # the test id of the arrow just pressed in the open step's panel
        self.focus_next: ui.button | None = None

    async def build(self, host_token: str) -> None:
        tr = self.tr
        with ui.column().classes('page-column console-column gap-4'):
            with ui.row().classes('w-full items-center justify-between'):
                page_title(tr, 'prepare.title')
                language_switch(tr)
            ui.label(tr('prepare.intro'))
            ui.link(tr('prepare.to_console'), f'/host/{host_token}').props('data-testid=console-link')
            self.status = StatusLine()
            self.section(tr('prepare.plan_heading'))
            ui.label(tr('prepare.plan_hint')).classes('hint')
            with ui.row().classes('items-end gap-2'):
                chosen = ui.select(plans.titles(), value=plans.DEFAULT_PLAN, label=tr('prepare.choose_plan')) \
                    .props('outlined data-testid=choose-plan').classes('w-72')
                ui.button(tr('prepare.use_plan'), on_click=lambda: self.use_plan(chosen.value)) \
                    .props('outline data-testid=use-plan')
            with ui.row().classes('items-center gap-2'):
                ui.button(tr('prepare.download'), icon='download', on_click=self.download) \
                    .props('outline data-testid=plan-download')
                file_upload(tr('prepare.upload'), testid='plan-upload', accept='.toml', max_bytes=plans.MAX_PLAN_BYTES,
                            rejected=tr('prepare.upload_rejected', max=plans.MAX_PLAN_BYTES // 1024),
                            on_data=self.load_uploaded, report=self.status.set_text)
            self.section(tr('prepare.header_heading'))
            self.header = ui.column().classes('w-full gap-2')
            self.section(tr('prepare.steps_heading'))
            ui.label(tr('prepare.steps_hint')).classes('hint')
            self.steps = ui.column().classes('w-full gap-1')
        await self.refresh()

    @staticmethod
    def section(text: str) -> None:
        ui.label(text).classes('section-title').props('role=heading aria-level=2')

    async def refresh(self) -> None:
        self.state = await run.io_bound(workshops.state, self.workshop_id)
        workshop = self.state.workshop
        header = (workshop.status, workshop.title, workshop.question, workshop.min_group_size, workshop.perspectives,
                  workshop.ladder)
        if header != self.header_shown:  # unchanged: what is being typed there stays while a step is saved
            self.header_shown = header
            self.header.clear()
            with self.header:
                if workshop.status != 'draft':  # said before the facilitator types in vain
                    ui.label(self.tr('prepare.not_draft')).classes('locked-note').props('data-testid=not-draft')
                PlanHeaderForm(self.tr, self.state.workshop, self.save_header)
        self.steps.clear()
        with self.steps:
            for number, step in enumerate(self.state.steps, start=1):
                self.step_panel(number, step)
        if self.focus_next is not None:  # a keyboard user who moved a step keeps the focus on its arrow
            # through the page's client: the handler's own element (the old arrow) is gone with the old list
            self.steps.client.run_javascript(f'document.getElementById("c{self.focus_next.id}")?.focus()')
            self.focus_next, self.keep_focus = None, ''

    async def act(self, done: str, function: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
        """Store one change and say `done`, or say why it was refused."""
        if not await self.still_allowed():
            return False
        try:
            if not await attempt(self.tr, self.status.set_text, function, *args, **kwargs):
                return False
        except plans.PlanError as error:
            self.status.set_text(str(error))
            return False
        await self.refresh()
        self.status.set_text(done)
        return True

    async def still_allowed(self) -> bool:
        return await may_act(self.tr, self.user_storage, self.state.workshop, self.status.set_text)

    # --- the plan as a file ---------------------------------------------------------------------------------

    async def use_plan(self, name: str) -> None:
        """One of the plans in sessions/, by its name (only those: the name comes from the browser)."""
        if name not in plans.available():
            return
        try:
            plan = plans.load(name)
        except plans.PlanError as error:
            self.status.set_text(str(error))
            return
        await self.load(plan)

    async def load(self, plan: plans.Plan) -> None:
        await self.act(self.tr('prepare.loaded', title=plan.title), preparation.load_plan, self.workshop_id, plan)

    async def load_uploaded(self, data: bytes, name: str) -> None:
        """An uploaded plan file is checked whole, as a file in sessions/ is; one problem and nothing changes."""
        source = clean(name, max_length=80, required=False, multiline=False) or 'programma.toml'
        try:
            plan = await run.io_bound(plans.read, data, source)
        except plans.PlanError as error:
            self.status.set_text(self.tr('prepare.upload_refused', problem=str(error)))
            return
        await self.load(plan)

    async def download(self) -> None:
        if not await self.still_allowed():
            return
        plan = await run.io_bound(preparation.plan_of, self.workshop_id)
        text = plan_writer.dump(plan)
        try:  # what is offered reads back (a ladder may have more typed cards than a plan file holds)
            plans.read(text.encode('utf-8'), file_name(plan.title))
        except plans.PlanError as error:
            self.status.set_text(str(error))
            return
        ui.download(text.encode('utf-8'), file_name(plan.title), TOML)

    # --- the plan's own fields --------------------------------------------------------------------------------

    async def save_header(self, values: dict[str, Any], show_problem: Callable[[str], None]) -> None:
        try:
            plans.header(values)
        except ValidationError as error:
            show_problem(problem(self.tr, error, lambda name: self.tr(f'prepare.field_{name}')))
            return
        except plans.PlanError as error:
            show_problem(str(error))
            return
        await self.act(self.tr('prepare.header_saved'), preparation.edit_header, self.workshop_id, **values)

    # --- the steps ------------------------------------------------------------------------------------------

    def step_panel(self, number: int, step: Step) -> None:
        tr, kind = self.tr, kind_of(step.kind)
        summary = tr('prepare.step_summary', number=number, title=step.title, kind=tr(f'kind.{step.kind}'))
        with ui.expansion(summary, value=step.id == self.open_step).classes('w-full step-panel') \
                .props('data-testid=prepare-step'):
            title = ui.input(tr('console.step_title'), value=step.title) \
                .props('outlined data-testid=step-title-input').classes('w-full')
            body = ui.textarea(tr('console.step_body'), value=step.body).props('outlined autogrow').classes('w-full')
            form = SettingsForm(tr, kind, step.settings, self.state.steps[:number - 1])
            step_problem = ui.label().classes('status-line').props('role=alert data-testid=settings-problem')

            async def save() -> None:
                try:
                    kind.validate(form.values())
                except ValidationError as error:  # said beside the form, which stays open with what was typed
                    step_problem.set_text(form.problem(error))
                    return
                self.open_step = step.id
                await self.act(tr('prepare.step_saved', title=title.value or ''), workshops.edit_step, step.id,
                               title=title.value or '', body=body.value or '', settings=form.values())

            async def move(offset: int, testid: str) -> None:
                self.open_step, self.keep_focus = step.id, testid
                place = min(max(number + offset, 1), len(self.state.steps))
                await self.act(tr('prepare.moved', title=step.title, number=place), workshops.move_step, step.id,
                               offset)

            with ui.row().classes('gap-2'):
                ui.button(tr('console.save'), on_click=save).props('data-testid=save-step')
                for arrow, offset, testid, key in (('↑', -1, 'move-up', 'console.move_up'),
                                                    ('↓', 1, 'move-down', 'console.move_down')):
                    arrow_button = named(ui.button(arrow, on_click=lambda offset=offset, testid=testid: move(
                        offset, testid)).props(f'outline data-testid={testid}'), tr(key, title=step.title))
                    if step.id == self.open_step and testid == self.keep_focus:
                        self.focus_next = arrow_button
                ui.button(tr('prepare.preview'), on_click=lambda: self.preview(step)) \
                    .props('outline data-testid=preview-step')

    async def preview(self, step: Step) -> None:
        if not await self.still_allowed():
            return
        asks, mine, results = await run.io_bound(preparation.preview, step.id)
        step_preview(self.tr, step, self.state.workshop, asks, mine, results)
