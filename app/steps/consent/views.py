from __future__ import annotations

from typing import Any

from nicegui import ui

from ...widgets.bars import SplitBars
from ...widgets.choices import Choices
from ...widgets.tap import TapButton
from ..viewbase import PhoneContext, ScreenContext
from .rules import ANSWERS, REASON_MAX_LENGTH


def phone(ctx: PhoneContext) -> None:
    for item in ctx.results.get('items', []):
        with ui.element('div').classes('vote-card w-full').props(f'data-testid=consent-item data-card={item["id"]}'):
            if item['id']:
                ui.label(item['text']).classes('vote-card-text')
            _consent_item(ctx, item['id'], ctx.mine.get('answers', {}).get(item['id'], {}))


def _consent_item(ctx: PhoneContext, card_id: int, given: dict[str, str]) -> None:
    tr = ctx.tr
    chosen = {'answer': given.get('answer', '')}

    async def pick(answer: str) -> None:
        mine = await ctx.send({'card': card_id, 'answer': answer, 'reason': reason.value})
        if mine is not None:
            chosen['answer'] = answer
            choices.mark({answer})
            reason_row.set_visibility(answer != 'ja')

    choices = Choices([(answer, tr(f'consent.{answer}')) for answer in ANSWERS], {chosen['answer']}, pick,
                      testid='consent-answer')
    with ui.column().classes('w-full') as reason_row:
        reason = ui.input(tr('consent.reason'), value=given.get('reason', '')) \
            .props(f'maxlength={REASON_MAX_LENGTH} outlined data-testid=consent-reason').classes('w-full')
        TapButton(tr('consent.save_reason'), lambda: pick(chosen['answer']), testid='consent-save-reason',
                  style='outline')
    reason_row.set_visibility(chosen['answer'] in ('ja_maar', 'nee_want'))


def screen(ctx: ScreenContext):  # type: ignore[no-untyped-def]
    container = ui.column().classes('w-full')
    per_item: dict[int, SplitBars] = {}
    labels = {answer: ctx.tr(f'consent.{answer}') for answer in ANSWERS}

    def update(results: dict[str, Any]) -> None:
        if [item['id'] for item in results['items']] != list(per_item):
            container.clear()
            per_item.clear()
            with container:
                for item in results['items']:
                    if item['id']:
                        ui.label(item['text']).classes('results-item')
                    per_item[item['id']] = SplitBars(ctx.tr)
        for item in results['items']:
            per_item[item['id']].show(item, labels, ctx.step.split_by_perspective)
    return update


