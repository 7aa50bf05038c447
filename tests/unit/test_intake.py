"""Excel in: a card list seeds a cards step; an exported workbook starts a follow-up session with its cards."""
import zipfile
from io import BytesIO

import pytest
from openpyxl import Workbook, load_workbook
from sqlmodel import select

from app import db, demo, plans
from app import workshop as workshops
from app.export import intake, workbook
from app.export.cells import write
from app.models import Answer, Card, Workshop
from app.steps.ladder import export as ladder_export
from app.steps.base import DomainError

HOSTILE = ['=HYPERLINK("http://x","klik")', '+31 6 123', '-5', '@SUM(A1)', '#N/A', '#REF!', '👍🏽 duim', 'مرحبا']


def xlsx(*rows):
    """A workbook whose first sheet holds the rows, every text a literal text cell (as typed in Excel)."""
    book = Workbook()
    for row in rows:
        book.active.append([None] * len(row))
        for column, value in enumerate(row, start=1):
            write(book.active.cell(book.active.max_row, column), value)
    stream = BytesIO()
    book.save(stream)
    return stream.getvalue()


def stored(model, *where):
    with db.reading() as session:
        return list(session.exec(select(model).where(*where).order_by(model.id)))


@pytest.fixture
def cards_step(database):
    workshop = workshops.create(plans.load(plans.DEFAULT_PLAN))
    return next(step for step in workshops.state(workshop.id).steps if step.key == 'ideeen')


def test_a_card_list_with_header_and_explanations_is_seeded_as_facilitator_cards(cards_step):
    data = xlsx(['Tekst', 'Toelichting'], ['Meer bankjes in het park', 'Om uit te rusten'], [None, None],
                ['Een buurthuis', None], [12.0])
    assert intake.add_card_list(cards_step.id, data) == 3
    cards = stored(Card, Card.step_id == cards_step.id)
    assert [(card.text, card.motivation, card.origin, card.participant_id) for card in cards] == [
        ('Meer bankjes in het park', 'Om uit te rusten', 'lijst', None), ('Een buurthuis', '', 'lijst', None),
        ('12', '', 'lijst', None)]
    assert len(workshops.results(cards_step.id).cards) == 3


def test_a_list_without_header_keeps_its_first_row(cards_step):
    assert intake.read_card_list(xlsx(['Eerste idee'], ['Tweede idee'])) == [('Eerste idee', ''), ('Tweede idee', '')]


def test_hostile_texts_arrive_literally(cards_step):
    intake.add_card_list(cards_step.id, xlsx(*[[text] for text in HOSTILE], ['\u202eomgekeerd\u202c', 'a\x01b']))
    assert [card.text for card in stored(Card)] == [*HOSTILE, 'omgekeerd']
    assert stored(Card)[-1].motivation == 'ab'


def not_xlsx_zip():
    stream = BytesIO()
    with zipfile.ZipFile(stream, 'w') as archive:
        archive.writestr('hallo.txt', 'geen werkmap')
    return stream.getvalue()


@pytest.mark.parametrize(('data', 'key'), [
    (b'\x00\xff random bytes \x13' * 50, 'intake.not_a_workbook'),
    ('Ideeën;Waarom\nMeer bankjes;Om te rusten\n'.encode(), 'intake.not_a_workbook'),
    (not_xlsx_zip(), 'intake.not_a_workbook'),
    (xlsx(), 'intake.empty'),
    (xlsx(['Tekst']), 'intake.empty'),
    (xlsx(['Goed idee'], ['Een', 'twee', 'drie']), 'intake.too_many_columns'),
    (xlsx(*[[f'Idee {n}'] for n in range(600)]), 'intake.too_many_cards'),
    (xlsx(['Goed idee'], ['x' * 5000]), 'intake.row_too_long'),
    (xlsx(['Goed idee'], [None, 'alleen uitleg']), 'intake.row_empty'),
    (b'x' * (intake.MAX_BYTES + 1), 'intake.too_big'),
])
def test_a_bad_file_gives_its_error_and_stores_nothing(cards_step, data, key):
    with pytest.raises(DomainError) as refused:
        intake.add_card_list(cards_step.id, data)
    assert refused.value.key == key
    assert stored(Card) == []


def test_a_too_long_text_names_its_row(cards_step):
    with pytest.raises(DomainError) as refused:
        intake.add_card_list(cards_step.id, xlsx(['Tekst'], ['Goed idee'], ['x' * 5000]))
    assert refused.value.args_ == {'row': 3, 'length': 5000, 'max': 280}


def test_a_card_list_is_refused_for_a_step_that_is_not_a_cards_step(cards_step):
    info = workshops.state(cards_step.workshop_id).steps[0]
    with pytest.raises(DomainError):
        intake.add_card_list(info.id, xlsx(['Goed idee']))


