"""The demo's scale answers: mostly in the middle, a little below it."""
from __future__ import annotations

import random
from typing import Any

from ...models import Participant, Step
from ..shapes import Asks
from .rules import Settings


def actions(step: Step, asks: Asks, people: list[Participant], rng: random.Random) -> list[tuple[Participant, dict[str, Any]]]:
    values = Settings.model_validate(step.settings).values()
    middle = values[len(values) // 2]
    return [(person, {'value': rng.choice([value for value in values if abs(value - middle) <= 1 or value < middle])})
            for person in people]
