"""The demo's points: every resident divides (most of) the budget over two or three items."""
from __future__ import annotations

import random
from typing import Any

from ...models import Participant, Step
from ..shapes import Asks
from .rules import Settings


def actions(step: Step, asks: Asks, people: list[Participant],
            rng: random.Random) -> list[tuple[Participant, dict[str, Any]]]:
    budget = Settings.model_validate(step.settings).budget
    given = []
    for person in people:
        chosen = rng.sample(asks.cards, min(rng.choice([2, 3]), len(asks.cards)))
        weights = [rng.randint(1, 5) for _ in chosen]
        given += [(person, {'card': card.id, 'points': budget * weight // sum(weights)})
                  for card, weight in zip(chosen, weights)]
    return given
