"""The ladder on the phone (tap a card, then a rung) and on the screen (the ladder drawn large, updated in place)."""
from __future__ import annotations

from typing import Any

from nicegui import ui
from nicegui.elements.mixins.text_element import TextElement

from ...widgets.choices import Choices
from ..viewbase import PhoneContext, ScreenContext
from .rules import LadderResults, Settings
from .summary import CardSummary

AGREEMENT_SPREAD = 1  # an interquartile range of at most one rung: the room mostly agrees


def phone(ctx: PhoneContext) -> None:
    """One card at a time: choose the card, (now or desired,) then the rung. Taps only, one hand, 360 px."""
    tr, settings = ctx.tr, Settings.model_validate(ctx.step.settings)
    cards = ctx.asks.cards
    if not cards:
        ui.label(tr('ladder.no_cards')).classes('hint')
        return
    rungs = [(index, f'{index + 1}. {rung["label"]}') for index, rung in enumerate(ctx.workshop.ladder)][::-1]
    mine = dict(ctx.mine)
    positions = settings.positions()
    card_ids = [card.id for card in cards]

    def done(card_id: int) -> bool:
        return set(positions) <= set(mine['placements'].get(card_id, {}))

    def next_unplaced(after: int) -> int:
        """The first card after this one (round the list) that is not placed yet; this one if all are."""
        start = card_ids.index(after) + 1
        return next((card_id for card_id in card_ids[start:] + card_ids[:start] if not done(card_id)), after)

    chosen = {'card': next_unplaced(card_ids[-1]), 'position': positions[0]}
    progress = ui.label().classes('status-line').props('data-testid=ladder-progress')
    ui.label(tr('ladder.choose_card')).classes('hint')
    card_choices = Choices([(card.id, card.text) for card in cards], {chosen['card']},
                           lambda card_id: pick_card(card_id), testid='ladder-card')
    position_choices = Choices([(name, tr(f'ladder.{name}')) for name in settings.positions()], {'nu'},
                               lambda position: pick_position(position), testid='ladder-position', row=True) \
        if settings.two_positions else None
    question = ui.label().classes('question')
    rung_choices = Choices(rungs, set(), lambda rung: place(rung), testid='ladder-rung')
    # a native <details>: opens without a server round trip and costs three elements, not a Quasar expansion's
    with ui.element('details').classes('rung-explanations').props('data-testid=ladder-explanations'):
        TextElement(tag='summary', text=tr('ladder.explanations'))
        ui.label('\n'.join(f'{index + 1}. {rung["label"]}: {rung["explanation"]}'
                           for index, rung in reversed(list(enumerate(ctx.workshop.ladder))))).classes('hint')

    def show() -> None:
        card = next(card for card in cards if card.id == chosen['card'])
        given = mine['placements'].get(card.id, {})
        progress.set_text(tr('ladder.progress', placed=mine['placed'], total=mine['total']))
        card_choices.relabel([(card.id, tr('ladder.placed_card', text=card.text) if done(card.id) else card.text)
                              for card in cards])
        card_choices.mark({card.id})
        if position_choices is not None:
            position_choices.mark({chosen['position']})
        question.set_text(tr(f'ladder.question_{chosen["position"]}', text=card.text))
        rung_choices.mark({given.get(chosen['position'])})

    async def pick_card(card_id: int) -> None:
        chosen.update(card=card_id, position='nu')
        show()

    async def pick_position(position: str) -> None:
        chosen['position'] = position
        show()

    async def place(rung: int) -> None:
        placed = dict(chosen)
        result = await ctx.send({'card': placed['card'], 'position': placed['position'], 'rung': rung})
        if result is None:
            return
        mine.update(result)
        if chosen == placed:  # else the resident already tapped another card or position while this was saved
            following = positions.index(placed['position']) + 1
            if following < len(positions):  # on to "gewenst" for the same card
                chosen['position'] = positions[following]
            else:
                chosen.update(card=next_unplaced(placed['card']), position=positions[0])
        show()

    show()


