"""How a simulated phone divides its points: a few taps on + for two or three items, pausing between taps as a
resident weighs them."""
from __future__ import annotations

from typing import Any

PAUSE = (0.3, 1.5)  # seconds between two taps


async def answer(phone: Any, page: Any) -> bool:
    if not (element := page.first('points-cards')):
        return False
    title = phone.title
    cards = [card['id'] for card in page.props(element)['cards']]
    for card in phone.rng.sample(cards, min(phone.rng.choice([2, 3]), len(cards))):
        for _ in range(phone.rng.randint(1, 4)):
            await phone.pause(PAUSE)
            if phone.stopped or phone.title != title:
                return True
            if not await phone.act(page, 'points', page.emit(element, 'step', card, 1), card=card):
                return True
    return True
