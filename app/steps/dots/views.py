from __future__ import annotations

from typing import Any

from nicegui import ui

from ...widgets.bars import SplitBars
from ...widgets.tap import TapButton
from ..viewbase import PhoneContext, ScreenContext


def phone(ctx: PhoneContext) -> None:
    tr = ctx.tr
    left = ui.label().classes('status-line').props('data-testid=dots-left')
    counters: dict[int, ui.label] = {}

    def show(mine: dict[str, Any]) -> None:
        left.set_text(tr('dots.left', count=mine['left']))
        for card_id, counter in counters.items():
            given = mine['per_card'].get(card_id, 0)
            counter.set_text('●' * given + ' ' + tr('dots.on_card', count=given))

    async def change(card_id: int, add: bool) -> None:
        mine = await ctx.send({'card': card_id, 'add': add})
        if mine is not None:
            show(mine)

    for card in ctx.results.get('cards', []):
        with ui.element('div').classes('vote-card w-full').props(f'data-testid=dot-card data-card={card["id"]}'):
            ui.label(card['text']).classes('vote-card-text')
            with ui.row().classes('items-center gap-2'):
                TapButton(tr('dots.add'), lambda card_id=card['id']: change(card_id, True), testid='add-dot',
                          aria_label=tr('dots.add_to', text=card['text'][:60]))
                TapButton(tr('dots.remove'), lambda card_id=card['id']: change(card_id, False), testid='remove-dot',
                          style='outline', aria_label=tr('dots.remove_from', text=card['text'][:60]))
                counters[card['id']] = ui.label().props('data-testid=my-dots')
    show(ctx.mine)


def screen(ctx: ScreenContext):  # type: ignore[no-untyped-def]
    bars = SplitBars(ctx.tr)

    def update(results: dict[str, Any]) -> None:
        labels = {str(card['id']): card['text'] for card in results['cards']}
        bars.show(results, labels, ctx.step.split_by_perspective, sort=True)
    return update
