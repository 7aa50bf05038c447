"""The participatieverslag: a PDF read back with pdftotext, the same text as the workbook's Verslag sheet, and the
A4 whose QR code leads to the results page."""
import os
import re
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app import db, demo, feedback, outcomes, report
from app import workshop as workshops
from app.export import workbook
from app.feedback import Answer
from app.i18n import Translator
from app.steps.outcome import say

ROOT = Path(__file__).parents[2]
WORLD = 'Geen geld dit jaar: “misschien” in 2028 — € 0. İstanbul şehir, مرحبا'


def text_of(pdf: bytes, tmp_path) -> str:
    path = tmp_path / 'verslag.pdf'
    path.write_bytes(pdf)
    text = subprocess.run(['pdftotext', str(path), '-'], capture_output=True, text=True, check=True).stdout
    return re.sub('[\u202a-\u202e]', '', text)  # the marks pdftotext puts around right-to-left text


@pytest.fixture
def answered(database):
    """The demo workshop, ended, with answers for two idea cards and one idea card hidden."""
    workshop = demo.fill()
    step = next(step for step in workshops.state(workshop.id).steps if step.key == 'ideeen')
    cards = workshops.cards_of_step(step.id)
    feedback.save(workshop.id, {cards[0].id: Answer('overgenomen', 'Het loket opent in maart.', 'Team Wijk',
                                                    'maart 2027'),
                                cards[1].id: Answer('niet overgenomen', WORLD),
                                cards[5].id: Answer('overgenomen', 'Verborgen antwoord')})
    workshops.hide_card(cards[5].id, True)
    workshops.end(workshop.id)
    return workshop, cards


def top_idea(workshop_id):
    """The idea with the most dots as the report lists it: 'text — N stippen'."""
    dots = next(outcome for step, outcome in outcomes.read(workshop_id).steps if step.key == 'kiezen')
    return f'{dots.items[0].text} — {say(Translator(), dots.items[0].figures[0])}'


def test_the_report_says_who_took_part_what_was_asked_and_what_is_done(answered, tmp_path):
    workshop, cards = answered
    text = ' '.join(text_of(report.pdf(workshop.id), tmp_path).split())  # lines joined as a reader reads them
    for expected in ('Participatieverslag: Demo: ondersteuning in de wijk', 'Gemeente: Voorbeeldgemeente',
                     'Plaats: Buurthuis De Linde', 'Begeleider: Demo', f'{len(demo.RESIDENTS)} mensen deden mee.',
                     'Inwoner: 4', 'Mantelzorger: 3', 'kaartjes schreven de deelnemers zelf',
                     'Hoe maken we ondersteuning in onze wijk beter?', 'Uitkomsten per stap', 'Kiezen',
                     top_idea(workshop.id), 'Nu: trede',
                     'Wat doet de gemeente ermee?', 'Overgenomen: de gemeente doet dit.', cards[0].text,
                     'Het loket opent in maart.', 'Wie pakt het op: Team Wijk', 'Wanneer: maart 2027',
                     'Niet overgenomen: de gemeente doet dit niet.', WORLD,
                     f'/r/{workshops.find(code=workshop.code).results_token}'):
        assert expected in text, expected
    assert 'Verborgen antwoord' not in text and cards[5].text not in text  # a hidden card stays hidden
    assert 'Vrijwilliger' not in text  # a group of one is not named


def test_the_workbook_has_the_report_as_its_verslag_sheet(answered, tmp_path):
    workshop, _ = answered
    book = load_workbook(BytesIO(workbook.as_bytes(workshop.id)))
    sheet = [cell.value.removeprefix('• ').strip() for (cell,) in book['Verslag'].iter_rows(max_col=1)]
    assert sheet == [text for _, text in report.blocks(workshop.id)]
    pdf = ' '.join(text_of(report.pdf(workshop.id), tmp_path).split())
    assert all(' '.join(line.split()) in pdf for line in sheet)


def test_the_a4_qr_code_leads_to_the_results_page(answered, tmp_path):
    workshop, _ = answered
    (tmp_path / 'a4.pdf').write_bytes(report.poster(workshop.id))
    subprocess.run(['pdftoppm', '-r', '150', '-png', str(tmp_path / 'a4.pdf'), str(tmp_path / 'a4')], check=True)
    decoded = subprocess.run(['zbarimg', '--raw', '-q', str(tmp_path / 'a4-1.png')], capture_output=True, text=True,
                             check=True).stdout.strip()
    assert decoded == feedback.results_url(workshop.id)
    assert 'Scan de QR-code met uw telefoon.' in text_of(report.poster(workshop.id), tmp_path)


def test_report_on_the_command_line(answered, tmp_path):
    workshop, _ = answered
    env = {**os.environ, 'DATABASE_URL': db.engine().url.render_as_string(hide_password=False)}
    output = tmp_path / 'verslag.pdf'
    done = subprocess.run([sys.executable, '-m', 'app', 'report', workshop.code, '-o', str(output)], cwd=ROOT,
                          env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert 'Het loket opent in maart.' in text_of(output.read_bytes(), tmp_path)


def test_a_right_to_left_card_is_drawn_right_to_left(database, tmp_path):
    """An Arabic card's own line in the PDF ends on the left: its '!' is the leftmost word there, as in the browser."""
    workshop = demo.fill()
    step = next(step for step in workshops.state(workshop.id).steps if step.key == 'ideeen')
    workshops.add_card(workshop.id, step.id, 'مرحبا بالجميع في الحي!')
    workshops.end(workshop.id)
    (tmp_path / 'verslag.pdf').write_bytes(report.pdf(workshop.id))
    boxes = subprocess.run(['pdftotext', '-bbox', str(tmp_path / 'verslag.pdf'), '-'], capture_output=True,
                           text=True, check=True).stdout
    lines: dict[tuple[int, str], list[tuple[float, str]]] = {}
    page = 0
    for new_page, left, top, word in re.findall(r'(<page )|<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>',
                                                boxes):
        page += bool(new_page)
        if not new_page:
            lines.setdefault((page, top), []).append((float(left), word))
    arabic_only = [words for words in lines.values() if any('!' in word for _, word in words)
                   and not any(re.search('[A-Za-z0-9]', word) for _, word in words)]
    assert arabic_only, 'the Arabic card has a line of its own'
    for words in arabic_only:
        assert '!' in min(words)[1], words
