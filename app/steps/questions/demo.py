"""The demo's questions: a few residents ask one each, and everyone votes for two questions of others."""
from __future__ import annotations

import random
from typing import Any

from ...models import Participant, Step
from ..shapes import Asks

QUESTIONS = [
    'Wanneer horen we wat de gemeente met onze ideeën doet?',
    'Kan ik ook meedoen als ik niet naar de avonden kan komen?',
    'Wie betaalt de huiskamer in de wijk?',
]


def actions(step: Step, asks: Asks, people: list[Participant],
            rng: random.Random) -> list[tuple[Participant, dict[str, Any]]]:
    """Questions asked now; votes on the questions the step already shows (the demo is played in one go), by those
    who ask none: nobody votes for their own question."""
    asked = [(person, {'text': text}) for person, text in zip(people, QUESTIONS)]
    votes = [(person, {'card': card.id}) for person in people[len(QUESTIONS):]
             for card in rng.sample(asks.cards, min(2, len(asks.cards)))]
    return asked + votes
