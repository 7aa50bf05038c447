"""The Excel workbook is a contract: sheets, tables, columns, one row per fact, literal residents' text."""
import csv
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from openpyxl.worksheet.cell_range import CellRange
from sqlmodel import func, select

from app import db, demo, plans
from app import workshop as workshops
from app.export import workbook
from app.export.cells import MAX_LENGTH, safe_text
from app.steps import kind_of
from app.steps.ladder import export as ladder_export
from app.models import Answer, Card, Participant, Step
from app.text import clean

ROOT = Path(__file__).parents[2]
AMSTERDAM = ZoneInfo('Europe/Amsterdam')
HOSTILE = ['=HYPERLINK("http://x","klik")', '+31 6 123', '-5', '@SUM(A1)', '\t=1+1', '\r=2+2', '#N/A', '#REF!',
           '#DIV/0!', 'a\x01b\x1fc\x7f', '👍🏽', 'مرحبا', 'twee\nregels']
RAW = ['\t=3+3', '=' + 'lang ' * 1000, 'kapot\x08\x1b\ufffe\uffffteken', '@' + 'x' * 40_000]  # past the door


def table(sheet, name):
    """The rows of an Excel table as dicts by header; an empty table's blank filler row is left out."""
    min_col, min_row, max_col, max_row = CellRange(sheet.tables[name].ref).bounds
    rows = list(sheet.iter_rows(min_row=min_row, max_row=max_row, min_col=min_col, max_col=max_col))
    headers = [cell.value for cell in rows[0]]
    return [dict(zip(headers, row)) for row in rows[1:] if any(cell.value is not None for cell in row)]


def values(rows, header):
    return [row[header].value for row in rows]


def saved(workshop_id, tmp_path):
    path = tmp_path / 'export.xlsx'
    workbook.export(workshop_id, path)
    return path, openpyxl.load_workbook(path)


@pytest.fixture
def demo_book(database, tmp_path):
    """The demo workshop plus a consent round, exported and read back."""
    workshop = demo.fill()
    steps = {step.key: step for step in workshops.state(workshop.id).steps}
    workshops.go_to_step(workshop.id, steps['leven'].id)
    items = workshops.asks(steps['leven'].id).cards
    people = db_rows(Participant)
    for person, answer in zip(people, ['ja', 'ja_maar', 'nee_want', 'ja']):
        workshops.act(person.id, steps['leven'].id, {'card': items[0].id, 'answer': answer, 'reason': 'Omdat.'})
    return workshop, saved(workshop.id, tmp_path)[1]


def db_rows(model, *where):
    with db.reading() as session:
        return list(session.exec(select(model).where(*where)))


def test_sheets_come_in_the_contract_order(demo_book):
    _, book = demo_book
    assert book.sheetnames == ['Samenvatting', 'Verslag', 'Sessie', 'Stappen', 'Deelnemers', 'Kaarten', 'Stemmen',
                               'Ladder', 'Toelichting']


def test_every_data_sheet_is_a_frozen_table_with_the_contract_headers_over_all_its_rows(demo_book):
    _, book = demo_book
    contract = {'Stappen': workbook.STEPS_WRITTEN, 'Deelnemers': [*workbook.PARTICIPANTS, workbook.NICKNAME],
                'Kaarten': workbook.CARDS, 'Stemmen': workbook.VOTES, 'Sessie': workbook.SESSION}
    for name, columns in contract.items():
        sheet = book[name]
        assert sheet.freeze_panes == 'A2'
        found = sheet.tables[name]
        assert found.tableStyleInfo is not None and found.autoFilter is not None
        min_col, min_row, max_col, max_row = CellRange(found.ref).bounds
        assert [cell.value for cell in sheet[1][min_col - 1:max_col]] == [column.header for column in columns]
        assert (min_row, max_row) == (1, sheet.max_row), name
        assert sheet.column_dimensions['A'].width > 5


