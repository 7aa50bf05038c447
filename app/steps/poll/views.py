from __future__ import annotations

from nicegui import ui

from ...widgets.bars import SplitBars
from ..shapes import Bars
from ...widgets.choices import Choices
from ..viewbase import PhoneContext, ScreenContext
from .rules import Settings


def phone(ctx: PhoneContext) -> None:
    settings = Settings.model_validate(ctx.step.settings)
    selected = set(ctx.mine.get('selected', []))
    if settings.multiple:
        ui.label(ctx.tr('poll.multiple')).classes('hint')

    async def pick(option: int) -> None:
        mine = await ctx.send({'option': option, 'selected': option not in selected})
        if mine is not None:
            selected.clear()
            selected.update(mine['selected'])
            choices.mark(selected)

    choices = Choices(list(enumerate(settings.options)), selected, pick, testid='poll-option')


def screen(ctx: ScreenContext):  # type: ignore[no-untyped-def]
    bars = SplitBars(ctx.tr)

    def update(results: Bars) -> None:
        bars.show(results, {}, bool(ctx.step.split_by))
    return update
