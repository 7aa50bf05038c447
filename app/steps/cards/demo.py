"""The demo's cards: problems in one sentence, or ideas with their motivation when the step asks for one."""
from __future__ import annotations

import random
from typing import Any

from ...models import Participant, Step
from ..shapes import Asks
from .rules import Settings

PROBLEMS = [
    'Ik weet niet waar ik met mijn vraag heen moet.',
    'Het duurt maanden voor er iemand langskomt.',
    'De brieven van de gemeente zijn moeilijk te lezen.',
    'Mantelzorgers raken overbelast en niemand ziet het.',
    'Er is geen plek in de wijk om elkaar te ontmoeten.',
]
IDEAS = [
    ('Eén loket in de wijk waar je zonder afspraak binnenloopt', 'Dan hoef ik niet te zoeken wie ik moet bellen.'),
    ('Brieven in gewone taal, samen met inwoners geschreven', 'Nu begrijp ik vaak niet wat er van mij verwacht wordt.'),
    ('Een vaste contactpersoon per gezin', 'Ik wil niet steeds opnieuw mijn verhaal vertellen.'),
    ('Respijtzorg die je makkelijk kunt regelen', 'Mantelzorgers hebben ook rust nodig.'),
    ('Een huiskamer in de wijk, open voor iedereen', 'Zo leer je buren kennen die kunnen helpen.'),
    ('Ervaringsdeskundigen in het wijkteam', 'Zij weten hoe het echt is.'),
]


def actions(step: Step, asks: Asks, people: list[Participant], rng: random.Random) -> list[tuple[Participant, dict[str, Any]]]:
    if Settings.model_validate(step.settings).motivation:
        return [(person, {'text': text, 'motivation': why}) for person, (text, why) in zip(people, IDEAS)]
    return [(person, {'text': PROBLEMS[number % len(PROBLEMS)]}) for number, person in enumerate(people[:10])]
