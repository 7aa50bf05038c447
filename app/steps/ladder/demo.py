"""The demo's ladder: every resident places every card, now low on the ladder and desired higher."""
from __future__ import annotations

import random
from typing import Any

from ...models import Participant, Step
from ..shapes import Asks


def actions(step: Step, asks: Asks, people: list[Participant], rng: random.Random) -> list[tuple[Participant, dict[str, Any]]]:
    given = []
    for person in people:
        for card in asks.cards:
            now = rng.choice([0, 0, 1, 1, 2])
            given.append((person, {'card': card.id, 'rung': now}))
            given.append((person, {'card': card.id, 'rung': min(now + rng.choice([1, 2, 3]), 5),
                                   'position': 'gewenst'}))
    return given
