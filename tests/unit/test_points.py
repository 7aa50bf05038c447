"""Punten verdelen on a real database: the budget holds, also under concurrent taps; garbage is refused; results and
the workbook agree on totals, means and shares."""
from __future__ import annotations

import io
import threading
from concurrent.futures import ThreadPoolExecutor

import openpyxl
import pytest
from pydantic import ValidationError

from app import plans
from app import workshop as workshops
from app.export import workbook
from app.i18n import Translator, catalog
from app.steps import KINDS
from app.steps.base import DomainError

POINTS = KINDS['points']


@pytest.fixture
def room(database):
    """An open workshop of the default plan with four idea cards, at a new points step on them (budget 100)."""
    workshop = workshops.create(plans.load(plans.DEFAULT_PLAN), title='Punten')
    workshops.open_for_joining(workshop.id)
    ideas = workshops.own_cards_step(next(step.id for step in workshops.state(workshop.id).steps
                                          if step.key == 'ideeen'))
    workshops.seed_cards(ideas.id, [(text, '') for text in ('Huiskamer', 'Gewone taal', 'Eén loket', 'Bankjes')],
                         origin='test')
    cards = [card.id for card in workshops.cards_of_step(ideas.id)]
    return workshop, cards, ideas


def points_step(workshop, **settings):
    settings = settings if 'options' in settings else {'cards_from': 'ideeen', **settings}
    step = workshops.add_step(workshop.id, 'points', 'Waar gaat het geld heen?', settings, None)
    workshops.go_to_step(workshop.id, step.id)
    return step


def join(workshop, name, perspective=''):
    return workshops.join(workshop.id, f'browser-{name}', nickname=name, perspective=perspective)


def refused(person, step, action) -> DomainError:
    with pytest.raises(DomainError) as error:
        workshops.act(person.id, step.id, action)
    return error.value


def test_settings_need_cards_or_options_and_keep_the_budget_within_bounds():
    """Cards come first: options are used when cards_from is empty (a form may keep both)."""
    validate = POINTS.validate
    assert validate({'cards_from': 'ideeen'}).budget == 100
    assert validate({'options': ['Zwembad', 'Bibliotheek'], 'budget': 1000}).options == ['Zwembad', 'Bibliotheek']
    assert validate({'cards_from': 'ideeen', 'options': ['Zwembad', 'Bibliotheek']}).cards_from == 'ideeen'
    for wrong in ({}, {'options': ['alleen']},
                  {'options': ['a', '  ']}, {'cards_from': 'ideeen', 'budget': 0},
                  {'cards_from': 'ideeen', 'budget': 1001}, {'options': ['a', 'b'], 'ranked_by': 'kiezen'},
                  {'cards_from': 'ideeen', 'dots': 3}):
        with pytest.raises(ValidationError):
            validate(wrong)


def test_a_new_step_starts_on_the_latest_ideas_or_with_options_to_rename(database):
    steps = workshops.state(workshops.create(plans.load(plans.DEFAULT_PLAN)).id).steps
    assert POINTS.starter(steps[:6], Translator())['cards_from'] == 'ideeen'
    assert POINTS.starter(steps[:1], Translator()) == {'options': ['Keuze 1', 'Keuze 2', 'Keuze 3']}


def test_points_are_set_replaced_and_taken_away_and_the_phone_hears_what_is_left(room):
    workshop, cards, _ = room
    step = points_step(workshop)
    person = join(workshop, 'ans')
    assert workshops.act(person.id, step.id, {'card': cards[0], 'points': 40}) == {
        'points': {cards[0]: 40}, 'left': 60, 'budget': 100}
    workshops.act(person.id, step.id, {'card': cards[1], 'points': 60})
    mine = workshops.act(person.id, step.id, {'card': cards[0], 'points': 25})  # replaces, does not add
    assert mine == {'points': {cards[0]: 25, cards[1]: 60}, 'left': 15, 'budget': 100}
    assert workshops.act(person.id, step.id, {'card': cards[1], 'points': 0})['points'] == {cards[0]: 25}


