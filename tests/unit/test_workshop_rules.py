"""The rules of a live workshop, on a real database (SQLite, and PostgreSQL when configured)."""
from concurrent.futures import ThreadPoolExecutor

import pytest

from app import plans
from app import workshop as workshops
from app.steps.base import DomainError
from app.text import TextError


@pytest.fixture
def running(database):
    """An open workshop from the default plan, and a function to move to a step by key."""
    workshop = workshops.create(plans.load(plans.DEFAULT_PLAN), title='Test')
    workshops.open_for_joining(workshop.id)
    steps = {step.key: step for step in workshops.state(workshop.id).steps}

    def at(key):
        workshops.go_to_step(workshop.id, steps[key].id)
        return steps[key]
    return workshop, at


def join(workshop, name, perspective=''):
    return workshops.join(workshop.id, f'browser-{name}', nickname=name, perspective=perspective)


def test_joining_again_from_the_same_phone_gives_the_same_participant(running):
    workshop, _ = running
    first = join(workshop, 'ans')
    assert join(workshop, 'ans').id == first.id
    assert workshops.participant_count(workshop.id) == 1


def test_joining_is_refused_when_locked_but_a_known_phone_gets_back_in(running):
    workshop, _ = running
    known = join(workshop, 'ans')
    workshops.lock_joining(workshop.id, True)
    with pytest.raises(DomainError) as caught:
        join(workshop, 'late')
    assert caught.value.key == 'error.joining_closed'
    assert join(workshop, 'ans').id == known.id


def test_join_before_opening_is_refused(database):
    workshop = workshops.create(plans.load(plans.DEFAULT_PLAN))
    with pytest.raises(DomainError):
        join(workshop, 'early')


def test_unknown_perspective_is_not_stored(running):
    workshop, _ = running
    assert join(workshop, 'x', perspective='Koning').perspective == ''


def test_card_text_is_cleaned_and_empty_text_refused(running):
    workshop, at = running
    step = at('probleem')
    person = join(workshop, 'ans')
    mine = workshops.act(person.id, step.id, {'text': '  Te\x00 weinig\u202e   bankjes  '})
    assert mine['cards'][0]['text'] == 'Te weinig bankjes'
    with pytest.raises(TextError):
        workshops.act(person.id, step.id, {'text': '   '})


def test_resent_card_is_stored_once(running):
    workshop, at = running
    step = at('probleem')
    person = join(workshop, 'ans')
    action = {'text': 'Meer bankjes', 'request_key': 'abc123'}
    workshops.act(person.id, step.id, action)
    mine = workshops.act(person.id, step.id, action)
    assert [card['text'] for card in mine['cards']] == ['Meer bankjes']


def test_card_limit_per_person(running):
    workshop, at = running
    step = at('probleem')  # the plan allows 3 cards here
    person = join(workshop, 'ans')
    for number in range(3):
        workshops.act(person.id, step.id, {'text': f'kaart {number}'})
    with pytest.raises(DomainError) as caught:
        workshops.act(person.id, step.id, {'text': 'nog een'})
    assert caught.value.key == 'error.card_limit'


def test_locked_step_refuses_late_vote(running):
    workshop, at = running
    step = at('nu')
    person = join(workshop, 'ans')
    workshops.act(person.id, step.id, {'value': 2})
    workshops.lock_step(step.id, True)
    with pytest.raises(DomainError) as caught:
        workshops.act(person.id, step.id, {'value': 5})
    assert caught.value.key == 'error.step_locked'
    assert workshops.mine(person.id, step.id) == {'value': 2}


def test_replay_on_a_step_that_is_no_longer_current_is_refused(running):
    workshop, at = running
    scale = at('nu')
    person = join(workshop, 'ans')
    at('ideeen')
    with pytest.raises(DomainError) as caught:
        workshops.act(person.id, scale.id, {'value': 3})
    assert caught.value.key == 'error.step_not_current'


def test_ended_workshop_refuses_answers(running):
    workshop, at = running
    step = at('nu')
    person = join(workshop, 'ans')
    workshops.end(workshop.id)
    with pytest.raises(DomainError) as caught:
        workshops.act(person.id, step.id, {'value': 3})
    assert caught.value.key == 'error.workshop_ended'


