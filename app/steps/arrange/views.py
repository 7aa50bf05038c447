from __future__ import annotations

from nicegui import ui

from ..cards.views import card_wall
from ..viewbase import PhoneContext, ScreenContext


def phone(ctx: PhoneContext) -> None:
    ui.label(ctx.tr('arrange.watch')).classes('hint')


def screen(ctx: ScreenContext):  # type: ignore[no-untyped-def]
    return card_wall(ctx)
