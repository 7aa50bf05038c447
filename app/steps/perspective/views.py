from __future__ import annotations

from typing import Any

from nicegui import ui

from ...widgets.bars import Bars
from ..viewbase import PhoneContext, ScreenContext
from .rules import PerspectiveResults


def phone(ctx: PhoneContext) -> None:
    options = {name: name for name in ctx.workshop.perspectives}

    async def choose(event: Any) -> None:
        await ctx.send({'perspective': event.value or ''})

    ui.radio(options, value=ctx.mine.get('perspective') or None, on_change=choose) \
        .props(f'aria-label="{ctx.tr("perspective.label")}" data-testid=perspectives').classes('big-options')


def screen(ctx: ScreenContext):  # type: ignore[no-untyped-def]
    bars = Bars()

    def update(results: PerspectiveResults) -> None:
        bars.show([(row.perspective or '-', row.perspective or ctx.tr('perspective.none'), row.count)
                   for row in results.counts if row.count])
    return update
