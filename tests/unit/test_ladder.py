"""The ladder step kind: placements on a real database, and the aggregation's edge cases."""
from statistics import median

import pytest

from app import plans
from app import workshop as workshops
from app.steps.base import DomainError
from app.steps.ladder.summary import summarize


@pytest.fixture
def ladder(database):
    """An open workshop at its ladder step, with three ideas of which the top 3 by dots are placed."""
    workshop = workshops.create(plans.load(plans.DEFAULT_PLAN))
    workshops.open_for_joining(workshop.id)
    steps = {step.key: step for step in workshops.state(workshop.id).steps}
    author = workshops.join(workshop.id, 'author')
    workshops.go_to_step(workshop.id, steps['ideeen'].id)
    for text in ('buurthuis', 'loket', 'brieven', 'respijt'):
        workshops.act(author.id, steps['ideeen'].id, {'text': text})
    workshops.go_to_step(workshop.id, steps['kiezen'].id)
    cards = [card.id for card in workshops.asks(steps['kiezen'].id).cards]
    workshops.act(author.id, steps['kiezen'].id, {'card': cards[3]})
    workshops.go_to_step(workshop.id, steps['eigenaar'].id)
    return workshop, steps['eigenaar'], cards


def person(workshop, name, perspective=''):
    return workshops.join(workshop.id, f'browser-{name}', perspective=perspective)


def test_the_top_cards_by_dots_are_placed(ladder):
    _, step, cards = ladder
    assert [card.id for card in workshops.asks(step.id).cards] == [cards[3], cards[0], cards[1]]


def test_placing_changing_and_taking_back_count_once(ladder):
    workshop, step, cards = ladder
    ans = person(workshop, 'ans')
    workshops.act(ans.id, step.id, {'card': cards[3], 'rung': 1})
    mine = workshops.act(ans.id, step.id, {'card': cards[3], 'rung': 4})
    assert mine['placements'] == {cards[3]: {'nu': 4}} and mine['placed'] == 0  # "gewenst" still missing
    mine = workshops.act(ans.id, step.id, {'card': cards[3], 'rung': 5, 'position': 'gewenst'})
    assert mine['placed'] == 1 and mine['total'] == 3
    card = workshops.results(step.id).cards[0].summary
    assert card.counts_now == [0, 0, 0, 0, 1, 0] and card.counts_desired == [0, 0, 0, 0, 0, 1]
    assert (card.median_now, card.median_desired, card.gap) == (5, 6, 1)
    mine = workshops.act(ans.id, step.id, {'card': cards[3], 'rung': None, 'position': 'gewenst'})
    assert mine['placements'] == {cards[3]: {'nu': 4}}


@pytest.mark.parametrize('action', [
    {'card': 'x', 'rung': 1}, {'rung': 1}, {'card': 0, 'rung': 1}, {'card': None, 'rung': 1},
    {'card': 'CARD', 'rung': 6}, {'card': 'CARD', 'rung': -1}, {'card': 'CARD', 'rung': True},
    {'card': 'CARD', 'rung': 1, 'position': 'later'}, {'card': 'NOT_CHOSEN', 'rung': 1}])
def test_bad_placements_are_refused(ladder, action):
    workshop, step, cards = ladder
    action = {**action, 'card': {'CARD': cards[3], 'NOT_CHOSEN': cards[2]}.get(action.get('card'), action.get('card'))}
    with pytest.raises(DomainError):
        workshops.act(person(workshop, 'ans').id, step.id, action)


def test_locked_ladder_refuses_a_late_change(ladder):
    workshop, step, cards = ladder
    ans = person(workshop, 'ans')
    workshops.act(ans.id, step.id, {'card': cards[3], 'rung': 2})
    workshops.lock_step(step.id, True)
    with pytest.raises(DomainError) as caught:
        workshops.act(ans.id, step.id, {'card': cards[3], 'rung': 5})
    assert caught.value.key == 'error.step_locked'
    assert workshops.results(step.id).cards[0].summary.counts_now[2] == 1


def test_results_equal_an_independent_computation_and_hide_small_groups(ladder):
    workshop, step, cards = ladder
    given = {('Inwoner', 0): 1, ('Inwoner', 1): 2, ('Inwoner', 2): 2, ('Mantelzorger', 3): 5}
    for (perspective, number), rung in given.items():
        workshops.act(person(workshop, f'p{number}', perspective).id, step.id, {'card': cards[3], 'rung': rung})
    results = workshops.results(step.id)
    card = results.cards[0].summary
    assert card.counts_now == [sum(1 for rung in given.values() if rung == index) for index in range(6)]
    assert card.median_now == median(rung + 1 for rung in given.values())
    assert [group.name for group in results.groups] == ['Inwoner']
    assert results.groups[0].cards[cards[3]].median_now == 3
    assert results.hidden_respondents == 1 and results.respondents == 4


def test_summary_without_placements_lists_the_cards_empty():
    [card] = summarize([], rungs=6, card_ids=[9])
    assert card.counts_now == [0] * 6
    assert (card.median_now, card.median_desired, card.gap, card.spread_now) == (None, None, None, None)


def test_summary_of_one_participant_has_no_spread():
    [card] = summarize([(9, 0, 2), (9, 1, 4)], rungs=6)
    assert (card.median_now, card.median_desired, card.gap, card.spread_now) == (3, 5, 2, 0)


def test_summary_of_a_tie_takes_the_middle_of_the_two():
    [card] = summarize([(9, 0, 0), (9, 0, 5)], rungs=6)
    assert card.median_now == 3.5
    assert card.spread_now == 2.5  # interquartile range (inclusive quartiles 2.25 and 4.75): far apart


def test_summary_with_only_now_given_has_no_gap():
    [card] = summarize([(9, 0, 1), (9, 0, 2), (9, 0, 2)], rungs=6)
    assert card.median_desired is None and card.gap is None and card.counts_desired == [0] * 6
