"""Points on the phone (− and + per item, or type the amount; the points left said politely) and on the screen
(the items by total, each with its total, share and mean written out beside its bar)."""
from __future__ import annotations

import asyncio
import re
from typing import Any

from nicegui import ui
from nicegui.element import Element
from nicegui.events import GenericEventArguments

from ...i18n import Translator
from ..shapes import ShownCard
from ..viewbase import PhoneContext, ScreenContext
from .rules import ItemPoints, PointsResults, Settings, step_size

WHOLE_NUMBER = re.compile(r'\s*([0-9]{1,9})\s*')  # what the field turns into a number; the rules check the rest


def phone(ctx: PhoneContext) -> None:
    tr, budget = ctx.tr, Settings.model_validate(ctx.step.settings).budget
    if not ctx.asks.cards:
        ui.label(tr('points.no_items')).classes('hint')
        return
    size = step_size(budget)
    ui.label(tr('points.explain', budget=budget, size=size)).classes('hint')
    left = ui.label().classes('status-line').props('aria-live=polite data-testid=points-left')
    mine = dict(ctx.mine)
    one_at_a_time = asyncio.Lock()  # a second quick tap counts from what the first stored

    async def store(card_id: int, points: Any) -> None:
        result = await ctx.send({'card': card_id, 'points': points})
        if result is None:  # refused: the status line says why, the fields show what is stored
            cards.reset()
            return
        mine.update(result)
        show()

    async def by_step(card_id: int, direction: int) -> None:
        async with one_at_a_time:
            here, free = mine['points'].get(card_id, 0), mine['left']
            # + gives at most what is left (all of it when less than a step); with nothing left the rules say so
            await store(card_id, here + (min(size, free) if free > 0 else size) if direction > 0
                        else max(here - size, 0))

    async def typed(card_id: int, text: str) -> None:
        async with one_at_a_time:
            number = WHOLE_NUMBER.fullmatch(text)
            await store(card_id, int(number.group(1)) if number else text)

    cards = PointsCards(tr, ctx.asks.cards, size, by_step, typed)

    def show() -> None:
        left.set_text(tr('points.left', count=mine['left'], budget=budget))
        cards.show(mine['points'])
    show()


class PointsCards(Element, component='points_cards.js', default_classes='points-cards'):
    """Each item with its − and + buttons and a field for the amount: one element for all of them."""

    def __init__(self, tr: Translator, cards: tuple[ShownCard, ...], size: int, on_step: Any, on_set: Any) -> None:
        super().__init__()
        self._tr = tr
        self._cards = cards
        self._size = size
        self._on_step = on_step
        self._on_set = on_set
        self._props.update(cards=[], size=size, label=tr('points.field'), prefix=f'points-{self.id}',
                           **{'data-testid': 'points-cards'})
        self.on('step', self._stepped)
        self.on('set', self._set)

    def show(self, points: dict[int, int]) -> None:
        tr, size = self._tr, self._size
        self._props['cards'] = [{'id': card.id, 'text': card.text, 'points': points.get(card.id, 0),
                                 'less_label': tr('points.less', size=size, text=card.text[:60]),
                                 'more_label': tr('points.more', size=size, text=card.text[:60])}
                                for card in self._cards]

    def reset(self) -> None:
        self.run_method('reset')

    async def _stepped(self, event: GenericEventArguments) -> None:
        """[card id, +1 or -1]; anything else is a forged event and ignored (the rules check the card)."""
        if (isinstance(event.args, list) and len(event.args) == 2 and type(event.args[0]) is int
                and event.args[1] in (1, -1) and type(event.args[1]) is int):
            await self._on_step(*event.args)

    async def _set(self, event: GenericEventArguments) -> None:
        """[card id, the text typed]; anything else is a forged event and ignored."""
        if (isinstance(event.args, list) and len(event.args) == 2 and type(event.args[0]) is int
                and isinstance(event.args[1], str)):
            await self._on_set(*event.args)


def screen(ctx: ScreenContext):  # type: ignore[no-untyped-def]
    """The items by total, most points first: rank, text, a bar, and the total, share and mean written out."""
    tr = ctx.tr
    note = ui.label().classes('results-note').props('data-testid=points-respondents')
    container = ui.column().classes('w-full gap-3').props('data-testid=points-results')
    groups = ui.column().classes('w-full gap-1')
    rows: dict[int, tuple[ui.element, ui.label, ui.element, ui.label]] = {}
    order: list[int] = []  # the card ids as the rows stand now

    def build(results: PointsResults) -> None:
        container.clear()
        rows.clear()
        with container:
            for item in results.items:
                with ui.element('div').classes('points-row w-full') \
                        .props(f'data-testid=points-item data-card={item.card.id}') as row:
                    title = ui.label().classes('bar-label')
                    with ui.element('div').classes('bar-track'):
                        bar = ui.element('div').classes('bar-fill')
                    numbers = ui.label().classes('points-numbers').props('data-testid=points-numbers')
                rows[item.card.id] = (row, title, bar, numbers)

    def update(results: PointsResults) -> None:
        ranked = [item.card.id for item in results.items]
        if sorted(ranked) != sorted(rows):
            build(results)
        elif ranked != order:
            for index, card_id in enumerate(ranked):
                rows[card_id][0].move(target_index=index)
        order[:] = ranked
        highest = max((item.total for item in results.items), default=0) or 1
        for rank, item in enumerate(results.items, start=1):
            _, title, bar, numbers = rows[item.card.id]
            title.set_text(f'{rank}. {item.card.text}')
            bar.style(f'width: {max(item.total / highest * 100, 0.5):.1f}%')
            numbers.set_text(numbers_text(tr, item))
        text = tr('results.respondents', count=results.respondents) + ' ' + \
            tr('points.given', points=results.points, budget=results.budget)
        if bool(ctx.step.split_by) and results.hidden_respondents:
            text += ' ' + tr('results.hidden_groups', count=results.hidden_respondents)
        note.set_text(text)
        groups.clear()  # a few short lines, only when the facilitator asked for the split
        if bool(ctx.step.split_by):
            with groups:
                for group in results.groups:
                    ui.label(f'{group.name} ({group.respondents})').classes('group-title')
                    for item in group.items:
                        ui.label(f'{item.card.text}: {numbers_text(tr, item)}')
    return update


def numbers_text(tr: Translator, item: ItemPoints) -> str:
    return tr('points.numbers', total=item.total, share=_decimal(tr, item.share), mean=_decimal(tr, item.mean))


def _decimal(tr: Translator, value: float) -> str:
    return f'{value:g}'.replace('.', tr('points.decimal_mark'))
