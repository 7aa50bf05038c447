"""Residents without a phone: table hosts and paper participants, on a real database (SQLite, and PostgreSQL when
configured). A paper answer obeys the same rules as a phone's and counts in the same tally."""
import io
import uuid

import openpyxl
import pytest
from sqlmodel import func, select

from app import db, paper, plans, table_hosts
from app import workshop as workshops
from app.export import facts, workbook
from app.models import PAPER, PHONE, Answer, Participant
from app.steps.base import DomainError


@pytest.fixture
def running(database):
    """An open workshop of the default plan with three idea cards, and a function to move to a step by key."""
    workshop = workshops.create(plans.load(plans.DEFAULT_PLAN), title='Papier')
    workshops.open_for_joining(workshop.id)
    steps = {step.key: step for step in workshops.state(workshop.id).steps}
    workshops.seed_cards(steps[workshops.IDEA_STEP_KEY].id, [('Een huiskamer', ''), ('Gewone taal', '')],
                         origin='test')

    def at(key):
        workshops.go_to_step(workshop.id, steps[key].id)
        return steps[key]
    return workshop, at


def answers() -> int:
    with db.reading() as session:
        return session.exec(select(func.count()).select_from(Answer)).one()


def refused(key: str, function, *args) -> None:  # type: ignore[no-untyped-def]
    before = answers()
    with pytest.raises(DomainError) as caught:
        function(*args)
    assert caught.value.key == key
    assert answers() == before


def test_a_helper_link_is_stored_only_as_a_hash_and_finds_the_helper(running):
    workshop, _ = running
    new = table_hosts.add(workshop.id, 'Hanna', 'Tafel 1')
    assert new.token not in new.helper.token_hash and new.helper.token_hash == table_hosts.digest(new.token)
    assert table_hosts.find(new.token, 'adres').id == new.helper.id
    assert table_hosts.find('geraden', 'adres') is None


def test_a_revoked_helper_link_no_longer_opens_and_cannot_act(running):
    workshop, at = running
    step = at('nu')
    new = table_hosts.add(workshop.id, 'Hanna', 'Tafel 1')
    resident = paper.add_resident(new.helper.id)
    table_hosts.revoke(workshop.id, new.helper.id)
    assert table_hosts.find(new.token, 'adres') is None
    refused('paper.helper_revoked', paper.act_for, new.helper.id, resident.id, step.id, {'value': 3})


def test_wrong_helper_tokens_are_throttled(running):
    guesser = f'gokker-{uuid.uuid4()}'  # the throttle lives as long as the process: an address of this run's own
    for _ in range(table_hosts.WRONG_TOKENS_PER_ADDRESS.limit):
        table_hosts.find('geraden', guesser)
    with pytest.raises(DomainError) as caught:
        table_hosts.find('geraden', guesser)
    assert caught.value.key == 'error.too_many_codes'


def test_a_paper_participant_is_marked_papier_at_the_helpers_table(running):
    workshop, _ = running
    helper = table_hosts.add(workshop.id, 'Hanna', 'Tafel 1').helper
    resident = paper.add_resident(helper.id, nickname='Mevrouw J.', perspective='Mantelzorger')
    assert (resident.source, resident.table_name, resident.helper_id) == (PAPER, 'Tafel 1', helper.id)
    assert resident.perspective == 'Mantelzorger' and resident.pseudonym.startswith('D-')
    assert [person.id for person in paper.residents(helper.id)] == [resident.id]
    assert paper.count(workshop.id) == 1
    assert workshops.join(workshop.id, 'telefoon').source == PHONE


def test_a_phone_may_choose_a_table_of_the_workshop_and_no_other(running):
    workshop, _ = running
    table_hosts.add(workshop.id, 'Hanna', 'Tafel 1')
    assert workshops.join(workshop.id, 'a', table='Tafel 1').table_name == 'Tafel 1'
    assert workshops.join(workshop.id, 'b', table='Tafel 9').table_name == ''


