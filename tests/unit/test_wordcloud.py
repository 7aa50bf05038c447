"""The word cloud's rules on a real database: answers counted by what they mean, the per-person limit under
concurrent taps, taking back, the facilitator hiding an answer, and its rows in the workbook."""
from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor

import openpyxl
import pytest

from app import plans
from app import workshop as workshops
from app.export import workbook
from app.steps.base import DomainError
from app.text import TextError


@pytest.fixture
def cloud(database):
    """An open workshop at a new word cloud step: 3 answers of at most 20 characters each."""
    workshop = workshops.create(plans.load(plans.DEFAULT_PLAN), title='Wolk')
    workshops.open_for_joining(workshop.id)
    step = workshops.add_step(workshop.id, 'wordcloud', 'Eén woord over uw wijk', {'max_length': 20}, None)
    workshops.go_to_step(workshop.id, step.id)
    return workshop, step


def join(workshop, name, perspective=''):
    return workshops.join(workshop.id, f'browser-{name}', nickname=name, perspective=perspective)


def words(step):
    return [(word.text, word.count) for word in workshops.results(step.id).words]


def test_answers_count_by_meaning_and_show_the_first_spelling(cloud):
    workshop, step = cloud
    ans, bram, cas = join(workshop, 'ans'), join(workshop, 'bram'), join(workshop, 'cas')
    workshops.act(ans.id, step.id, {'text': '  Groene   wijk '})
    workshops.act(bram.id, step.id, {'text': 'GROENE WIJK'})
    workshops.act(cas.id, step.id, {'text': 'groene\u00a0wijk'})
    workshops.act(cas.id, step.id, {'text': 'Cafe\u0301'})  # decomposed é: NFC makes it one answer with Café
    workshops.act(bram.id, step.id, {'text': 'café'})
    assert words(step) == [('Groene wijk', 3), ('Café', 2)]
    assert workshops.results(step.id).respondents == 3
    assert workshops.mine(ans.id, step.id) == {'answers': ['Groene wijk'], 'left': 2}


def test_one_person_cannot_give_the_same_answer_twice_nor_more_than_allowed(cloud):
    workshop, step = cloud
    ans = join(workshop, 'ans')
    workshops.act(ans.id, step.id, {'text': 'Rustig'})
    with pytest.raises(DomainError) as twice:
        workshops.act(ans.id, step.id, {'text': ' RUSTIG'})
    assert twice.value.key == 'wordcloud.already_given'
    workshops.act(ans.id, step.id, {'text': 'Groen'})
    workshops.act(ans.id, step.id, {'text': 'Buren'})
    with pytest.raises(DomainError) as full:
        workshops.act(ans.id, step.id, {'text': 'Veilig'})
    assert full.value.key == 'wordcloud.no_answers_left'
    assert workshops.mine(ans.id, step.id) == {'answers': ['Rustig', 'Groen', 'Buren'], 'left': 0}


def test_too_long_empty_and_forged_answers_are_refused(cloud):
    workshop, step = cloud
    ans = join(workshop, 'ans')
    for action, error in [({'text': 'x' * 21}, TextError), ({'text': '   '}, TextError),
                          ({'text': '\u00a0\u00a0'}, TextError), ({'text': 12}, DomainError),
                          ({'text': None}, DomainError), ({'take_back': 3}, DomainError), ({}, DomainError)]:
        with pytest.raises(error):
            workshops.act(ans.id, step.id, action)
    workshops.act(ans.id, step.id, {'text': 'x' * 20})
    assert words(step) == [('x' * 20, 1)]


def test_an_answer_can_be_taken_back_while_the_step_is_open_and_its_place_is_free_again(cloud):
    workshop, step = cloud
    ans = join(workshop, 'ans')
    for text in ('Rustig', 'Groen', 'Buren'):
        workshops.act(ans.id, step.id, {'text': text})
    assert workshops.act(ans.id, step.id, {'take_back': 'groen'}) == {'answers': ['Rustig', 'Buren'], 'left': 1}
    workshops.act(ans.id, step.id, {'take_back': 'groen'})  # a resend: harmless
    workshops.act(ans.id, step.id, {'text': 'Veilig'})
    assert workshops.mine(ans.id, step.id) == {'answers': ['Rustig', 'Buren', 'Veilig'], 'left': 0}
    workshops.lock_step(step.id, True)
    with pytest.raises(DomainError) as locked:
        workshops.act(ans.id, step.id, {'take_back': 'Rustig'})
    assert locked.value.key == 'error.step_locked'


