"""How a simulated phone writes a card."""
from __future__ import annotations

from typing import Any

IDEAS = ['een huiskamer in de wijk', 'brieven in gewone taal', 'één vast aanspreekpunt', 'respijtzorg zonder gedoe',
         'ervaringsdeskundigen in het wijkteam', 'een buurtbus naar het gezondheidscentrum']


async def answer(phone: Any, page: Any) -> bool:
    if not phone.writes_cards or not (field := page.first('card-text')):
        return False
    card = f'Idee van {phone.nickname}: {phone.rng.choice(IDEAS)}'
    await page.type(field, card)
    await phone.act(page, 'cards', page.click(page.first('send-card')), text=card)
    return True
