"""A filled sample workshop, so a newcomer sees a live screen without gathering twenty people.

Everything goes through the same rules a phone uses (join, act), against the database the server uses."""
from __future__ import annotations

import json
import random
import secrets

from . import accounts, feedback, plans
from . import workshop as workshops
from .config import settings
from .models import Step

DEMO_ACCOUNT = 'demo'
RESIDENTS = [  # (perspective, nickname)
    ('Inwoner', 'Ans'), ('Inwoner', ''), ('Inwoner', 'Mehmet'), ('Inwoner', ''),
    ('Mantelzorger', 'Gerda'), ('Mantelzorger', ''), ('Mantelzorger', 'Kees'),
    ('Cliënt (gebruikt zelf ondersteuning)', 'Fatima'), ('Cliënt (gebruikt zelf ondersteuning)', ''),
    ('Cliënt (gebruikt zelf ondersteuning)', 'Wim'),
    ('Professional (wijkteam, cliëntondersteuner)', 'Sanne'), ('Vrijwilliger', ''), ('Gemeente', 'Jeroen'),
    ('', ''),
]
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


def fill(owner_id: int | None = None) -> workshops.Workshop:
    rng = random.Random(7)
    workshop = workshops.create(plans.load(plans.DEFAULT_PLAN), title='Demo: ondersteuning in de wijk',
                                municipality='Voorbeeldgemeente', place='Buurthuis De Linde',
                                facilitator='Demo', owner_id=owner_id)
    workshops.open_for_joining(workshop.id)
    people = [workshops.join(workshop.id, f'demo-{workshop.code}-{number}', nickname=nickname,
                             perspective=perspective) for number, (perspective, nickname) in enumerate(RESIDENTS)]
    steps = {step.key: step for step in workshops.state(workshop.id).steps}

    def at(key: str) -> Step:
        workshops.go_to_step(workshop.id, steps[key].id)
        return steps[key]

    step = at('probleem')
    for number, person in enumerate(people[:10]):
        workshops.act(person.id, step.id, {'text': PROBLEMS[number % len(PROBLEMS)]})
    step = at('nu')
    for person in people:
        workshops.act(person.id, step.id, {'value': rng.choice([1, 2, 2, 3, 3, 4])})
    step = at('ideeen')
    for person, (text, why) in zip(people, IDEAS):
        workshops.act(person.id, step.id, {'text': text, 'motivation': why})
    workshops.lock_step(step.id, True)
    step = at('kiezen')
    cards = workshops.results(step.id)['cards']
    for person in people:
        for card in rng.sample(cards, 3):
            workshops.act(person.id, step.id, {'card': card['id']})
    ladder = at('eigenaar')
    for person in people:
        for card in workshops.results(ladder.id)['cards']:
            now = rng.choice([0, 0, 1, 1, 2])
            workshops.act(person.id, ladder.id, {'card': card['id'], 'rung': now})
            workshops.act(person.id, ladder.id, {'card': card['id'], 'rung': min(now + rng.choice([1, 2, 3]), 5),
                                                 'position': 'gewenst'})
    workshops.show_results(ladder.id, True)
    at('kiezen')  # the demo opens on the dot vote, with its results on the screen
    workshops.show_results(step.id, True)
    workshops.split_by_perspective(step.id, True)
    return workshop


def main(*, as_json: bool = False) -> None:
    password = secrets.token_urlsafe(12)
    workshop = fill(accounts.ensure(DEMO_ACCOUNT, password).id)
    base = settings().effective_public_url
    links = {'code': workshop.code, 'host_url': f'{base}/host/{workshop.host_token}',
             'screen_url': f'{base}/s/{workshop.screen_token}', 'join_url': f'{base}/w/{workshop.join_token}',
             'results_url': feedback.results_url(workshop.id), 'facilitator': DEMO_ACCOUNT, 'password': password}
    if as_json:
        print(json.dumps(links))
        return
    print(f'Demo workshop {links["code"]} is ready.')
    print(f'  Facilitator: {links["host_url"]}')
    print(f'  Screen:      {links["screen_url"]}')
    print(f'  Join:        {links["join_url"]}')
    print(f'  Results:     {links["results_url"]}')
    print(f'Sign in as facilitator "{DEMO_ACCOUNT}" with password {password} (new on every demo run).')