def test_rows_match_the_database(demo_book):
    workshop, book = demo_book
    steps = db_rows(Step, Step.workshop_id == workshop.id)
    vote_steps = [step.id for step in steps if kind_of(step.kind).export.vote is not None]
    cards = db_rows(Card, Card.workshop_id == workshop.id)
    assert len(table(book['Stappen'], 'Stappen')) == len(steps) == 12
    assert len(table(book['Deelnemers'], 'Deelnemers')) == len(demo.RESIDENTS)
    assert sorted(values(table(book['Kaarten'], 'Kaarten'), 'Kaart')) == sorted(card.id for card in cards)
    votes = table(book['Stemmen'], 'Stemmen')
    assert len(votes) == len(db_rows(Answer, Answer.step_id.in_(vote_steps))) == 14 + 14 * 3 + 4
    dots = values(table(book['Kaarten'], 'Kaarten'), 'Stippen')
    assert sum(dots) == len([vote for vote in votes if vote['Soort'].value == 'stippen']) == 42
    consent = [vote for vote in votes if vote['Soort'].value == 'draagvlak']
    assert [(vote['Keuze'].value, vote['Antwoord'].value) for vote in consent] == [
        ('ja', 'Ja'), ('ja_maar', 'Ja, maar…'), ('nee_want', 'Nee, want…'), ('ja', 'Ja')]
    session = {row['Gegeven'].value: row['Waarde'].value for row in table(book['Sessie'], 'Sessie')}
    assert session['Gemeente'] == 'Voorbeeldgemeente'
    assert session['Deelnemers'] == len(demo.RESIDENTS)
    assert session['Schemaversie'] == workbook.SCHEMA_VERSION
    per_perspective = {row['Perspectief'].value: row['Deelnemers'].value
                       for row in table(book['Sessie'], 'Perspectieven')}
    assert per_perspective['Inwoner'] == 4 and per_perspective['Niet gezegd'] == 1


def test_pseudonyms_join_every_sheet_to_deelnemers(demo_book):
    _, book = demo_book
    known = set(values(table(book['Deelnemers'], 'Deelnemers'), 'Deelnemer'))
    assert all(name.startswith('D-') for name in known)
    assert set(values(table(book['Stemmen'], 'Stemmen'), 'Deelnemer')) <= known
    assert set(values(table(book['Kaarten'], 'Kaarten'), 'Auteur')) <= known


def test_small_perspective_groups_are_not_named_next_to_answers(demo_book):
    _, book = demo_book
    shown = set(values(table(book['Deelnemers'], 'Deelnemers'), 'Perspectief'))
    assert shown == {'Inwoner', 'Mantelzorger', 'Cliënt (gebruikt zelf ondersteuning)', None}
    assert 'Gemeente' not in set(values(table(book['Stemmen'], 'Stemmen'), 'Perspectief'))
    summary = {cell.value for row in book['Samenvatting'].iter_rows() for cell in row if isinstance(cell.value, str)}
    assert not any(text.startswith('Gemeente (') for text in summary)  # no column for a group of one


def test_times_are_datetimes_in_the_municipality_time_zone(demo_book):
    _, book = demo_book
    stored = {person.pseudonym: person.joined_at for person in db_rows(Participant)}
    for row in table(book['Deelnemers'], 'Deelnemers'):
        cell = row['Meegedaan op']
        assert cell.is_date and isinstance(cell.value, datetime) and cell.value.tzinfo is None
        moment = stored[row['Deelnemer'].value]
        expected = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(AMSTERDAM).replace(tzinfo=None)
        assert abs(cell.value - expected) < timedelta(milliseconds=2)
    assert all(isinstance(value, int) for value in values(table(book['Kaarten'], 'Kaarten'), 'Kaart'))


def test_ladder_sheet_has_a_row_per_placement_and_a_summary_per_card(demo_book):
    workshop, book = demo_book
    ladder = next(step for step in db_rows(Step, Step.workshop_id == workshop.id) if step.kind == 'ladder')
    placements = db_rows(Answer, Answer.step_id == ladder.id)
    sheet = book['Ladder']
    headers = [column.header for column in ladder_export.PLACEMENTS]
    assert [cell.value for cell in sheet[1][:len(headers)]] == headers
    assert len(table(sheet, 'Ladder')) == len(placements) > 0
    summary = table(sheet, 'LadderPerKaart')
    results = workshops.results(ladder.id)
    assert {row['Kaart'].value: (row['Mediaan nu'].value, row['Mediaan gewenst'].value) for row in summary} == {
        item.card.id: (item.summary.median_now, item.summary.median_desired)
        for item in results.cards}  # what the screen shows