def test_going_over_the_budget_is_refused_with_what_is_left(room):
    workshop, cards, _ = room
    step = points_step(workshop)
    person = join(workshop, 'ans')
    workshops.act(person.id, step.id, {'card': cards[0], 'points': 70})
    error = refused(person, step, {'card': cards[1], 'points': 31})
    assert (error.key, error.args_) == ('points.error.over_budget', {'count': 30, 'most': 30})
    assert Translator()(error.key, **error.args_) == ('U heeft nog maar 30 punten over. '
                                                      'Hier kunt u hoogstens 30 punten geven.')
    assert refused(person, step, {'card': cards[0], 'points': 101}).args_ == {'count': 30, 'most': 100}
    workshops.act(person.id, step.id, {'card': cards[1], 'points': 30})
    error = refused(person, step, {'card': cards[2], 'points': 5})
    assert error.key == 'points.error.none_left'
    assert Translator()(error.key, **error.args_) == ('U heeft al uw 100 punten verdeeld. '
                                                      'Haal eerst punten weg bij iets anders.')
    assert workshops.act(person.id, step.id, {'card': cards[0], 'points': 60})['left'] == 10  # less is always fine


@pytest.mark.parametrize('points', [-1, 2.5, '10', None, True, [10], {'x': 1}])
def test_negative_broken_or_forged_amounts_are_refused_with_a_clear_message(room, points):
    workshop, cards, _ = room
    step = points_step(workshop, budget=50)
    error = refused(join(workshop, 'ans'), step, {'card': cards[0], 'points': points})
    assert error.key == 'points.error.whole_number'
    assert Translator()(error.key, **error.args_) == 'Vul een heel getal in, van 0 tot en met 50.'
    assert workshops.results(step.id).points == 0


def test_unknown_hidden_merged_and_other_steps_items_are_refused(room):
    workshop, cards, ideas = room
    step = points_step(workshop)
    person = join(workshop, 'ans')
    other = workshops.state(workshop.id).steps[2]  # the problem step: cards of its own
    workshops.seed_cards(other.id, [('Elders', '')], origin='test')
    elsewhere = workshops.cards_of_step(other.id)[0].id
    workshops.hide_card(cards[2], True)
    workshops.merge_card(cards[3], cards[0])
    for card in (elsewhere, cards[2], cards[3], 0, -1, 10 ** 12, '1', None):
        assert refused(person, step, {'card': card, 'points': 5}).key == 'error.bad_request'
    assert catalog('nl')['points.error.whole_number'] and catalog('en')['points.error.whole_number']


def test_concurrent_taps_of_one_participant_never_exceed_the_budget(room):
    """Four threads give 45 points to four cards at the same moment, for one participant, five times over."""
    workshop, cards, _ = room
    step = points_step(workshop)
    for round_ in range(5):
        person = join(workshop, f'snel{round_}')
        start = threading.Barrier(len(cards))

        def give(card_id, person=person, start=start):
            start.wait()
            try:
                workshops.act(person.id, step.id, {'card': card_id, 'points': 45})
                return 'ok'
            except DomainError as error:
                return error.key
        with ThreadPoolExecutor(max_workers=len(cards)) as pool:
            outcomes = list(pool.map(give, cards))
        assert sorted(outcomes) == ['ok', 'ok', 'points.error.over_budget', 'points.error.over_budget']
        assert workshops.mine(person.id, step.id)['left'] == 10  # 45 + 45; a third 45 would go over 100
    assert workshops.results(step.id).points == 5 * 90


