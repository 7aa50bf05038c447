"""How a simulated phone votes: its dots on as many different cards."""
from __future__ import annotations

import re
from typing import Any


async def answer(phone: Any, page: Any) -> bool:
    if not (dot_cards := page.first('dot-cards')):
        return False
    left = re.search(r'\d+', page.text(page.first('dots-left')))
    dots = int(left.group()) if left else 1
    cards = [card['id'] for card in page.props(dot_cards)['cards']]
    for card in phone.rng.sample(cards, min(dots, len(cards))):
        if not await phone.act(page, 'dots', page.emit(dot_cards, 'change', card, True), card=card):
            break
    return True
