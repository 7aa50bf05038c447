"""The demo's dot vote: every resident puts their dots on different cards."""
from __future__ import annotations

import random
from typing import Any

from ...models import Participant, Step
from ..shapes import Asks
from .rules import Settings


def actions(step: Step, asks: Asks, people: list[Participant], rng: random.Random) -> list[tuple[Participant, dict[str, Any]]]:
    dots = Settings.model_validate(step.settings).dots
    return [(person, {'card': card.id}) for person in people
            for card in rng.sample(asks.cards, min(dots, len(asks.cards)))]