def test_summary_has_a_chart_per_result_with_bars_and_reads_like_the_screen(demo_book):
    workshop, book = demo_book
    sheet = book['Samenvatting']
    texts = [cell.value for row in sheet.iter_rows(max_col=1) for cell in row if isinstance(cell.value, str)]
    assert 'Stap 7. Kiezen' in texts
    # scale 'nu', dots 'kiezen', ladder 'eigenaar', consent (3 items), scale 'evaluatie'
    assert len(sheet._charts) == 7
    headers = {cell.value for row in sheet.iter_rows() for cell in row}
    assert {'Inwoner (4)', 'Mantelzorger (3)'} <= headers


def test_summary_shows_the_ladder_per_perspective_group_large_enough(demo_book):
    workshop, book = demo_book
    texts = [row[0].value for row in book['Samenvatting'].iter_rows(max_col=1)]
    ladder = texts.index('Stap 8. Wie wordt eigenaar?')
    following = texts[ladder + 1:texts.index('Stap 9. Kunt u hiermee leven?')]
    assert {'Inwoner (4)', 'Mantelzorger (3)'} <= set(following)
    assert not any(str(text).startswith('Gemeente') for text in following)  # a group of one is never shown


def test_toelichting_explains_every_column_and_rung(demo_book):
    workshop, book = demo_book
    explained = {(row['Blad'].value, row['Kolom'].value) for row in table(book['Toelichting'], 'Kolommen')}
    for name in ('Stappen', 'Kaarten', 'Stemmen', 'Deelnemers'):
        sheet = book[name]
        min_col, _, max_col, _ = CellRange(sheet.tables[name].ref).bounds
        assert {(name, cell.value) for cell in sheet[1][min_col - 1:max_col]} <= explained
    rungs = table(book['Toelichting'], 'Treden')
    assert [row['Naam'].value for row in rungs] == [rung['label'] for rung in workshop.ladder]


@pytest.fixture
def hostile_export(database, tmp_path):
    """Hostile card texts as residents would send them, plus raw ones written past the door; the saved file."""
    workshop = workshops.create(plans.load(plans.DEFAULT_PLAN), title='Vijandig')
    workshops.open_for_joining(workshop.id)
    step = next(step for step in workshops.state(workshop.id).steps if step.key == 'ideeen')
    workshops.go_to_step(workshop.id, step.id)
    for number, text in enumerate(HOSTILE):
        person = workshops.join(workshop.id, f'phone-{number // 5}')
        workshops.act(person.id, step.id, {'text': text, 'motivation': text})
    with db.transaction() as session:
        for text in RAW:
            session.add(Card(workshop_id=workshop.id, step_id=step.id, text=text))
    expected = [safe_text(clean(text, max_length=280)) for text in HOSTILE] + [safe_text(text) for text in RAW]
    return expected, saved(workshop.id, tmp_path)[0]


def test_hostile_texts_round_trip_as_literal_text(hostile_export):
    expected, path = hostile_export
    cards = table(openpyxl.load_workbook(path)['Kaarten'], 'Kaarten')
    assert [row['Tekst'].value for row in cards] == expected
    for row in cards:
        cell = row['Tekst']
        assert isinstance(cell.value, str) and cell.data_type == 's'
        assert cell.quotePrefix == cell.value.startswith(('=', '+', '-', '@', '\t', '\r'))
    assert len(expected[-1]) == MAX_LENGTH and 'kapotteken' in expected


@pytest.mark.skipif(shutil.which('soffice') is None and 'MAKELEVEL' not in os.environ,
                    reason='LibreOffice (soffice) is not installed; `make test` installs it')