def test_scale_answer_can_change_but_counts_once(running):
    workshop, at = running
    step = at('nu')
    person = join(workshop, 'ans')
    workshops.act(person.id, step.id, {'value': 2})
    workshops.act(person.id, step.id, {'value': 4})
    results = workshops.results(step.id)
    assert results.votes.respondents == 1
    assert {bar.label: bar.count for bar in results.votes.bars}['4'] == 1
    assert results.mean == 4


@pytest.mark.parametrize('value', [0, 6, '3', True, None])
def test_scale_refuses_values_outside_the_scale(running, value):
    workshop, at = running
    step = at('nu')
    with pytest.raises(DomainError):
        workshops.act(join(workshop, 'ans').id, step.id, {'value': value})


def ideas_and_vote(workshop, at, texts):
    step = at('ideeen')
    author = join(workshop, 'author')
    for text in texts:
        workshops.act(author.id, step.id, {'text': text})
    vote = at('kiezen')
    return vote, [card.id for card in workshops.asks(vote.id).cards]


def test_dots_are_limited_and_one_per_card(running):
    workshop, at = running
    vote, cards = ideas_and_vote(workshop, at, ['a', 'b', 'c', 'd'])
    person = join(workshop, 'ans')
    workshops.act(person.id, vote.id, {'card': cards[0]})
    with pytest.raises(DomainError) as caught:
        workshops.act(person.id, vote.id, {'card': cards[0]})
    assert caught.value.key == 'error.one_dot_per_card'
    workshops.act(person.id, vote.id, {'card': cards[1]})
    workshops.act(person.id, vote.id, {'card': cards[2]})
    with pytest.raises(DomainError) as caught:
        workshops.act(person.id, vote.id, {'card': cards[3]})
    assert caught.value.key == 'error.no_dots_left'
    mine = workshops.act(person.id, vote.id, {'card': cards[2], 'add': False})
    assert mine['left'] == 1


def test_concurrent_dot_clicks_never_exceed_the_limit(running):
    workshop, at = running
    vote, cards = ideas_and_vote(workshop, at, [f'idee {n}' for n in range(5)])  # the plan allows 5 per person
    person = join(workshop, 'ans')

    def click(card_id):
        try:
            workshops.act(person.id, vote.id, {'card': card_id})
            return 'ok'
        except DomainError as error:
            return error.key
    with ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = list(pool.map(click, cards))
    assert outcomes.count('ok') == 3
    assert workshops.mine(person.id, vote.id)['left'] == 0
    assert sum(bar.count for bar in workshops.results(vote.id).votes.bars) == 3


def test_a_dot_on_a_merged_card_counts_for_the_card_it_joined(running):
    workshop, at = running
    vote, cards = ideas_and_vote(workshop, at, ['bankjes', 'meer bankjes'])
    person = join(workshop, 'ans')
    workshops.act(person.id, vote.id, {'card': cards[1]})
    workshops.merge_card(cards[1], cards[0])
    results = workshops.results(vote.id)
    assert [card.id for card in results.cards] == [cards[0]]
    assert results.cards[0].merged == ('meer bankjes',)
    assert [(bar.label, bar.count) for bar in results.votes.bars] == [(str(cards[0]), 1)]


def test_hidden_card_cannot_be_voted_on(running):
    workshop, at = running
    vote, cards = ideas_and_vote(workshop, at, ['ok', 'weg ermee'])
    workshops.hide_card(cards[1], True)
    with pytest.raises(DomainError):
        workshops.act(join(workshop, 'ans').id, vote.id, {'card': cards[1]})


def test_results_per_perspective_hide_groups_below_the_minimum(running):
    workshop, at = running
    step = at('nu')
    people = [join(workshop, f'i{n}', 'Inwoner') for n in range(3)] + [join(workshop, 'm', 'Mantelzorger')]
    for person in people:
        workshops.act(person.id, step.id, {'value': 3})
    results = workshops.results(step.id).votes
    assert [group.name for group in results.groups] == ['Inwoner']
    assert results.hidden_respondents == 1


