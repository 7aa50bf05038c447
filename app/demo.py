"""A filled sample workshop, so a newcomer sees a live screen without gathering twenty people.

Everything goes through the same rules a phone uses (join, act), against the database the server uses. Each step
kind brings its own demo answers; the demo walks the default plan up to its dot vote and opens there, with the
results revealed and split by perspective, and then fills the step after it too (the ladder) for its screen."""
from __future__ import annotations

import json
import random
import secrets

from . import accounts, feedback, plans, table_hosts
from . import workshop as workshops
from .config import settings
from .steps import kind_of
from .steps.kind import DOT_VOTE, SHOWS_RESULTS

DEMO_ACCOUNT = 'demo'
RESIDENTS = [  # (perspective, nickname)
    ('Inwoner', 'Ans'), ('Inwoner', ''), ('Inwoner', 'Mehmet'), ('Inwoner', ''),
    ('Mantelzorger', 'Gerda'), ('Mantelzorger', ''), ('Mantelzorger', 'Kees'),
    ('Cliënt (gebruikt zelf ondersteuning)', 'Fatima'), ('Cliënt (gebruikt zelf ondersteuning)', ''),
    ('Cliënt (gebruikt zelf ondersteuning)', 'Wim'),
    ('Professional (wijkteam, cliëntondersteuner)', 'Sanne'), ('Vrijwilliger', ''), ('Gemeente', 'Jeroen'),
    ('', ''),
]


def fill(owner_id: int | None = None) -> workshops.Workshop:
    rng = random.Random(7)
    workshop = workshops.create(plans.load(plans.DEFAULT_PLAN), title='Demo: ondersteuning in de wijk',
                                municipality='Voorbeeldgemeente', place='Buurthuis De Linde',
                                facilitator='Demo', owner_id=owner_id)
    workshops.open_for_joining(workshop.id)
    people = [workshops.join(workshop.id, f'demo-{workshop.code}-{number}', nickname=nickname,
                             perspective=perspective) for number, (perspective, nickname) in enumerate(RESIDENTS)]
    steps = workshops.state(workshop.id).steps
    vote = next(index for index, step in enumerate(steps) if kind_of(step.kind).has(DOT_VOTE))
    voted_on = kind_of(steps[vote].kind).card_source(steps[vote])
    for index, step in enumerate(steps[:vote + 2]):
        kind = kind_of(step.kind)
        if kind.demo is None:
            continue
        workshops.go_to_step(workshop.id, step.id)
        for person, action in kind.demo(step, workshops.asks(step.id), people, rng):
            workshops.act(person.id, step.id, action)
        if step.key == voted_on:
            workshops.lock_step(step.id, True)  # the cards are in: the vote and the ladder work on them
        if index > vote and kind.has(SHOWS_RESULTS):
            workshops.show_results(step.id, True)
    workshops.go_to_step(workshop.id, steps[vote].id)
    workshops.show_results(steps[vote].id, True)
    workshops.split_results(steps[vote].id, 'perspective')
    return workshop


def main(*, as_json: bool = False) -> None:
    password = secrets.token_urlsafe(12)
    workshop = fill(accounts.ensure(DEMO_ACCOUNT, password).id)
    helper = table_hosts.add(workshop.id, 'Hanna', 'Tafel 1')  # its link exists only now: a hash is stored
    base = settings().effective_public_url
    links = {'code': workshop.code, 'host_url': f'{base}/host/{workshop.host_token}',
             'screen_url': f'{base}/s/{workshop.screen_token}', 'join_url': f'{base}/w/{workshop.join_token}',
             'results_url': feedback.results_url(workshop.id), 'helper_url': table_hosts.address(helper.token),
             'facilitator': DEMO_ACCOUNT, 'password': password}
    if as_json:
        print(json.dumps(links))
        return
    print(f'Demo workshop {links["code"]} is ready.')
    print(f'  Facilitator: {links["host_url"]}')
    print(f'  Screen:      {links["screen_url"]}')
    print(f'  Join:        {links["join_url"]}')
    print(f'  Results:     {links["results_url"]}')
    print(f'  Table host:  {links["helper_url"]} (Hanna, Tafel 1)')
    print(f'Sign in as facilitator "{DEMO_ACCOUNT}" with password {password} (new on every demo run).')
