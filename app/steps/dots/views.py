from __future__ import annotations

from typing import Any

from nicegui import ui
from nicegui.element import Element
from nicegui.events import GenericEventArguments

from ...i18n import Translator
from ...widgets.bars import SplitBars
from ..shapes import ShownCard
from ..viewbase import PhoneContext, ScreenContext
from .rules import DotResults


def phone(ctx: PhoneContext) -> None:
    tr = ctx.tr
    left = ui.label().classes('status-line').props('data-testid=dots-left')

    async def change(card_id: int, add: bool) -> None:
        mine = await ctx.send({'card': card_id, 'add': add})
        if mine is not None:
            show(mine)

    cards = DotCards(tr, ctx.asks.cards, change)

    def show(mine: dict[str, Any]) -> None:
        left.set_text(tr('dots.left', count=mine['left']))
        cards.show(mine['per_card'])
    show(ctx.mine)


class DotCards(Element, component='dot_cards.js', default_classes='dot-cards'):
    """Each card with its add and remove buttons and the dots this participant gave it: one element for all."""

    def __init__(self, tr: Translator, cards: tuple[ShownCard, ...], on_change: Any) -> None:
        super().__init__()
        self._tr = tr
        self._cards = cards
        self._on_change = on_change
        self._props.update(add=tr('dots.add'), remove=tr('dots.remove'), cards=[], **{'data-testid': 'dot-cards'})
        self.on('change', self._changed)

    def show(self, per_card: dict[int, int]) -> None:
        tr = self._tr
        self._props['cards'] = [{'id': card.id, 'text': card.text,
                                 'add_label': tr('dots.add_to', text=card.text[:60]),
                                 'remove_label': tr('dots.remove_from', text=card.text[:60]),
                                 'given': '●' * per_card.get(card.id, 0) + ' ' +
                                          tr('dots.on_card', count=per_card.get(card.id, 0))}
                                for card in self._cards]

    async def _changed(self, event: GenericEventArguments) -> None:
        """[card id, add]; anything else is a forged event and ignored (the rules check the card)."""
        if (isinstance(event.args, list) and len(event.args) == 2 and type(event.args[0]) is int
                and type(event.args[1]) is bool):
            await self._on_change(*event.args)


def screen(ctx: ScreenContext):  # type: ignore[no-untyped-def]
    bars = SplitBars(ctx.tr)

    def update(results: DotResults) -> None:
        labels = {str(card.id): card.text for card in results.cards}
        bars.show(results.votes, labels, bool(ctx.step.split_by), sort=True)
    return update