def test_poll_single_and_multiple_choice(running):
    workshop, at = running
    single = workshops.add_step(workshop.id, 'poll', 'Welke dag?', {'options': ['ma', 'di', 'wo']}, None)
    multiple = workshops.add_step(workshop.id, 'poll', 'Welke dagen?',
                                  {'options': ['ma', 'di', 'wo'], 'multiple': True}, None)
    person = join(workshop, 'ans')
    workshops.go_to_step(workshop.id, single.id)
    workshops.act(person.id, single.id, {'option': 0})
    assert workshops.act(person.id, single.id, {'option': 2}) == {'selected': [2]}
    workshops.go_to_step(workshop.id, multiple.id)
    workshops.act(person.id, multiple.id, {'option': 0})
    assert workshops.act(person.id, multiple.id, {'option': 2}) == {'selected': [0, 2]}
    assert workshops.act(person.id, multiple.id, {'option': 0, 'selected': False}) == {'selected': [2]}


def test_consent_on_the_top_ideas_with_a_reason(running):
    workshop, at = running
    vote, cards = ideas_and_vote(workshop, at, ['a', 'b', 'c', 'd'])
    person = join(workshop, 'ans')
    workshops.act(person.id, vote.id, {'card': cards[3]})
    consent = at('leven')
    items = workshops.asks(consent.id).cards
    assert items[0].id == cards[3] and len(items) == 3
    workshops.act(person.id, consent.id, {'card': cards[3], 'answer': 'nee_want', 'reason': ' te duur '})
    assert workshops.mine(person.id, consent.id) == {'answers': {cards[3]: {'answer': 'nee_want', 'reason': 'te duur'}}}
    with pytest.raises(DomainError):
        workshops.act(person.id, consent.id, {'card': cards[3], 'answer': 'misschien'})


def test_steps_can_be_added_moved_and_removed(running):
    workshop, _ = running
    before = [step.key for step in workshops.state(workshop.id).steps]
    added = workshops.add_step(workshop.id, 'info', 'Pauze', {}, None)
    workshops.move_step(added.id, -1)
    keys = [step.key for step in workshops.state(workshop.id).steps]
    assert keys == before[:-1] + [added.key, before[-1]]
    workshops.remove_step(added.id)
    assert [step.key for step in workshops.state(workshop.id).steps] == before
    assert workshops.state(workshop.id).removed == []  # nothing in it: gone for good


def test_a_removed_step_with_answers_keeps_them_and_can_be_put_back_where_it_was(running):
    workshop, at = running
    step = at('probleem')
    person = join(workshop, 'ans')
    workshops.act(person.id, step.id, {'text': 'Te weinig bankjes'})
    before = [plan_step.key for plan_step in workshops.state(workshop.id).steps]
    assert workshops.step_contents(step.id) == (1, 0)

    workshops.remove_step(step.id)
    state = workshops.state(workshop.id)
    assert 'probleem' not in [plan_step.key for plan_step in state.steps]
    assert [removed.key for removed in state.removed] == ['probleem']
    assert state.current.key == before[before.index('probleem') + 1]  # the room moved on to the next step
    assert [card.text for card in workshops.cards_of_step(step.id)] == ['Te weinig bankjes']
    with pytest.raises(DomainError):
        workshops.go_to_step(workshop.id, step.id)

    workshops.restore_step(step.id)
    assert [plan_step.key for plan_step in workshops.state(workshop.id).steps] == before
    assert workshops.state(workshop.id).removed == []


def test_typed_codes_are_found_and_wrong_guesses_throttled(running, monkeypatch):
    from app.throttle import Throttle
    monkeypatch.setattr(workshops, 'WRONG_CODES_PER_ADDRESS', Throttle(3, 900))
    workshop, _ = running
    assert workshops.find_typed_code(f' {workshop.code.lower()} ', '10.0.0.1').id == workshop.id
    for guess in ('AAAAAA', 'BBBBBB', 'CCCCCC'):
        assert workshops.find_typed_code(guess, '10.0.0.1') is None
    with pytest.raises(DomainError) as caught:
        workshops.find_typed_code(workshop.code, '10.0.0.1')
    assert caught.value.key == 'error.too_many_codes'
    assert workshops.find_typed_code(workshop.code, '10.0.0.2').id == workshop.id


