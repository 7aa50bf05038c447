"""What the results page and the report show of a workshop: each kind's outcome, the minimum group size, hidden cards
left out, and the cards of one participant."""
from app import demo, outcomes
from app import workshop as workshops
from app.i18n import Translator
from app.steps import KINDS
from app.steps.outcome import StepOutcome, say

from ..kinds import every_kind_workshop


def demo_with_consent():
    """The demo workshop, its consent step answered by four people; returns it and its steps by key."""
    workshop = demo.fill()
    steps = {step.key: step for step in workshops.state(workshop.id).steps}
    workshops.go_to_step(workshop.id, steps['leven'].id)
    asked = workshops.results(steps['leven'].id).items[0].card
    people = [workshops.join(workshop.id, f'demo-{workshop.code}-{number}') for number in range(4)]
    for person, answer in zip(people, ['ja', 'ja_maar', 'nee_want', 'ja']):
        workshops.act(person.id, steps['leven'].id, {'card': asked.id, 'answer': answer})
    return workshop, steps


def test_each_opened_step_says_what_it_came_to(database):
    workshop, steps = demo_with_consent()
    found = outcomes.read(workshop.id)
    by_key = {step.key: outcome for step, outcome in found.steps}
    assert list(by_key) == ['probleem', 'nu', 'ideeen', 'kiezen', 'eigenaar', 'leven']  # info, ordering: nothing
    tr = Translator()
    votes = workshops.results(steps['kiezen'].id).votes
    most = sorted(votes.bars, key=lambda bar: -bar.count)[:5]
    assert [(item.card_id, say(tr, item.figures[0])) for item in by_key['kiezen'].items] == [
        (int(bar.label), f'{bar.count} stippen') for bar in most]  # the top five, most dots first
    mean = round(workshops.results(steps['nu'].id).mean, 1)
    assert say(tr, by_key['nu'].lines[1]) == f'Gemiddeld: {mean:g}'.replace('.', ',')
    assert say(Translator('en'), by_key['nu'].lines[1]) == f'Average: {mean:g}'
    ladder = by_key['eigenaar'].items[0]
    placed = workshops.results(steps['eigenaar'].id).cards[0].summary
    now, desired = int(placed.median_now), placed.median_desired
    assert say(tr, ladder.figures[0]).startswith(f'Nu: trede {now}, {workshop.ladder[now - 1]["label"]}. '
                                                 'Zo moet het worden: ')
    assert say(tr, ladder.figures[0]).endswith(f'trede {int(desired)}, {workshop.ladder[int(desired) - 1]["label"]}.'
                                               if desired == int(desired) else f'en trede {int(desired) + 1}.')
    consent = by_key['leven'].items[0]
    assert (consent.card_id, say(tr, consent.figures[0])) == (ladder.card_id, 'Ja: 2. Ja, maar: 1. Nee, want: 1.')


def test_groups_below_the_minimum_are_not_named(database):
    found = outcomes.read(demo.fill().id)
    assert found.participants == len(demo.RESIDENTS)
    assert found.perspectives == [('Inwoner', 4), ('Cliënt (gebruikt zelf ondersteuning)', 3), ('Mantelzorger', 3)]
    assert found.unnamed == 4  # a professional, a volunteer, a civil servant, and one who said nothing


def test_a_hidden_card_is_nowhere_and_a_participants_cards_are_marked(database):
    workshop = demo.fill()
    steps = {step.key: step for step in workshops.state(workshop.id).steps}
    ideas = workshops.cards_of_step(steps['ideeen'].id)
    workshops.hide_card(ideas[5].id, True)
    workshops.merge_card(ideas[1].id, ideas[0].id)  # the second writer's idea now lives in the first one's
    found = outcomes.read(workshop.id, ideas[1].participant_id)
    assert ideas[5].id not in {item.card_id for _, outcome in found.steps for item in outcome.items}
    assert ideas[0].id in found.mine and ideas[1].id not in found.mine  # (and the problem card they wrote)


def test_every_kind_says_what_it_came_to_even_before_anyone_answered(database):
    """The contract of outcome.py, over a step of every registered kind: a new kind without one fails here."""
    steps = workshops.state(every_kind_workshop().id).steps
    assert {step.kind for step in steps} == set(KINDS)
    for step in steps:
        found = KINDS[step.kind].outcome(step, workshops.results(step.id))
        assert found is None or isinstance(found, StepOutcome), step.kind
