"""The start page: type a code to join, or prepare a new workshop from a plan (optionally as a follow-up)."""
from __future__ import annotations

from collections.abc import Callable
from functools import partial

from fastapi import Request
from nicegui import run, ui

from .. import accounts, plans
from .. import workshop as workshops
from ..export import intake
from ..i18n import Translator
from ..models import Account, Workshop
from ..steps.base import DomainError
from ..text import TextError
from ..widgets.excel_upload import excel_upload
from ..widgets.status_line import StatusLine
from ..widgets.text_field import TextField
from . import accessibility
from .first_run import FirstRunGuide
from .frame import frame, language_switch, translator
from .login import address_of, signed_in

MAX_LISTED = 20


@ui.page('/')
async def start_page(request: Request) -> None:
    tr = translator()
    frame(tr, kind='start')
    with ui.column().classes('page-column'):
        language_switch(tr)
        ui.label(tr('app.name')).classes('page-title').props('role=heading aria-level=1')
        ui.label(tr('start.intro'))
        message = StatusLine()

        async def join() -> None:
            try:
                found = await run.io_bound(workshops.find_typed_code, code_input.value or '', address_of(request))
            except DomainError as error:
                message.set_text(tr(error.key))
                return
            if found is None:
                message.set_text(tr('start.unknown_code'))
                return
            ui.navigate.to(f'/w/{found.join_token}')

        with ui.row().classes('items-end gap-2'):
            code_input = ui.input(tr('start.code')).props('outlined autocapitalize=characters maxlength=12 '
                                                         'data-testid=code').on('keydown.enter', join)
            ui.button(tr('start.join'), on_click=join).props('data-testid=join-code')

        account = await signed_in()
        await FirstRunGuide(tr, account).build()
        ui.label(tr('start.prepare')).classes('section-title').props('role=heading aria-level=2')
        if account is None:
            ui.link(tr('account.sign_in'), '/login').props('data-testid=sign-in-link')
        else:
            await prepare(tr, account, message)
        accessibility.link()


async def prepare(tr: Translator, account: Account, message: ui.label) -> None:
    """For a signed-in facilitator: a new workshop from a plan, and the ones made before."""
    ui.label(tr('account.signed_in_as', name=account.name)).classes('hint')
    plan_select = ui.select(plans.titles(), value=plans.DEFAULT_PLAN,
                            label=tr('start.plan')).props('outlined data-testid=plan').classes('w-72')
    title_input = TextField(tr('start.title'), max_length=workshops.TITLE_MAX_LENGTH, testid='title').classes('w-72')

    async def start(make: Callable[[plans.Plan], Workshop]) -> None:
        """Make the workshop from the chosen plan off the event loop, then open its console."""
        if await signed_in() is None:  # signed out in another tab meanwhile
            message.set_text(tr('console.not_allowed'))
            return
        try:
            plan = plans.load(plan_select.value)
            made = await run.io_bound(make, plan)
        except plans.PlanError as error:
            message.set_text(str(error))
            return
        except (DomainError, TextError) as error:
            message.set_text(tr(error.key, **error.args_))
            return
        ui.navigate.to(f'/host/{made.host_token}')

    ui.button(tr('start.create'), on_click=lambda: start(partial(
        workshops.create, title=title_input.value or '', owner_id=account.id, facilitator=account.name))) \
        .props('data-testid=create')
    ui.label(tr('start.follow_up_hint')).classes('hint')
    excel_upload(tr, tr('start.follow_up'), testid='follow-up', max_bytes=intake.MAX_BYTES, report=message.set_text,
                 on_data=lambda data: start(partial(intake.start_follow_up, data, title=title_input.value or '',
                                                    owner_id=account.id)))
    earlier = await run.io_bound(accounts.workshops_of, account)
    if earlier:
        ui.label(tr('start.earlier')).classes('section-title').props('role=heading aria-level=2')
        for workshop in earlier[:MAX_LISTED]:
            ui.link(f'{workshop.title} ({workshop.code}, {tr("console.status_" + workshop.status)})',
                    f'/host/{workshop.host_token}').props('data-testid=my-workshop')
    ui.link(tr('account.sign_out'), '/logout').props('data-testid=sign-out')
