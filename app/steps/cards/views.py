from __future__ import annotations

import uuid
from typing import Any

from nicegui import ui

from ...widgets.tap import TapButton
from ...widgets.text_field import TextField
from ..shapes import CardList
from ..viewbase import PhoneContext, ScreenContext
from .rules import MOTIVATION_MAX_LENGTH, Settings

WALL_SIZE = 12  # cards shown on the projector at once, newest first


def phone(ctx: PhoneContext) -> None:
    settings = Settings.model_validate(ctx.step.settings)
    tr = ctx.tr
    ui.label(tr('cards.privacy')).classes('hint')
    request_key = {'value': uuid.uuid4().hex}  # one key per card: a resend after a lost connection is stored once

    def new_card() -> None:  # other words are another card, also when sent before the last one was answered
        request_key['value'] = uuid.uuid4().hex

    what = TextField(ctx.step.title, max_length=settings.max_length, multiline=True, testid='card-text',
                     on_change=new_card).classes('w-full')
    why = TextField(tr('cards.why'), max_length=MOTIVATION_MAX_LENGTH, multiline=True, testid='card-why',
                    on_change=new_card).classes('w-full') if settings.motivation else None
    progress = ui.label().classes('hint').props('data-testid=card-progress')

    def written() -> tuple[str, str]:
        return what.value, why.value if why else ''

    def show_own(mine: dict[str, Any]) -> None:
        own.clear()
        with own:
            for card in mine['cards']:
                ui.label(card['text']).classes('own-card').props('dir=auto data-testid=own-card')
        full = len(mine['cards']) >= settings.max_per_person  # said before a whole card is typed in vain
        progress.set_text(tr('error.card_limit', max=settings.max_per_person) if full else
                          tr('cards.progress', count=len(mine['cards']), max=settings.max_per_person))
        for field in (what, why) if why else (what,):
            field.set_enabled(not full)
        send.props['disabled'] = full

    async def submit() -> None:
        sent = written()
        mine = await ctx.send({'text': sent[0], 'motivation': sent[1], 'request_key': request_key['value']})
        if mine is not None:
            if written() == sent:  # else the resident is already writing the next card: keep it
                what.value = ''
                if why:
                    why.value = ''
            show_own(mine)

    send = TapButton(tr('cards.send'), submit, testid='send-card').classes('big-button')
    own = ui.column().classes('w-full gap-1')  # below the button: a new card does not push it out of view
    show_own(ctx.mine)


def screen(ctx: ScreenContext):  # type: ignore[no-untyped-def]
    return card_wall(ctx)


def card_wall(ctx: ScreenContext):  # type: ignore[no-untyped-def]
    """The newest cards, with what was merged into them; shared with the ordering step."""
    count = ui.label().classes('results-note')
    wall = ui.element('div').classes('card-wall')
    shown: list[tuple[int, int]] = []

    def update(results: CardList) -> None:
        count.set_text(ctx.tr('cards.count', count=len(results.cards)))
        newest = list(reversed(results.cards))[:WALL_SIZE]
        signature = [(card.id, len(card.merged)) for card in newest]
        if signature == shown:
            return
        shown[:] = signature
        wall.clear()
        with wall:
            for card in newest:
                with ui.element('div').classes('wall-card').props('data-testid=wall-card'):
                    ui.label(card.text).classes('wall-text').props('dir=auto')
                    if card.motivation:
                        ui.label(card.motivation).classes('wall-why').props('dir=auto')
                    if card.merged:
                        ui.label(ctx.tr('cards.merged', count=len(card.merged))).classes('wall-why')
    return update
