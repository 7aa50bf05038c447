"""The demo's word cloud: what residents say when asked for a word about their neighbourhood, often the same."""
from __future__ import annotations

import random
from typing import Any

from ...models import Participant, Step
from ..shapes import Asks
from .rules import Settings

WORDS = ['Gezellig', 'Rustig', 'Groen', 'Eenzaam', 'Onveilig', 'Buren', 'Huiskamer', 'Te weinig bussen']


def actions(step: Step, asks: Asks, people: list[Participant],
            rng: random.Random) -> list[tuple[Participant, dict[str, Any]]]:
    settings = Settings.model_validate(step.settings)
    words = [word for word in WORDS if len(word) <= settings.max_length]
    return [(person, {'text': word}) for person in people
            for word in rng.sample(words, min(settings.answers, len(words)))]
