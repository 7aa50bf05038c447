"""The console's table hosts section: add a helper for a table (their secret link is shown once), see who helps
where, and revoke a link."""
from __future__ import annotations

from collections.abc import Awaitable, Callable

from nicegui import run, ui

from .. import table_hosts
from ..i18n import Translator
from ..models import Helper, Workshop
from ..steps.base import DomainError
from ..text import TextError
from ..widgets.text_field import TextField


class TableHostControls:
    def __init__(self, tr: Translator, workshop: Workshop, still_allowed: Callable[[], Awaitable[bool]],
                 say: Callable[[str], None]) -> None:
        self.tr, self.workshop, self.still_allowed, self.say = tr, workshop, still_allowed, say

    async def build(self) -> None:
        tr = self.tr
        ui.label(tr('table_hosts.title')).classes('section-title').props('role=heading aria-level=2')
        ui.label(tr('table_hosts.hint')).classes('hint')
        with ui.row().classes('gap-2 items-end'):
            name = TextField(tr('table_hosts.name'), max_length=table_hosts.NAME_MAX_LENGTH, testid='helper-name')
            table = TextField(tr('table_hosts.table'), max_length=table_hosts.NAME_MAX_LENGTH, testid='helper-table')

            async def add() -> None:
                if await self.add(name.value or '', table.value or ''):
                    name.value = ''
            ui.button(tr('table_hosts.add'), on_click=add).props('data-testid=add-helper')
        self.new_link = ui.column().classes('gap-1')
        self.helpers = ui.column().classes('gap-1').props('data-testid=helpers')
        await self.show()

    async def add(self, name: str, table: str) -> bool:
        if not await self.still_allowed():
            return False
        try:
            new = await run.io_bound(table_hosts.add, self.workshop.id, name, table)
        except (DomainError, TextError) as error:
            self.say(self.tr(error.key, **error.args_))
            return False
        self.new_link.clear()
        with self.new_link:
            ui.label(self.tr('table_hosts.link', name=new.helper.name, table=new.helper.table_name))
            ui.label(table_hosts.address(new.token)).classes('hint').props('data-testid=helper-link')
        await self.show()
        return True

    async def show(self) -> None:
        helpers = await run.io_bound(table_hosts.of_workshop, self.workshop.id)
        if helpers is None:  # the server is shutting down
            return
        self.helpers.clear()
        with self.helpers:
            for helper in helpers:
                with ui.row().classes('gap-2 items-center').props('data-testid=helper-row'):
                    ui.label(self.tr('table_hosts.row', name=helper.name, table=helper.table_name))
                    ui.button(self.tr('table_hosts.revoke'), on_click=lambda helper=helper: self.revoke(helper)) \
                        .props('flat dense color=negative data-testid=revoke-helper')

    async def revoke(self, helper: Helper) -> None:
        if not await self.still_allowed():
            return
        await run.io_bound(table_hosts.revoke, self.workshop.id, helper.id)
        self.new_link.clear()
        self.say(self.tr('table_hosts.revoked', name=helper.name))
        await self.show()
