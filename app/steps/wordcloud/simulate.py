"""How a simulated phone fills the word cloud: one answer or a few, from a short list the room shares."""
from __future__ import annotations

from typing import Any

from .demo import WORDS


async def answer(phone: Any, page: Any) -> bool:
    if not (field := page.first('wordcloud-text')):
        return False
    for word in phone.rng.sample(WORDS, phone.rng.randint(1, 3)):
        await page.type(field, word)
        if not await phone.act(page, 'wordcloud', page.click(page.first('wordcloud-send')), text=word):
            break
    return True
