"""How a simulated phone answers a poll: one tap on an option."""
from __future__ import annotations

from typing import Any


async def answer(phone: Any, page: Any) -> bool:
    return await phone.choose_one(page, 'poll-option', 'poll', 'option')
