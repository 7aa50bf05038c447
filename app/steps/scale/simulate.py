"""How a simulated phone answers a scale: one tap on a value."""
from __future__ import annotations

from typing import Any


async def answer(phone: Any, page: Any) -> bool:
    return await phone.choose_one(page, 'scale-value', 'scale', 'value')