def test_concurrent_taps_of_one_person_never_exceed_the_limit_nor_repeat_an_answer(cloud):
    workshop, step = cloud
    ans = join(workshop, 'ans')

    def give(text):
        try:
            workshops.act(ans.id, step.id, {'text': text})
            return 'ok'
        except DomainError as error:
            return error.key
    with ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = list(pool.map(give, ['een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'EEN', 'een ']))
    assert outcomes.count('ok') == 3
    given = workshops.mine(ans.id, step.id)['answers']
    assert len(given) == 3 and len({text.lower() for text in given}) == 3
    assert workshops.results(step.id).answers == 3


def test_a_hidden_answer_leaves_the_cloud_for_everyone_also_when_given_later(cloud):
    workshop, step = cloud
    ans, bram = join(workshop, 'ans'), join(workshop, 'bram')
    workshops.act(ans.id, step.id, {'text': 'Scheldwoord'})
    workshops.act(ans.id, step.id, {'text': 'Groen'})
    workshops.moderate(workshop.id, step.id, {'text': 'Scheldwoord', 'hidden': True})
    workshops.moderate(workshop.id, step.id, {'text': 'scheldwoord', 'hidden': True})  # twice: still one
    workshops.act(bram.id, step.id, {'text': 'SCHELDWOORD'})
    results = workshops.results(step.id)
    assert [(word.text, word.count) for word in results.words] == [('Groen', 1)]
    assert [(word.text, word.count) for word in results.hidden] == [('Scheldwoord', 2)]
    assert workshops.mine(bram.id, step.id)['answers'] == ['SCHELDWOORD']  # the phone still shows its own
    workshops.moderate(workshop.id, step.id, {'text': 'Scheldwoord', 'hidden': False})
    assert words(step) == [('Scheldwoord', 2), ('Groen', 1)]
    assert workshops.results(step.id).hidden == ()


def test_the_counts_split_by_perspective_only_for_groups_large_enough(cloud):
    workshop, step = cloud
    residents = [join(workshop, f'inwoner{n}', 'Inwoner') for n in range(3)]
    carer = join(workshop, 'mantelzorger', 'Mantelzorger')
    for person in residents:
        workshops.act(person.id, step.id, {'text': 'Rustig'})
    workshops.act(residents[0].id, step.id, {'text': 'Groen'})
    workshops.act(carer.id, step.id, {'text': 'Groen'})
    results = workshops.results(step.id)
    texts = {word.id: word.text for word in results.words}
    assert [(texts[bar.label], bar.count) for bar in results.counts.bars] == [('Rustig', 3), ('Groen', 2)]
    assert [(group.name, group.respondents, [bar.count for bar in group.bars])
            for group in results.counts.groups] == [('Inwoner', 3, [3, 1])]
    assert results.counts.hidden_respondents == 1  # the one carer is never shown apart


@pytest.mark.parametrize('action', [{}, {'text': 'Groen'}, {'text': 'Groen', 'hidden': 'ja'},
                                    {'text': 5, 'hidden': True}, {'text': 'Niemand', 'hidden': True}])
def test_forged_moderation_is_refused(cloud, action):
    workshop, step = cloud
    workshops.act(join(workshop, 'ans').id, step.id, {'text': 'Groen'})
    with pytest.raises(DomainError):
        workshops.moderate(workshop.id, step.id, action)
    assert words(step) == [('Groen', 1)]


def test_the_workbook_has_a_row_per_answer_and_the_counts_in_the_summary(cloud):
    workshop, step = cloud
    ans, bram = join(workshop, 'ans'), join(workshop, 'bram')
    workshops.act(ans.id, step.id, {'text': 'Groene wijk'})
    workshops.act(bram.id, step.id, {'text': 'groene  WIJK'})
    workshops.act(bram.id, step.id, {'text': '=HYPERLINK("x")'})
    workshops.act(ans.id, step.id, {'text': 'Weg ermee'})
    workshops.moderate(workshop.id, step.id, {'text': 'weg ermee', 'hidden': True})
    book = openpyxl.load_workbook(io.BytesIO(workbook.as_bytes(workshop.id)))
    stemmen = [row for row in book['Stemmen'].iter_rows(min_row=2, values_only=True) if row[1] == 'woordwolk']
    assert sorted((row[7], row[8]) for row in stemmen) == [
        ('=hyperlink("x")', '=HYPERLINK("x")'), ('groene wijk', 'Groene wijk'), ('groene wijk', 'groene WIJK'),
        ('weg ermee', 'Weg ermee')]
    stappen = next(row for row in book['Stappen'].iter_rows(min_row=2, values_only=True) if row[2] == 'woordwolk')
    assert stappen[6:8] == (4, 2)  # the card that hides an answer is not a response
    summary = [row for row in book['Samenvatting'].iter_rows(values_only=True)]
    start = next(index for index, row in enumerate(summary) if row[:2] == ('Antwoord', 'Iedereen'))
    assert [row[:2] for row in summary[start + 1:start + 4]] == [
        ('Groene wijk', 2), ('=HYPERLINK("x")', 1), ('2 deelnemers gaven antwoord.', None)]
    assert all('Weg ermee' not in row for row in summary)  # hidden: not in the readable summary, only counted
    assert ('Antwoorden die de begeleider verborg (niet op het scherm en niet in deze telling; wel op het blad '
            'Stemmen): 1',) in [row[:1] for row in summary]
    kaarten = [row for row in book['Kaarten'].iter_rows(min_row=2, values_only=True) if row[2] == 'Weg ermee']
    assert [(row[7], row[10]) for row in kaarten] == [('ja', 'begeleider')]