def test_libreoffice_reads_hostile_texts_literally(hostile_export, tmp_path):
    expected, path = hostile_export
    out = tmp_path / 'csv'
    subprocess.run(['soffice', f'-env:UserInstallation=file://{tmp_path / "profile"}', '--headless', '--convert-to',
                    'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
                    '--outdir', str(out), str(path)], check=True, capture_output=True, timeout=180)
    with (out / 'export-Kaarten.csv').open(encoding='utf-8', newline='') as file:
        texts = [row['Tekst'] for row in csv.DictReader(file)]
    assert texts == expected


def test_unknown_code_exits_with_1_and_a_clear_message(tmp_path):
    done = subprocess.run([sys.executable, '-m', 'app', 'export', 'NOPE99', '-o', str(tmp_path / 'x.xlsx')],
                          cwd=ROOT, env={**os.environ, 'DATA_DIR': str(tmp_path), 'DATABASE_URL': ''},
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert 'NOPE99' in done.stderr
    assert not (tmp_path / 'x.xlsx').exists()


def test_filename_names_code_and_day(database):
    workshop = workshops.create(plans.load(plans.DEFAULT_PLAN))
    assert workbook.filename(workshop, datetime(2025, 3, 4).date()) == f'samenspraak-{workshop.code}-2025-03-04.xlsx'


def test_ladder_placements_and_per_card_summary(database, tmp_path):
    workshop = workshops.create(plans.load(plans.DEFAULT_PLAN))
    workshops.open_for_joining(workshop.id)
    people = [workshops.join(workshop.id, f'p{number}') for number in range(3)]
    with db.transaction() as session:
        cards_step = session.exec(select(Step).where(Step.workshop_id == workshop.id, Step.key == 'ideeen')).one()
        ladder = session.exec(select(Step).where(Step.workshop_id == workshop.id, Step.kind == 'ladder')).one()
        card = Card(workshop_id=workshop.id, step_id=cards_step.id, text='=Eén loket')
        session.add(card)
        session.flush()
        ladder_number = ladder.position + 1
        for person, (now, wish) in zip(people, [(0, 3), (1, 4), (1, 5)]):
            session.add(Answer(step_id=ladder.id, participant_id=person.id, target=card.id, slot=0, value=now,
                               card_id=card.id))
            session.add(Answer(step_id=ladder.id, participant_id=person.id, target=card.id, slot=1, value=wish,
                               card_id=card.id))
        card_id = card.id
        placements = session.exec(select(func.count()).select_from(Answer).where(Answer.step_id == ladder.id)).one()
    book = saved(workshop.id, tmp_path)[1]
    rows = table(book['Ladder'], 'Ladder')
    assert len(rows) == placements == 6
    first = rows[0]
    assert (first['Stap'].value, first['Kaart'].value, first['Kaarttekst'].value) == (ladder_number, card_id,
                                                                                      '=Eén loket')
    assert first['Kaarttekst'].data_type == 's'
    assert sorted((row['Positie'].value, row['Trede'].value) for row in rows) == [
        ('gewenst', 4), ('gewenst', 5), ('gewenst', 6), ('nu', 1), ('nu', 2), ('nu', 2)]
    assert {row['Trede naam'].value for row in rows if row['Trede'].value == 1} == {workshop.ladder[0]['label']}
    [summary] = table(book['Ladder'], 'LadderPerKaart')
    assert summary['Kaart'].value == card_id
    assert [summary[f'Nu trede {n}'].value for n in range(1, 7)] == [1, 2, 0, 0, 0, 0]
    assert (summary['Mediaan nu'].value, summary['Mediaan gewenst'].value, summary['Verschil'].value) == (2, 5, 3)
    stappen = {row['Stap'].value: row for row in table(book['Stappen'], 'Stappen')}
    assert (stappen[ladder_number]['Soort'].value, stappen[ladder_number]['Reacties'].value) == ('ladder', 6)


def test_a_ladder_with_its_own_cards_exports_them_with_their_origin_and_placements(database, tmp_path):
    raw = {'title': 'Buurt', 'perspectives': ['Inwoner'], 'ladder': [{'label': f'Trede {n}'} for n in range(1, 4)],
           'steps': [{'key': 'eigen', 'kind': 'ladder', 'title': 'Wie doet wat?', 'cards': ['Buurthuis']}]}
    workshop = workshops.create(plans.parse(raw, 'buurt.toml'))
    workshops.open_for_joining(workshop.id)
    [ladder] = workshops.state(workshop.id).steps
    workshops.add_card(workshop.id, ladder.id, 'Eén loket')
    ans = workshops.join(workshop.id, 'ans')
    planned, typed = (card.id for card in workshops.asks(ladder.id).cards)
    workshops.act(ans.id, ladder.id, {'card': typed, 'rung': 2})
    book = saved(workshop.id, tmp_path)[1]
    cards = table(book['Kaarten'], 'Kaarten')
    assert [(row['Kaart'].value, row['Stap'].value, row['Tekst'].value, row['Auteur'].value, row['Herkomst'].value)
            for row in cards] == [(planned, 1, 'Buurthuis', None, 'plan'), (typed, 1, 'Eén loket', None, 'begeleider')]
    assert [(row['Stap'].value, row['Kaart'].value, row['Kaarttekst'].value, row['Trede'].value)
            for row in table(book['Ladder'], 'Ladder')] == [(1, typed, 'Eén loket', 3)]
    assert [row['Kaart'].value for row in table(book['Ladder'], 'LadderPerKaart')] == [typed]


def test_cells_keep_unwritable_text_saveable(tmp_path):
    from app.export.cells import write
    book = openpyxl.Workbook()
    raw = ['null\x00teken', 'los\ud800half', 'niet\ufffe\uffffteken', '#NAME?', '-' + 'y' * 40_000, '']
    for row, text in enumerate(raw, start=1):
        write(book.active.cell(row, 1), text)
    book.save(tmp_path / 'cells.xlsx')
    sheet = openpyxl.load_workbook(tmp_path / 'cells.xlsx').active
    got = [sheet.cell(row, 1).value for row in range(1, len(raw) + 1)]
    assert got == ['nullteken', 'loshalf', 'nietteken', '#NAME?', '-' + 'y' * (MAX_LENGTH - 1), None]
    assert sheet.cell(4, 1).data_type == 's' and sheet.cell(5, 1).quotePrefix


def test_ladder_summary_counts_medians_gap_and_spread():
    from app.steps.ladder.summary import summarize
    placements = [(7, 0, 0), (7, 0, 1), (7, 0, 1), (7, 0, 2), (7, 1, 4), (7, 1, 5), (3, 0, 2), (3, 0, 9), (3, 2, 1)]
    second, first = summarize(placements, rungs=6)[::-1]
    assert (first.card_id, first.counts_now, first.counts_desired) == (3, [0, 0, 1, 0, 0, 0], [0] * 6)
    assert (first.median_now, first.median_desired, first.gap, first.spread_now, first.spread_desired) == (
        3, None, None, 0, None)  # out-of-range rungs and unknown slots are left out
    assert second.counts_now == [1, 2, 1, 0, 0, 0] and second.counts_desired == [0, 0, 0, 0, 1, 1]
    assert (second.median_now, second.median_desired, second.gap) == (2, 5.5, 3.5)
    assert (second.spread_now, second.spread_desired) == (0.5, 0.5)


def test_workbook_as_bytes_is_the_same_contract(database):
    from io import BytesIO
    workshop = demo.fill()
    book = openpyxl.load_workbook(BytesIO(workbook.as_bytes(workshop.id)))
    assert book.sheetnames == list(workbook.SHEETS)


def test_a_removed_step_is_in_the_workbook_marked_removed_with_its_cards(database, tmp_path):
    workshop = workshops.create(plans.load(plans.DEFAULT_PLAN))
    workshops.open_for_joining(workshop.id)
    step = next(step for step in workshops.state(workshop.id).steps if step.key == 'probleem')
    workshops.seed_cards(step.id, [('Te weinig bankjes', '')], origin='test')
    workshops.remove_step(step.id)
    book = saved(workshop.id, tmp_path)[1]
    steps = table(book['Stappen'], 'Stappen')
    assert len(steps) == 12
    assert [row['Sleutel'].value for row in steps if row['Weggehaald'].value == 'ja'] == ['probleem']
    assert 'Te weinig bankjes' in values(table(book['Kaarten'], 'Kaarten'), 'Tekst')
