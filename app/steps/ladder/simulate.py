"""How a simulated phone places every card on the ladder: tap the card, then a rung, for "nu" and — when
asked — "gewenst", pausing between placements as a resident reads a card and chooses."""
from __future__ import annotations

import asyncio
from typing import Any

from .rules import POSITIONS

PAUSE = (0.5, 2.5)  # seconds between two placements: reading a card, choosing a rung


async def answer(phone: Any, page: Any) -> bool:
    if not page.options('ladder-card'):
        return False
    title = phone.title
    for card in page.options('ladder-card'):
        for position in [value for _, value in page.options('ladder-position')] or ['nu']:
            await phone.pause(PAUSE)
            if phone.stopped or phone.title != title:
                return True
            await phone.tap(page, page.pick(card))
            if (chosen := page.options('ladder-position')) and page.props(chosen[0][0])['selected'] != [position]:
                await phone.tap(page, page.pick(next(option for option in chosen if option[1] == position)))
            rung = phone.rng.choice(page.options('ladder-rung'))
            if not await phone.act(page, 'ladder', page.pick(rung), card=card[1], position=position,
                                   slot=POSITIONS[position], rung=rung[1]):
                return True
    return True