def rows_of(workshop_id):
    from sqlmodel import func, select

    from app import db
    from app.models import Answer, Card, Participant, Step
    with db.reading() as session:
        steps = select(Step.id).where(Step.workshop_id == workshop_id)
        return {
            'steps': session.exec(select(func.count()).select_from(Step).where(Step.workshop_id == workshop_id)).one(),
            'participants': session.exec(select(func.count()).select_from(Participant)
                                         .where(Participant.workshop_id == workshop_id)).one(),
            'cards': session.exec(select(func.count()).select_from(Card).where(Card.workshop_id == workshop_id)).one(),
            'answers': session.exec(select(func.count()).select_from(Answer).where(Answer.step_id.in_(steps))).one(),
        }


def test_deleting_a_workshop_removes_all_its_data_and_nothing_else(running):
    workshop, at = running
    vote, cards = ideas_and_vote(workshop, at, ['a', 'b'])
    workshops.act(join(workshop, 'ans').id, vote.id, {'card': cards[0]})
    other = workshops.create(plans.load(plans.DEFAULT_PLAN))
    assert all(rows_of(workshop.id).values())
    workshops.delete(workshop.id)
    assert workshops.find(code=workshop.code) is None
    assert rows_of(workshop.id) == {'steps': 0, 'participants': 0, 'cards': 0, 'answers': 0}
    assert rows_of(other.id)['steps'] == len(plans.load(plans.DEFAULT_PLAN).steps)


def test_ended_workshops_are_deleted_after_the_retention_period(running):
    from datetime import timedelta

    from app import db
    from app.models import Workshop, now
    workshop, _ = running
    still_open = workshops.create(plans.load(plans.DEFAULT_PLAN))
    workshops.end(workshop.id)
    assert workshops.delete_expired(90) == 0
    with db.transaction() as session:
        session.get(Workshop, workshop.id).ended_at = now() - timedelta(days=91)
    assert workshops.delete_expired(90) == 1
    assert workshops.find(code=workshop.code) is None
    assert workshops.find(code=still_open.code) is not None


def test_a_participant_cannot_act_on_another_workshops_step(running):
    workshop, at = running
    other = workshops.create(plans.load(plans.DEFAULT_PLAN))
    workshops.open_for_joining(other.id)
    foreign_step = workshops.state(other.id).current
    with pytest.raises(DomainError) as caught:
        workshops.act(join(workshop, 'ans').id, foreign_step.id, {'value': 3})
    assert caught.value.key == 'error.bad_request'
    with pytest.raises(DomainError):
        workshops.act(999_999, foreign_step.id, {'value': 3})  # an unknown participant


def test_what_everyone_gave_read_in_one_go_equals_each_phones_own(running):
    """After a step change the hub reads every phone's answers at once; each must equal what that phone reads."""
    workshop, at = running
    people = [join(workshop, name) for name in ('ans', 'bob', 'cor')]
    ideas = at('ideeen')
    for number, person in enumerate(people[:2]):
        workshops.act(person.id, ideas.id, {'text': f'idee {number}', 'motivation': 'omdat'})
    cards = [card.id for card in workshops.cards_of_step(ideas.id)]
    dots = at('kiezen')
    workshops.act(people[0].id, dots.id, {'card': cards[0]})
    workshops.act(people[0].id, dots.id, {'card': cards[1]})
    ladder = at('eigenaar')
    workshops.act(people[1].id, ladder.id, {'card': cards[1], 'rung': 4})
    for step in (ideas, dots, ladder):
        everyone = workshops.mine_of_everyone(step.id)
        assert set(everyone) == {person.id for person in people}
        for person in people:
            assert everyone[person.id] == workshops.mine(person.id, step.id)
    assert workshops.mine_of_everyone(dots.id)[people[0].id]['per_card'] == {cards[0]: 1, cards[1]: 1}
    assert workshops.mine_of_everyone(ladder.id)[people[1].id]['placements'] == {cards[1]: {'nu': 4}}
    assert workshops.mine_of_everyone(ideas.id)[people[2].id] == {'cards': []}


def test_a_pseudonym_drawn_twice_in_a_room_is_drawn_again_and_the_join_succeeds(running, monkeypatch):
    workshop, _ = running
    draws = iter(['SAME22', 'SAME22', 'OTHER3'])
    monkeypatch.setattr(workshops, '_random_code', lambda alphabet, length: next(draws))
    first = join(workshop, 'ans')
    second = join(workshop, 'bob')
    assert second is not None and second.id != first.id
    assert (first.pseudonym, second.pseudonym) == ('D-SAME22', 'D-OTHER3')
    assert workshops.participant_count(workshop.id) == 2