def test_results_give_total_mean_and_share_most_points_first_and_per_large_enough_group(room):
    workshop, cards, _ = room
    step = points_step(workshop, budget=10)
    people = [join(workshop, f'inwoner{n}', 'Inwoner') for n in range(3)] + [join(workshop, 'ambtenaar', 'Gemeente')]
    for person, given in zip(people, ({cards[1]: 10}, {cards[1]: 4, cards[2]: 6}, {cards[1]: 6, cards[0]: 4},
                                      {cards[0]: 10})):
        for card, points in given.items():
            workshops.act(person.id, step.id, {'card': card, 'points': points})
    join(workshop, 'zwijger', 'Inwoner')  # gave nothing: not in the mean
    workshops.act(people[0].id, step.id, {'card': cards[3], 'points': 0})  # nothing there: nothing changes

    results = workshops.results(step.id)
    assert (results.respondents, results.points, results.budget) == (4, 40, 10)
    assert [(item.card.text, item.total, item.mean, item.share) for item in results.items] == [
        ('Gewone taal', 20, 5.0, 50.0), ('Huiskamer', 14, 3.5, 35.0), ('Eén loket', 6, 1.5, 15.0),
        ('Bankjes', 0, 0.0, 0.0)]
    assert [(group.name, group.respondents, group.points) for group in results.groups] == [('Inwoner', 3, 30)]
    assert [(item.card.text, item.total, item.mean, item.share) for item in results.groups[0].items] == [
        ('Gewone taal', 20, 6.7, 66.7), ('Huiskamer', 4, 1.3, 13.3), ('Eén loket', 6, 2.0, 20.0),
        ('Bankjes', 0, 0.0, 0.0)]
    assert results.hidden_respondents == 1  # the one from the municipality: a group too small to show


def test_points_on_a_card_merged_later_count_for_its_lead_card(room):
    workshop, cards, _ = room
    step = points_step(workshop)
    person = join(workshop, 'ans')
    workshops.act(person.id, step.id, {'card': cards[0], 'points': 30})
    workshops.act(person.id, step.id, {'card': cards[1], 'points': 20})
    workshops.merge_card(cards[1], cards[0])
    assert [(item.card.id, item.total) for item in workshops.results(step.id).items][:1] == [(cards[0], 50)]
    assert workshops.mine(person.id, step.id)['left'] == 50  # the budget still counts every point given


def test_options_are_numbered_from_one_and_stored_with_their_text(room):
    workshop, _, _ = room
    step = points_step(workshop, options=['Zwembad', 'Bibliotheek', 'Speeltuin'], budget=20)
    assert [(card.id, card.text) for card in workshops.asks(step.id).cards] == [
        (1, 'Zwembad'), (2, 'Bibliotheek'), (3, 'Speeltuin')]
    person = join(workshop, 'ans')
    workshops.act(person.id, step.id, {'card': 3, 'points': 15})
    assert refused(person, step, {'card': 4, 'points': 1}).key == 'error.bad_request'
    assert [(item.card.text, item.total) for item in workshops.results(step.id).items][0] == ('Speeltuin', 15)


def test_the_workbook_has_a_stemmen_row_per_allocation_and_a_summary_block(room):
    workshop, cards, _ = room
    step = points_step(workshop)
    people = [join(workshop, f'inwoner{n}', 'Inwoner') for n in range(3)]
    for person, (first, second) in zip(people, ((60, 40), (50, 50), (100, 0))):
        workshops.act(person.id, step.id, {'card': cards[0], 'points': first})
        workshops.act(person.id, step.id, {'card': cards[1], 'points': second})
    book = openpyxl.load_workbook(io.BytesIO(workbook.as_bytes(workshop.id)))
    number = next(row[0] for row in book['Stappen'].iter_rows(min_row=2, values_only=True) if row[1] == step.key)
    votes = sorted((row[4], row[5], row[6]) for row in book['Stemmen'].iter_rows(min_row=2, values_only=True)
                   if row[0] == number)
    assert votes == sorted([(cards[0], 'Huiskamer', 60), (cards[1], 'Gewone taal', 40), (cards[0], 'Huiskamer', 50),
                            (cards[1], 'Gewone taal', 50), (cards[0], 'Huiskamer', 100)])
    summary = [row for row in book['Samenvatting'].iter_rows(values_only=True)]
    start = next(index for index, row in enumerate(summary) if row[0] == f'Stap {number}. {step.title}')
    assert summary[start + 1][:7] == ('Onderwerp', 'Totaal', 'Gemiddeld', 'Aandeel (%)', 'Inwoner (3) totaal',
                                      'Inwoner (3) gemiddeld', 'Inwoner (3) aandeel (%)')
    assert summary[start + 2][:7] == ('Huiskamer', 210, 70, 70, 210, 70, 70)
    assert summary[start + 3][:7] == ('Gewone taal', 90, 30, 30, 90, 30, 30)
    assert any(row[0] and row[0].startswith('3 deelnemers verdeelden 300 punten') for row in summary[start:])
