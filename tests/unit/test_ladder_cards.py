"""A ladder with its own cards: listed in the plan, typed by the facilitator, or from an Excel list."""
import pytest
from sqlmodel import select

from app import db, plans
from app import workshop as workshops
from app.export import intake
from app.models import Answer, Card
from app.steps.base import DomainError
from app.text import TextError

from .test_intake import xlsx

LADDER = {'key': 'eigen', 'kind': 'ladder', 'title': 'Wie wordt eigenaar?'}
INFO = {'key': 'welkom', 'kind': 'info', 'title': 'Welkom'}
LADDER_RUNGS = [{'label': f'Trede {number}'} for number in range(1, 4)]


def plan(*steps):
    return plans.parse({'title': 'Buurt', 'perspectives': ['Inwoner'], 'ladder': LADDER_RUNGS,
                        'steps': [INFO, *steps]}, 'buurt.toml')


def stored_cards(step_id):
    with db.reading() as session:
        return list(session.exec(select(Card).where(Card.step_id == step_id).order_by(Card.id)))


def open_at_ladder(plan_):
    """An open workshop from the plan, at its ladder step."""
    workshop = workshops.create(plan_)
    workshops.open_for_joining(workshop.id)
    info, ladder = workshops.state(workshop.id).steps
    workshops.go_to_step(workshop.id, ladder.id)
    return workshop, info, ladder


@pytest.fixture
def own_ladder(database):
    return open_at_ladder(plan({**LADDER, 'cards': ['Buurthuis open houden', 'Eén loket']}))


def texts(step_id):
    return [card.text for card in workshops.asks(step_id).cards]


def test_plan_listed_cards_are_seeded_as_the_ladders_own(own_ladder):
    _, _, ladder = own_ladder
    assert texts(ladder.id) == ['Buurthuis open houden', 'Eén loket']
    assert {(card.origin, card.participant_id) for card in stored_cards(ladder.id)} == {('plan', None)}


def test_a_ladder_without_cards_from_and_without_cards_starts_empty(database):
    _, _, ladder = open_at_ladder(plan(LADDER))
    assert ladder.settings['cards_from'] == '' and texts(ladder.id) == []


@pytest.mark.parametrize('step, problem', [
    ({**LADDER, 'cards_from': 'welkom', 'cards': ['Een idee']}, 'lists cards of its own'),
    ({**LADDER, 'cards': ['  ']}, 'a card is empty'),
    ({**LADDER, 'cards': ['x' * 281]}, 'longer than 280'),
    ({**LADDER, 'ranked_by': 'welkom'}, 'ranked_by needs cards_from'),
])
def test_a_plan_with_wrong_ladder_cards_is_refused(step, problem):
    with pytest.raises(plans.PlanError, match=problem):
        plan(step)


def test_a_typed_card_is_added_and_can_be_placed(own_ladder):
    workshop, _, ladder = own_ladder
    workshops.add_card(workshop.id, ladder.id, '  Meer  bankjes\x07 ')
    [*_, typed] = stored_cards(ladder.id)
    assert (typed.text, typed.origin, typed.participant_id) == ('Meer bankjes', 'begeleider', None)
    ans = workshops.join(workshop.id, 'ans')
    mine = workshops.act(ans.id, ladder.id, {'card': typed.id, 'rung': 2})
    assert mine['placements'] == {typed.id: {'nu': 2}} and mine['total'] == 3


@pytest.mark.parametrize('text, key', [('', 'error.text_empty'), ('\x01\u202e ', 'error.text_empty'),
                                       ('x' * 281, 'error.text_too_long')])
def test_a_bad_typed_card_is_refused_and_nothing_stored(own_ladder, text, key):
    workshop, _, ladder = own_ladder
    with pytest.raises(TextError) as refused:
        workshops.add_card(workshop.id, ladder.id, text)
    assert refused.value.key == key
    assert len(stored_cards(ladder.id)) == 2


def test_a_typed_card_is_refused_where_the_step_has_no_cards_of_its_own(own_ladder):
    workshop, info, ladder = own_ladder
    other, _, other_ladder = open_at_ladder(plan(LADDER))
    from_ideas = workshops.add_step(workshop.id, 'ladder', 'Uit ideeën', {'cards_from': 'eigen'}, ladder.id)
    for workshop_id, step_id in ((workshop.id, info.id), (workshop.id, from_ideas.id), (workshop.id, other_ladder.id),
                                 (other.id, ladder.id), (workshop.id, 999_999)):
        with pytest.raises(DomainError):
            workshops.add_card(workshop_id, step_id, 'Ingeslopen kaartje')
    assert len(stored_cards(ladder.id)) == 2 and stored_cards(other_ladder.id) == []


def test_an_excel_list_fills_a_ladder_with_its_own_cards(own_ladder):
    _, _, ladder = own_ladder
    assert intake.add_card_list(ladder.id, xlsx(['Tekst'], ['Speeltuin'], ['Bibliotheek'])) == 2
    assert texts(ladder.id)[2:] == ['Speeltuin', 'Bibliotheek']
    assert [card.origin for card in stored_cards(ladder.id)][2:] == ['lijst', 'lijst']


def test_hiding_a_card_takes_it_off_the_ladder_and_refuses_its_placement(own_ladder):
    workshop, _, ladder = own_ladder
    first, _ = stored_cards(ladder.id)
    workshops.hide_card(first.id, True)
    assert texts(ladder.id) == ['Eén loket']
    with pytest.raises(DomainError):
        workshops.act(workshops.join(workshop.id, 'ans').id, ladder.id, {'card': first.id, 'rung': 1})
    with db.reading() as session:
        assert session.exec(select(Answer)).all() == []
