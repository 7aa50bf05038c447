from __future__ import annotations

import asyncio
from typing import Any

from nicegui import ui

from ...widgets.bars import SplitBars
from ...widgets.choices import Choices
from ...widgets.tap import TapButton
from ...widgets.text_field import TextField
from ..viewbase import PhoneContext, ScreenContext
from .rules import ANSWERS, REASON_MAX_LENGTH, ConsentResults


def phone(ctx: PhoneContext) -> None:
    for card in ctx.asks.cards:
        with ui.element('div').classes('vote-card w-full') \
                .props(f'data-testid=consent-item data-card={card.id}') as container:
            if card.id:
                ui.label(card.text).classes('vote-card-text').props('dir=auto')
            _consent_item(ctx, container, card.id, ctx.mine.get('answers', {}).get(card.id, {}))


def _consent_item(ctx: PhoneContext, container: ui.element, card_id: int, given: dict[str, str]) -> None:
    """The three answers, and a reason field built only once an answer asks for one: a step change builds this
    for every phone in the room, and most answer "ja"."""
    tr = ctx.tr
    chosen = {'answer': given.get('answer', ''), 'reason': given.get('reason', '')}  # as stored
    reason: dict[str, Any] = {}  # 'row' and 'field', once built
    one_at_a_time = asyncio.Lock()  # leaving the field by tapping another answer sends twice: keep their order

    def reason_text() -> str:
        return reason['field'].value if reason else given.get('reason', '')

    async def pick(answer: str) -> None:
        async with one_at_a_time:
            typed = reason_text()
            mine = await ctx.send({'card': card_id, 'answer': answer, 'reason': typed})
        if mine is not None:
            chosen.update(answer=answer, reason=typed)
            choices.mark({answer})
            show_reason()

    async def keep_typed_reason() -> None:
        """Leaving the field stores what was typed there: the reason is never lost for want of a second tap."""
        if reason_text() != chosen['reason']:
            await pick(chosen['answer'])

    def show_reason() -> None:
        needed = chosen['answer'] in ('ja_maar', 'nee_want')
        if needed and not reason:
            with container, ui.column().classes('w-full') as reason['row']:
                reason['field'] = TextField(tr('consent.reason'), max_length=REASON_MAX_LENGTH, testid='consent-reason',
                                            value=given.get('reason', '')).classes('w-full') \
                    .on('blur', keep_typed_reason).on('keydown.enter', lambda: pick(chosen['answer']))
                TapButton(tr('consent.save_reason'), lambda: pick(chosen['answer']), testid='consent-save-reason',
                          style='outline')
        if reason:
            reason['row'].set_visibility(needed)

    choices = Choices([(answer, tr(f'consent.{answer}')) for answer in ANSWERS], {chosen['answer']}, pick,
                      testid='consent-answer')
    show_reason()


def screen(ctx: ScreenContext):  # type: ignore[no-untyped-def]
    container = ui.column().classes('w-full')
    per_item: dict[int, SplitBars] = {}
    labels = {answer: ctx.tr(f'consent.{answer}') for answer in ANSWERS}

    def update(results: ConsentResults) -> None:
        if [item.card.id for item in results.items] != list(per_item):
            container.clear()
            per_item.clear()
            with container:
                for item in results.items:
                    if item.card.id:
                        ui.label(item.card.text).classes('results-item').props('dir=auto')
                    per_item[item.card.id] = SplitBars(ctx.tr)
        for item in results.items:
            per_item[item.card.id].show(item.votes, labels, bool(ctx.step.split_by))
    return update


