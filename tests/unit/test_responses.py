"""The municipality's answers: filled in the exported workbook, uploaded back, checked row by row."""
import os
import re
import shutil
import subprocess
import sys
from datetime import datetime
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app import db, demo, feedback
from app import workshop as workshops
from app.export import responses, workbook
from app.export.cells import write
from app.export.responses import Refused
from app.feedback import Answer
from app.steps.base import DomainError

ROOT = Path(__file__).parents[2]
LINK = '=HYPERLINK("http://x","klik")'


def rows(book, sheet='Kaarten', table='Kaarten'):
    """{card id: {header: cell}} of a table in the workbook."""
    found = book[sheet].tables[table]
    cells = list(book[sheet][found.ref])
    headers = [cell.value for cell in cells[0]]
    return {row[headers.index('Kaart')].value: dict(zip(headers, row)) for row in cells[1:]}


def filled(book, answers, sheet='Kaarten', table='Kaarten'):
    """The workbook as bytes after typing `answers` ({card id: {header: value}}) into a table, as text cells."""
    table_rows = rows(book, sheet, table)
    for card_id, values in answers.items():
        for header, value in values.items():
            write(table_rows[card_id][header], value)
    stream = BytesIO()
    book.save(stream)
    return stream.getvalue()


def exported(workshop_id):
    return load_workbook(BytesIO(workbook.as_bytes(workshop_id)))


@pytest.fixture
def ideas(database):
    """The demo workshop and its idea cards (ids), the first three on its ladder."""
    workshop = demo.fill()
    step = next(step for step in workshops.state(workshop.id).steps if step.key == 'ideeen')
    return workshop, [card.id for card in workshops.cards_of_step(step.id)]


def test_answers_filled_in_excel_are_stored_and_exported_again(ideas):
    workshop, cards = ideas
    book = exported(workshop.id)
    assert {'Besluit', 'Toelichting', 'Wie pakt het op', 'Wanneer'} <= set(next(iter(rows(book).values())))
    data = filled(book, {cards[0]: {'Besluit': 'overgenomen', 'Toelichting': 'Het loket opent in maart.',
                                    'Wie pakt het op': 'Team Wijk', 'Wanneer': 'maart 2027'},
                         cards[1]: {'Besluit': 'Niet overgenomen', 'Toelichting': 'Daar is geen geld voor.'}})
    assert responses.import_responses(workshop.id, data) == 2
    assert feedback.answers(workshop.id) == {
        cards[0]: Answer('overgenomen', 'Het loket opent in maart.', 'Team Wijk', 'maart 2027'),
        cards[1]: Answer('niet overgenomen', 'Daar is geen geld voor.')}
    again = exported(workshop.id)
    assert [rows(again)[cards[1]][header].value for header in ('Besluit', 'Toelichting')] == [
        'niet overgenomen', 'Daar is geen geld voor.']
    ladder = rows(again, 'Ladder', 'LadderPerKaart')
    assert ladder[cards[0]]['Besluit'].value == 'overgenomen'  # the top idea is on the ladder too
    assert responses.import_responses(workshop.id, workbook.as_bytes(workshop.id)) == 0  # a round trip changes nothing


def test_the_besluit_cells_offer_the_four_decisions(ideas):
    workshop, _ = ideas
    book = exported(workshop.id)
    for sheet, table in (('Kaarten', 'Kaarten'), ('Ladder', 'LadderPerKaart')):
        column = next(iter(rows(book, sheet, table).values()))['Besluit'].column_letter
        validation = next(found for found in book[sheet].data_validations.dataValidation
                          if str(found.sqref).startswith(column))
        assert validation.type == 'list' and validation.formula1 == '"' + ','.join(feedback.DECISIONS) + '"'
        last_row = re.sub(r'\D', '', book[sheet].tables[table].ref.split(':')[1])
        assert str(validation.sqref) == f'{column}2:{column}{last_row}'


def test_a_second_upload_changes_one_answer(ideas):
    workshop, cards = ideas
    responses.import_responses(workshop.id, filled(exported(workshop.id), {
        cards[0]: {'Besluit': 'wordt onderzocht'}, cards[2]: {'Besluit': 'overgenomen'}}))
    assert responses.import_responses(workshop.id, filled(exported(workshop.id), {
        cards[0]: {'Besluit': 'deels overgenomen', 'Toelichting': 'Alleen op dinsdag.'}})) == 1
    assert feedback.answers(workshop.id) == {cards[0]: Answer('deels overgenomen', 'Alleen op dinsdag.'),
                                             cards[2]: Answer('overgenomen')}


