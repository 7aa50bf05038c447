from __future__ import annotations

from nicegui import ui

from ...widgets.bars import SplitBars
from ...widgets.choices import Choices
from ..viewbase import PhoneContext, ScreenContext
from .rules import ScaleResults, Settings


def phone(ctx: PhoneContext) -> None:
    settings = Settings.model_validate(ctx.step.settings)
    if settings.low_label or settings.high_label:
        ui.label(ctx.tr('scale.ends', low=settings.min, low_label=settings.low_label,
                        high=settings.max, high_label=settings.high_label)).classes('hint')

    async def pick(value: int) -> None:
        mine = await ctx.send({'value': value})
        if mine is not None:
            choices.mark({mine['value']})

    choices = Choices([(value, str(value)) for value in settings.values()], {ctx.mine.get('value')}, pick,
                      testid='scale-value', row=True)


def screen(ctx: ScreenContext):  # type: ignore[no-untyped-def]
    settings = Settings.model_validate(ctx.step.settings)
    ends = ui.label(ctx.tr('scale.ends', low=settings.min, low_label=settings.low_label,
                           high=settings.max, high_label=settings.high_label)).classes('results-note')
    ends.set_visibility(bool(settings.low_label or settings.high_label))
    average = ui.label().classes('results-big')
    bars = SplitBars(ctx.tr)

    def update(results: ScaleResults) -> None:
        average.set_text(ctx.tr('scale.average', mean=results.mean) if results.mean is not None else '')
        bars.show(results.votes, {}, bool(ctx.step.split_by))
    return update