def screen(ctx: ScreenContext):  # type: ignore[no-untyped-def]
    """Rungs top to bottom, a column per card: how many placed it where (numbers, not colour), the medians
    marked with a symbol, and under each card its gap as an arrow and the spread in words."""
    tr = ctx.tr
    ladder = ctx.workshop.ladder
    note = ui.label().classes('results-note').props('data-testid=ladder-respondents')  # also holds the placements
    table = ui.element('table').classes('ladder-table').props('data-testid=ladder')
    legend = ui.label(tr('ladder.legend')).classes('hint')
    groups = ui.column().classes('w-full gap-1')
    cells: dict[tuple[int, int], ui.label] = {}
    footers: dict[int, ui.label] = {}
    built: list[Any] = []

    def build(results: LadderResults) -> None:
        table.clear()
        cells.clear()
        footers.clear()
        with table:
            with ui.element('tr'):
                ui.element('th').props('scope=col')
                for item in results.cards:
                    with ui.element('th').props('scope=col'):
                        ui.label(item.card.text).classes('ladder-card-title').props('dir=auto')
            for index in reversed(range(len(ladder))):
                with ui.element('tr'):
                    with ui.element('th').props('scope=row'):
                        ui.label(f'{index + 1}. {ladder[index]["label"]}')
                    for item in results.cards:
                        with ui.element('td'):
                            cells[item.card.id, index] = ui.label().props(f'data-testid=ladder-cell '
                                                                          f'data-card={item.card.id} data-rung={index}')
            with ui.element('tr'):
                ui.element('th')
                for item in results.cards:
                    with ui.element('td'):
                        footers[item.card.id] = ui.label().classes('ladder-footer') \
                            .props(f'data-testid=ladder-summary data-card={item.card.id}')

    def update(results: LadderResults) -> None:
        signature = [item.card.id for item in results.cards]
        if signature != built:
            built[:] = signature
            build(results)
        two = results.two_positions
        note.set_text(tr('results.respondents', count=results.respondents))
        note.props['data-placements'] = results.placements  # for tests and the bench: one small update
        legend.set_visibility(bool(results.cards))
        for item in results.cards:
            for index in range(len(ladder)):
                cells[item.card.id, index].set_text(cell_text(tr, item.summary, index, two))
            footers[item.card.id].set_text(summary_text(tr, item.summary, two))
        groups.clear()  # a few short lines, only when the facilitator asked for the split
        if bool(ctx.step.split_by):
            with groups:
                for group in results.groups:
                    ui.label(group.name).classes('group-title')
                    for item in results.cards:
                        ui.label(f'{item.card.text}: {summary_text(tr, group.cards[item.card.id], two)}') \
                            .props('dir=auto')
                if results.hidden_respondents:
                    ui.label(tr('results.hidden_groups', count=results.hidden_respondents)).classes('hint')
    return update


def console(ctx: ScreenContext):  # type: ignore[no-untyped-def]
    """For the facilitator: how far the room is, and one card at a time to talk about."""
    tr, ladder = ctx.tr, ctx.workshop.ladder
    progress = ui.label().classes('status-line').props('data-testid=ladder-console-progress')
    ui.label(tr('ladder.discuss')).classes('section-title')
    chosen: dict[str, Any] = {'card': None, 'results': None}  # the card discussed, the latest LadderResults
    picker = ui.select({}, label=tr('ladder.discuss_card'), on_change=lambda event: show(card=event.value)) \
        .props('outlined dense data-testid=ladder-discuss').classes('w-full')
    focus = ui.column().classes('w-full gap-1 discussion').props('data-testid=ladder-discussion')

    def show(results: LadderResults | None = None, card: int | None = None) -> None:
        results = chosen['results'] = results or chosen['results']
        cards = {item.card.id: item for item in results.cards}
        if card in cards:
            chosen['card'] = card
        elif chosen['card'] not in cards:
            chosen['card'] = next(iter(cards), None)
        picker.set_options({card_id: item.card.text for card_id, item in cards.items()}, value=chosen['card'])
        progress.set_text(tr('ladder.console_progress', people=results.respondents, placements=results.placements))
        focus.clear()
        if chosen['card'] is None:
            return
        item, two = cards[chosen['card']], results.two_positions
        with focus:
            ui.label(item.card.text).classes('question').props('dir=auto')
            ui.label(summary_text(tr, item.summary, two))
            for index in reversed(range(len(ladder))):
                ui.label(f'{index + 1}. {ladder[index]["label"]}: {cell_text(tr, item.summary, index, two)}')
    return lambda results: show(results)


def _at(median: float | None, index: int) -> bool:
    return median is not None and round(median - 1) == index  # medians count rungs from 1


def cell_text(tr: Any, card: CardSummary, index: int, two: bool) -> str:
    now = f'{"● " if _at(card.median_now, index) else ""}{card.counts_now[index]}'
    if not two:
        return now
    desired = f'{"★ " if _at(card.median_desired, index) else ""}{card.counts_desired[index]}'
    return tr('ladder.cell', now=now, desired=desired)


def summary_text(tr: Any, card: CardSummary, two: bool) -> str:
    if card.median_now is None:
        return tr('ladder.nothing_yet')
    parts = [tr('ladder.median_now', rung=f'{card.median_now:g}')]
    if two and card.median_desired is not None:
        parts.append(tr('ladder.median_desired', rung=f'{card.median_desired:g}'))
        gap = card.gap
        parts.append(tr('ladder.gap_up' if gap > 0 else 'ladder.gap_down' if gap < 0 else 'ladder.gap_none',
                        steps=f'{abs(gap):g}'))
    parts.append(tr('ladder.agree' if card.spread_now <= AGREEMENT_SPREAD else 'ladder.disagree'))
    return ' · '.join(parts)