def test_paper_answers_follow_the_kinds_rules_and_count_in_the_same_tally(running):
    workshop, at = running
    step = at('kiezen')
    helper = table_hosts.add(workshop.id, 'Hanna', 'Tafel 1').helper
    resident = paper.add_resident(helper.id, perspective='Inwoner')
    phone = workshops.join(workshop.id, 'telefoon', perspective='Inwoner')
    card = workshops.asks(step.id).cards[0].id
    paper.act_for(helper.id, resident.id, step.id, {'card': card, 'add': True})
    workshops.act(phone.id, step.id, {'card': card, 'add': True})
    refused('error.one_dot_per_card', paper.act_for, helper.id, resident.id, step.id, {'card': card, 'add': True})
    assert workshops.answered(step.id) == 2


def test_paper_answers_count_in_the_perspective_split_with_its_minimum_group_size(running):
    workshop, at = running
    step = at('nu')
    helper = table_hosts.add(workshop.id, 'Hanna', 'Tafel 1').helper
    for number in range(2):
        workshops.act(workshops.join(workshop.id, f'telefoon-{number}', perspective='Mantelzorger').id, step.id,
                      {'value': 4})
    resident = paper.add_resident(helper.id, perspective='Mantelzorger')  # the third: the group may be shown now
    paper.act_for(helper.id, resident.id, step.id, {'value': 2})
    alone = paper.add_resident(helper.id, perspective='Inwoner')  # a group of one is never shown
    paper.act_for(helper.id, alone.id, step.id, {'value': 1})
    votes = workshops.results(step.id).votes
    assert votes.respondents == 4 and votes.hidden_respondents == 1
    assert [(group.name, group.respondents) for group in votes.groups] == [('Mantelzorger', 3)]


def test_results_split_by_table_count_phones_and_paper_at_each_table_with_the_minimum_group_size(running):
    workshop, at = running
    step = at('nu')
    hanna = table_hosts.add(workshop.id, 'Hanna', 'Tafel 1').helper
    piet = table_hosts.add(workshop.id, 'Piet', 'Tafel 2').helper
    phones = [workshops.join(workshop.id, f'telefoon-{number}', table=table, perspective='Mantelzorger')
              for number, table in enumerate(['Tafel 1', 'Tafel 1', ''])]  # the last one chose no table
    for phone in phones:
        workshops.act(phone.id, step.id, {'value': 4})
    for helper, perspective in [(hanna, 'Inwoner'), (piet, 'Inwoner'), (piet, 'Inwoner')]:
        resident = paper.add_resident(helper.id, perspective=perspective)
        paper.act_for(helper.id, resident.id, step.id, {'value': 2})

    workshops.split_results(step.id, 'table')
    votes = workshops.results(step.id).votes
    assert [(group.name, group.respondents, [bar.count for bar in group.bars if bar.count])
            for group in votes.groups] == [('Tafel 1', 3, [1, 2])]  # Tafel 2 has only two: too small to show
    assert votes.respondents == 6 and votes.hidden_respondents == 3
    assert [group.name for group in facts.read(workshop.id).results[step.id].votes.groups] == \
        ['Inwoner', 'Mantelzorger']  # the workbook counts per perspective, whatever the screen shows
    workshops.split_results(step.id, 'perspective')
    assert [group.name for group in workshops.results(step.id).votes.groups] == ['Inwoner', 'Mantelzorger']
    with pytest.raises(DomainError):
        workshops.split_results(step.id, 'kleur')


def test_a_helper_cannot_act_for_another_helpers_resident_or_a_phone(running):
    workshop, at = running
    step = at('nu')
    hanna = table_hosts.add(workshop.id, 'Hanna', 'Tafel 1').helper
    piet = table_hosts.add(workshop.id, 'Piet', 'Tafel 2').helper
    piets_resident = paper.add_resident(piet.id)
    phone = workshops.join(workshop.id, 'telefoon')
    refused('paper.not_yours', paper.act_for, hanna.id, piets_resident.id, step.id, {'value': 3})
    refused('paper.not_yours', paper.act_for, hanna.id, phone.id, step.id, {'value': 3})
    refused('paper.not_yours', paper.remove, hanna.id, piets_resident.id, step.id)
    with pytest.raises(DomainError):
        paper.resident(hanna.id, piets_resident.id)