def test_an_emptied_row_takes_the_answer_away(ideas):
    workshop, cards = ideas
    responses.import_responses(workshop.id, filled(exported(workshop.id), {cards[0]: {'Besluit': 'overgenomen'}}))
    book = exported(workshop.id)
    rows(book)[cards[0]]['Besluit'].value = None
    rows(book, 'Ladder', 'LadderPerKaart')[cards[0]]['Besluit'].value = None
    stream = BytesIO()
    book.save(stream)
    assert responses.import_responses(workshop.id, stream.getvalue()) == 1
    assert feedback.answers(workshop.id) == {}


def test_a_change_on_the_ladder_summary_counts_and_two_different_changes_conflict(ideas):
    workshop, cards = ideas
    data = filled(exported(workshop.id), {cards[0]: {'Besluit': 'overgenomen'}}, 'Ladder', 'LadderPerKaart')
    assert responses.import_responses(workshop.id, data) == 1
    assert feedback.answers(workshop.id)[cards[0]].decision == 'overgenomen'
    book = exported(workshop.id)
    filled(book, {cards[0]: {'Besluit': 'niet overgenomen'}})
    data = filled(book, {cards[0]: {'Besluit': 'wordt onderzocht'}}, 'Ladder', 'LadderPerKaart')
    with pytest.raises(Refused) as refused:
        responses.import_responses(workshop.id, data)
    assert [(problem.key, problem.args_) for problem in refused.value.problems] == [
        ('responses.conflict', {'card': cards[0]})]


def broken(workshop_id, cards):
    """An export with a good answer, an unknown card, a bad Besluit, a formula and a changed text."""
    book = exported(workshop_id)
    table = rows(book)
    write(table[cards[0]]['Besluit'], 'overgenomen')
    write(table[cards[1]]['Kaart'], 99_999)
    write(table[cards[2]]['Besluit'], 'misschien')
    write(table[cards[3]]['Besluit'], 'overgenomen')
    table[cards[3]]['Toelichting'].value = LINK  # as Excel stores what the analyst typed: a formula
    write(table[cards[4]]['Tekst'], 'Iets anders')
    stream = BytesIO()
    book.save(stream)
    return stream.getvalue(), {card_id: cell['Kaart'].row for card_id, cell in table.items()}


def test_a_broken_file_is_reported_row_by_row_and_changes_nothing(ideas):
    workshop, cards = ideas
    responses.import_responses(workshop.id, filled(exported(workshop.id), {cards[5]: {'Besluit': 'overgenomen'}}))
    before = feedback.answers(workshop.id)
    data, row = broken(workshop.id, cards)
    with pytest.raises(Refused) as refused:
        responses.import_responses(workshop.id, data)
    assert refused.value.key == 'responses.refused' and refused.value.args_ == {'count': 4}
    assert [(problem.key, problem.args_) for problem in refused.value.problems] == [
        ('responses.unknown_card', {'card': '99999', 'sheet': 'Kaarten', 'row': row[cards[1]]}),
        ('responses.bad_decision', {'value': 'misschien', 'choices': ', '.join(feedback.DECISIONS),
                                    'sheet': 'Kaarten', 'row': row[cards[2]]}),
        ('responses.formula', {'column': 'Toelichting', 'sheet': 'Kaarten', 'row': row[cards[3]]}),
        ('responses.text_changed', {'card': cards[4], 'sheet': 'Kaarten', 'row': row[cards[4]]})]
    assert feedback.answers(workshop.id) == before


def test_text_that_looks_like_a_formula_stays_text(ideas):
    workshop, cards = ideas
    responses.import_responses(workshop.id, filled(exported(workshop.id), {
        cards[0]: {'Besluit': 'overgenomen', 'Toelichting': LINK, 'Wie pakt het op': '#N/A', 'Wanneer': '+2027'}}))
    assert feedback.answers(workshop.id)[cards[0]] == Answer('overgenomen', LINK, '#N/A', '+2027')
    cell = rows(exported(workshop.id))[cards[0]]['Toelichting']
    assert (cell.value, cell.data_type, cell.quotePrefix) == (LINK, 's', True)


def test_a_date_typed_in_wanneer_is_kept_as_the_day(ideas):
    workshop, cards = ideas
    book = exported(workshop.id)
    rows(book)[cards[0]]['Besluit'].value = 'overgenomen'
    rows(book)[cards[0]]['Wanneer'].value = datetime(2027, 3, 1)
    stream = BytesIO()
    book.save(stream)
    responses.import_responses(workshop.id, stream.getvalue())
    assert feedback.answers(workshop.id)[cards[0]].due == '01-03-2027'


