"""The first-run guide on the start page of a new installation: a short numbered list from the first account to a
trial workshop on the default plan with its screen open and a test phone joined, each item ticked from what really
is so. It shows while the installation has no account, or the signed-in facilitator has at most one workshop."""
from __future__ import annotations

from dataclasses import dataclass, replace

from nicegui import Client, app, run, ui

from .. import accounts, plans
from .. import workshop as workshops
from ..i18n import Translator
from ..models import Account, Workshop
from .login import signed_in

CHECK_SECONDS = 2.0  # how often the list looks again while something is still to do (a screen or a phone elsewhere)


@dataclass(frozen=True)
class Progress:
    account: bool
    workshop: Workshop | None = None
    screen: bool = False
    opened: bool = False
    joined: bool = False

    @property
    def done(self) -> list[bool]:
        return [self.account, self.workshop is not None, self.screen, self.opened, self.joined]


def screen_is_open(workshop: Workshop) -> bool:
    """A browser shows this workshop's screen page now (in this process: `make run` is one)."""
    path = f'/s/{workshop.screen_token}'
    return any(client.has_socket_connection and _path(client) == path for client in list(Client.instances.values()))


def _path(client: Client) -> str:
    try:
        return client.request.url.path
    except RuntimeError:  # a client made without a request (NiceGUI's auto-index page)
        return ''


def progress(account: Account | None) -> Progress | None:
    """Where the first facilitator stands as the database says (all but the screen), or None: this is no first run
    (any more)."""
    if account is None:
        return None if accounts.all_accounts() else Progress(account=False)
    made = accounts.workshops_of(account)
    if len(made) > 1:
        return None
    if not made:
        return Progress(account=True)
    workshop = made[0]
    return Progress(account=True, workshop=workshop, opened=workshop.status != 'draft',
                    joined=workshops.participant_count(workshop.id) > 0)


class FirstRunGuide:
    def __init__(self, tr: Translator, account: Account | None) -> None:
        self.tr, self.account = tr, account
        self.user_storage = app.storage.user
        self.shown: Progress | None = None

    async def now(self) -> Progress | None:
        """The database's part off the event loop, the screen's (NiceGUI's own clients) on it."""
        now = await run.io_bound(progress, self.account)
        return replace(now, screen=screen_is_open(now.workshop)) if now and now.workshop else now

    async def build(self) -> None:
        now = await self.now()
        if now is None:
            return
        with ui.column().classes('first-run gap-2').props('data-testid=first-run'):
            ui.label(self.tr('first_run.title')).classes('section-title').props('role=heading aria-level=2')
            ui.label(self.tr('first_run.intro'))
            self.area = ui.column().classes('w-full gap-2')
        self.show(now)
        ui.timer(CHECK_SECONDS, self.check)

    async def check(self) -> None:
        now = await self.now()
        if now is not None and now != self.shown:
            self.show(now)

    def show(self, now: Progress) -> None:
        """The list as it stands; rebuilt only when something changed, so a button about to be clicked stays."""
        self.shown = now
        self.area.clear()
        tr, workshop = self.tr, now.workshop
        with self.area:
            with ui.element('ol').classes('first-run-list'):
                for number, done in enumerate(now.done, start=1):
                    with ui.element('li').classes('first-run-item' + (' first-run-done' if done else '')) \
                            .props(f'data-testid=first-run-step data-done={str(done).lower()}'):
                        ui.label(tr('first_run.done' if done else 'first_run.todo')).classes('first-run-mark')
                        ui.label(tr(f'first_run.step_{number}'))
                        if not done:
                            self.action(number, workshop)
            if all(now.done):
                ui.label(tr('first_run.all_done')).classes('text-bold').props('data-testid=first-run-ready')
            if workshop is not None:
                ui.link(tr('first_run.to_console'), f'/host/{workshop.host_token}') \
                    .props('data-testid=first-run-console')

    def action(self, number: int, workshop: Workshop | None) -> None:
        """What to do for the first item not done yet, right where it is said."""
        tr = self.tr
        if number == 1:
            ui.link(tr('first_run.create_account'), '/login').props('data-testid=first-run-account')
        elif number == 2 and self.account is not None:
            ui.button(tr('first_run.create_workshop'), on_click=self.create) \
                .props('outline data-testid=first-run-create')
        elif workshop is None:
            return
        elif number == 3:
            ui.link(tr('first_run.open_screen'), f'/s/{workshop.screen_token}', new_tab=True) \
                .props('data-testid=first-run-screen')
        elif number == 4:
            ui.button(tr('first_run.open_workshop'), on_click=lambda: self.open(workshop)) \
                .props('outline data-testid=first-run-open')
        elif number == 5:
            ui.label(tr('first_run.phone_how', code=workshop.code))
            ui.label(workshops.join_address(workshop.join_token)).classes('join-address-line') \
                .props('data-testid=first-run-join-address')

    async def create(self) -> None:
        if await signed_in(self.user_storage) is None:  # signed out in another tab meanwhile
            return
        await run.io_bound(lambda: workshops.create(plans.load(plans.DEFAULT_PLAN), title=self.tr('first_run.trial'),
                                                    owner_id=self.account.id, facilitator=self.account.name))
        await self.check()

    async def open(self, workshop: Workshop) -> None:
        if not accounts.may_run(await signed_in(self.user_storage), workshop):
            return
        await run.io_bound(workshops.open_for_joining, workshop.id)
        await self.check()