# --- a follow-up session -------------------------------------------------------------------------------------

def ideas(workshop_id):
    step = next(step for step in workshops.state(workshop_id).steps if step.key == 'ideeen')
    return stored(Card, Card.step_id == step.id)


def test_a_follow_up_carries_over_the_visible_idea_cards_with_their_groups(database):
    earlier = demo.fill()
    cards = ideas(earlier.id)
    workshops.merge_card(cards[1].id, cards[0].id)
    workshops.merge_card(cards[2].id, cards[0].id)
    workshops.hide_card(cards[3].id, True)
    data = workbook.as_bytes(earlier.id)

    follow_up = intake.start_follow_up(data, plans.load(plans.DEFAULT_PLAN))

    originals = [card for card in ideas(earlier.id) if not card.hidden]
    carried = ideas(follow_up.id)
    assert [(card.text, card.motivation) for card in carried] == [(card.text, card.motivation) for card in originals]
    lead_of = {new.id: old.id for new, old in zip(carried, originals)}
    assert [lead_of.get(card.group_id) for card in carried] == [card.group_id for card in originals]
    assert {card.origin for card in carried} == {f'sessie {earlier.code}'}
    assert {card.participant_id for card in carried} == {None}
    new = workshops.state(follow_up.id).workshop
    assert (new.title, new.municipality, new.code != earlier.code) == (earlier.title, earlier.municipality, True)
    assert (new.previous['code'], new.previous['title']) == (earlier.code, earlier.title)
    ladder = next(step for step in workshops.state(earlier.id).steps if step.kind == 'ladder')
    placed = {card.text for card in cards if card.id in {answer.card_id
                                                         for answer in stored(Answer, Answer.step_id == ladder.id)}}
    assert {row['card'] for row in new.previous['ladder']} == placed  # the demo's placements, as exported
    assert len(stored(Card, Card.workshop_id == follow_up.id)) == len(originals)


def test_a_follow_up_starts_from_a_workbook_of_schema_1_0(database):
    """1.1 only added Kaarten's column Herkomst, which a follow-up does not read."""
    earlier = demo.fill()
    book = load_workbook(BytesIO(workbook.as_bytes(earlier.id)))
    next(row for row in book['Sessie'].iter_rows() if row[0].value == 'Schemaversie')[1].value = '1.0'
    stream = BytesIO()
    book.save(stream)
    follow_up = intake.start_follow_up(stream.getvalue(), plans.load(plans.DEFAULT_PLAN))
    assert len(ideas(follow_up.id)) == len([card for card in ideas(earlier.id) if not card.hidden])


def test_a_follow_up_keeps_the_ladder_summary_per_card(database):
    earlier = demo.fill()
    book = load_workbook(BytesIO(workbook.as_bytes(earlier.id)))
    sheet = book['Ladder']
    first_column = len(ladder_export.PLACEMENTS) + 2
    headers = [cell.value for cell in sheet[1][first_column - 1:]]
    row = dict(zip(headers, range(first_column, first_column + len(headers))))
    for header, value in (('Kaarttekst', 'Eén loket'), ('Mediaan nu', 2), ('Mediaan gewenst', 4.5), ('Verschil', 2.5)):
        sheet.cell(2, row[header], value)
    stream = BytesIO()
    book.save(stream)
    follow_up = intake.start_follow_up(stream.getvalue(), plans.load(plans.DEFAULT_PLAN), title='Tweede avond')
    new = workshops.state(follow_up.id).workshop
    assert new.title == 'Tweede avond'
    assert len(new.previous['ladder']) == 3  # the demo's top three ideas; the first one edited above
    assert new.previous['ladder'][0] == {'card': 'Eén loket', 'median_now': 2, 'median_desired': 4.5, 'gap': 2.5}


def test_a_workbook_that_is_not_ours_starts_nothing(database):
    earlier = demo.fill()
    book = load_workbook(BytesIO(workbook.as_bytes(earlier.id)))
    sessie = book['Sessie']
    version = next(row for row in sessie.iter_rows() if row[0].value == 'Schemaversie')[1]
    version.value = '9.9'
    stream = BytesIO()
    book.save(stream)
    before = len(stored(Workshop))
    for data, key in ((xlsx(['Een kaartje']), 'intake.not_our_workbook'),
                      (stream.getvalue(), 'intake.wrong_schema'),
                      (b'niet eens een zip', 'intake.not_a_workbook')):
        with pytest.raises(DomainError) as refused:
            intake.start_follow_up(data, plans.load(plans.DEFAULT_PLAN))
        assert refused.value.key == key
    assert len(stored(Workshop)) == before