def test_a_workbook_of_another_workshop_or_an_older_schema_is_refused(ideas):
    workshop, cards = ideas
    other = demo.fill()
    for data, key in ((workbook.as_bytes(other.id), 'responses.other_workshop'),
                      (_with_version(exported(workshop.id), '1.1'), 'responses.no_columns'),
                      (b'geen excel', 'intake.not_a_workbook')):
        with pytest.raises(DomainError) as refused:
            responses.import_responses(workshop.id, data)
        assert refused.value.key == key
    assert feedback.answers(workshop.id) == {}


def _with_version(book, version):
    next(row for row in book['Sessie'].iter_rows() if row[0].value == 'Schemaversie')[1].value = version
    stream = BytesIO()
    book.save(stream)
    return stream.getvalue()


def test_import_responses_on_the_command_line(ideas, tmp_path):
    workshop, cards = ideas
    env = {**os.environ, 'DATABASE_URL': db.engine().url.render_as_string(hide_password=False)}
    bad, row = broken(workshop.id, cards)
    (tmp_path / 'fout.xlsx').write_bytes(bad)
    (tmp_path / 'goed.xlsx').write_bytes(filled(exported(workshop.id), {cards[0]: {'Besluit': 'overgenomen'}}))
    command = [sys.executable, '-m', 'app', 'import-responses', workshop.code.lower()]
    refused = subprocess.run([*command, str(tmp_path / 'fout.xlsx')], cwd=ROOT, env=env, capture_output=True, text=True)
    assert refused.returncode == 1
    assert 'Er is niets opgeslagen. Dit bestand heeft 4 fouten.' in refused.stderr
    assert f'Blad Kaarten, rij {row[cards[2]]}: „misschien” kan niet als Besluit.' in refused.stderr
    assert f'Blad Kaarten, rij {row[cards[3]]}: in de kolom Toelichting staat een formule.' in refused.stderr
    stored = subprocess.run([*command, str(tmp_path / 'goed.xlsx')], cwd=ROOT, env=env, capture_output=True, text=True)
    assert (stored.returncode, stored.stdout.strip()) == (0, 'Opgeslagen. 1 reactie is nieuw of veranderd.')


@pytest.mark.skipif(shutil.which('soffice') is None and 'MAKELEVEL' not in os.environ,
                    reason='LibreOffice (soffice) is not installed; `make test` installs it')
def test_a_workbook_saved_again_by_a_spreadsheet_program_reads_back(ideas, tmp_path):
    """What an analyst does: open the export in a spreadsheet, fill it in, save. Hostile card texts must survive."""
    workshop, cards = ideas
    step = next(step for step in workshops.state(workshop.id).steps if step.key == 'ideeen')
    workshops.seed_cards(step.id, [(LINK, 'twee\nregels'), ('#N/A', ''), ('-5 euro', '')], origin='lijst')
    (tmp_path / 'in.xlsx').write_bytes(filled(exported(workshop.id), {
        cards[0]: {'Besluit': 'overgenomen', 'Toelichting': LINK, 'Wanneer': '2027'}}))
    subprocess.run(['soffice', f'-env:UserInstallation=file://{tmp_path / "profile"}', '--headless', '--calc',
                    '--convert-to', 'xlsx', '--outdir', str(tmp_path / 'out'), str(tmp_path / 'in.xlsx')],
                   check=True, capture_output=True, timeout=180)
    assert responses.import_responses(workshop.id, (tmp_path / 'out' / 'in.xlsx').read_bytes()) == 1
    assert feedback.answers(workshop.id) == {cards[0]: Answer('overgenomen', LINK, due='2027')}


def test_a_wholly_wrong_file_counts_every_problem_and_lists_the_first_fifty(ideas):
    workshop, _ = ideas
    step = next(step for step in workshops.state(workshop.id).steps if step.key == 'ideeen')
    workshops.seed_cards(step.id, [(f'Idee {number}', '') for number in range(50)], origin='lijst')
    book = exported(workshop.id)
    data = filled(book, {card_id: {'Besluit': 'ja'} for card_id in rows(book)})
    with pytest.raises(Refused) as refused:
        responses.import_responses(workshop.id, data)
    assert refused.value.args_ == {'count': len(rows(book))} and len(rows(book)) > responses.MAX_PROBLEMS
    assert len(refused.value.problems) == responses.MAX_PROBLEMS