def test_a_helper_acts_only_on_the_current_open_step(running):
    workshop, at = running
    earlier = at('nu')
    helper = table_hosts.add(workshop.id, 'Hanna', 'Tafel 1').helper
    resident = paper.add_resident(helper.id)
    paper.act_for(helper.id, resident.id, earlier.id, {'value': 2})
    workshops.lock_step(earlier.id, True)
    refused('error.step_locked', paper.act_for, helper.id, resident.id, earlier.id, {'value': 3})
    refused('error.step_locked', paper.remove, helper.id, resident.id, earlier.id)
    at('evaluatie')
    refused('error.step_not_current', paper.act_for, helper.id, resident.id, earlier.id, {'value': 3})


def test_a_kind_with_nothing_to_answer_says_so(running):
    workshop, at = running
    step = at('welkom')
    helper = table_hosts.add(workshop.id, 'Hanna', 'Tafel 1').helper
    refused('paper.nothing_to_answer', paper.act_for, helper.id, paper.add_resident(helper.id).id, step.id, {})


def test_a_paper_form_can_be_corrected_and_removed_until_the_step_locks(running):
    workshop, at = running
    step = at('nu')
    helper = table_hosts.add(workshop.id, 'Hanna', 'Tafel 1').helper
    form = paper.add_resident(helper.id)  # one form of a stack: anonymous
    named = paper.add_resident(helper.id, nickname='Mevrouw J.')
    paper.act_for(helper.id, form.id, step.id, {'value': 2})
    assert paper.act_for(helper.id, form.id, step.id, {'value': 4}) == workshops.mine(form.id, step.id)
    paper.act_for(helper.id, named.id, step.id, {'value': 5})
    assert answers() == 2
    paper.remove(helper.id, form.id, step.id)
    paper.remove(helper.id, named.id, step.id)
    assert answers() == 0
    with db.reading() as session:  # the anonymous form is gone; the named resident stays at the table
        assert list(session.exec(select(Participant.id).where(Participant.source == PAPER))) == [named.id]


def test_paper_participants_need_joining_to_be_open(running):
    workshop, _ = running
    helper = table_hosts.add(workshop.id, 'Hanna', 'Tafel 1').helper
    workshops.lock_joining(workshop.id, True)
    with pytest.raises(DomainError) as caught:
        paper.add_resident(helper.id)
    assert caught.value.key == 'error.joining_closed'


def test_the_workbook_shows_source_and_table_on_deelnemers_and_stemmen(running):
    workshop, at = running
    step = at('nu')
    helper = table_hosts.add(workshop.id, 'Hanna', 'Tafel 1').helper
    resident = paper.add_resident(helper.id)
    phone = workshops.join(workshop.id, 'telefoon', table='Tafel 1')
    alone = workshops.join(workshop.id, 'alleen')
    for person, value in ((phone, 4), (alone, 1)):
        workshops.act(person.id, step.id, {'value': value})
    paper.act_for(helper.id, resident.id, step.id, {'value': 2})
    book = openpyxl.load_workbook(io.BytesIO(workbook.as_bytes(workshop.id)))
    expected = {resident.pseudonym: ('papier', 'Tafel 1'), phone.pseudonym: ('telefoon', 'Tafel 1'),
                alone.pseudonym: ('telefoon', None)}
    assert rows(book['Deelnemers'], 'Deelnemer', 'Bron', 'Tafel') == expected
    assert rows(book['Stemmen'], 'Deelnemer', 'Bron', 'Tafel') == expected
    session = dict(book['Sessie'].iter_rows(min_row=2, max_col=2, values_only=True))
    assert session['Schemaversie'] == workbook.SCHEMA_VERSION == '1.3'


def rows(sheet, key: str, *columns: str) -> dict:  # type: ignore[no-untyped-def]
    header, *data = sheet.iter_rows(values_only=True)
    at = [header.index(name) for name in (key, *columns)]
    return {row[at[0]]: tuple(row[index] for index in at[1:]) for row in data if row[0] is not None}
