"""Sign-in for facilitators. On a fresh installation the first account (an admin) can be made here, but only
from the machine itself, so nobody on the venue's network can claim it first."""
from __future__ import annotations

from fastapi import Request
from nicegui import app, run, ui

from .. import accounts
from ..models import Account
from ..text import TextError
from ..widgets.status_line import StatusLine
from .frame import frame, language_switch, translator

LOCAL_ADDRESSES = {'127.0.0.1', '::1', 'localhost'}


async def signed_in(user_storage: dict | None = None) -> Account | None:
    """The facilitator signed in on this browser, read fresh from the database (a removed account is out).

    Event handlers pass the browser's storage they kept: their element may be gone by the time they run."""
    storage = app.storage.user if user_storage is None else user_storage
    return await run.io_bound(accounts.get, storage.get('account_id'))


def address_of(request: Request) -> str:
    return request.client.host if request.client else 'unknown'


@ui.page('/login')
async def login_page(request: Request, next: str = '/') -> None:  # noqa: A002  (the query parameter's name)
    tr = translator(residents=False)
    frame(tr, kind='start')
    target = next if next.startswith('/') and not next.startswith('//') else '/'  # never off-site
    first_account = not await run.io_bound(accounts.all_accounts)
    address = address_of(request)
    with ui.column().classes('page-column'):
        language_switch(tr, residents=False)
        ui.label(tr('account.first_title' if first_account else 'account.title')).classes('page-title') \
            .props('role=heading aria-level=1')
        message = StatusLine()
        if first_account and address not in LOCAL_ADDRESSES:
            message.set_text(tr('account.first_only_locally'))
            return
        if first_account:
            ui.label(tr('account.first_intro'))
        name = ui.input(tr('account.name')).props('outlined autocomplete=username data-testid=name').classes('w-72')
        password = ui.input(tr('account.password'), password=True) \
            .props('outlined autocomplete=current-password data-testid=password').classes('w-72')

        async def submit() -> None:
            try:
                if first_account:
                    account = await run.io_bound(accounts.add, name.value or '', password.value or '', admin=True)
                else:
                    account = await run.io_bound(accounts.sign_in, name.value or '', password.value or '', address)
            except (accounts.AccountError, TextError) as error:
                message.set_text(tr(error.key, **error.args_))
                return
            app.storage.user['account_id'] = account.id
            ui.navigate.to(target)

        password.on('keydown.enter', submit)
        ui.button(tr('account.create_first' if first_account else 'account.sign_in'), on_click=submit) \
            .props('data-testid=sign-in')


@ui.page('/logout')
def logout_page() -> None:
    app.storage.user.pop('account_id', None)
    ui.navigate.to('/')
