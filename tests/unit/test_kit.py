"""The printed kit, read back as a resident and a table host would: the poster's QR code leads to the join address,
the text names the workshop, its code, its address and steps; forms that can be printed before the session are
there (cards with Wat? and Waarom?, the ladder's rungs with their explanations), and during the session the dots and
ladder forms list the cards. Type is at least 14 points."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import db, demo, kit, plans, table_hosts
from app import workshop as workshops

from .pdfs import qr_codes, qr_of_first_page, smallest_type, text_of

ROOT = Path(__file__).parents[2]


@pytest.fixture
def draft(database):
    """The Methode Jet plan as a new workshop: nothing written yet."""
    return workshops.create(plans.load(plans.DEFAULT_PLAN))


def test_the_posters_qr_code_leads_to_the_join_address(draft, tmp_path):
    pdf = kit.pdf(draft.id)
    address = workshops.join_address(draft.join_token)
    assert qr_of_first_page(pdf, tmp_path) == address
    text = text_of(pdf, tmp_path)
    for expected in ('Doe mee!', draft.title, 'Scan de QR-code met uw telefoon.', draft.code, address,
                     'Geen telefoon?', 'Tafelkaart', 'Wat doet de tafelhost?'):
        assert expected in text, expected


def test_each_table_with_a_host_gets_its_own_table_card(draft, tmp_path):
    assert 'Tafel: Tafel' not in text_of(kit.pdf(draft.id), tmp_path)  # no hosts yet: one card, the table left blank
    for name, table in (('Anna', 'Tafel 1'), ('Bram', 'Tafel 2'), ('Cor', 'Tafel 2')):
        table_hosts.add(draft.id, name, table)
    pdf = kit.pdf(draft.id)
    text = text_of(pdf, tmp_path)
    assert text.count('Tafelkaart') == 2
    assert 'Tafel: Tafel 1' in text and 'Tafel: Tafel 2' in text
    # the poster's code, then each table's own: a phone that scans it joins at that table
    assert qr_codes(pdf, tmp_path) == [workshops.join_address(draft.join_token),
                                       *(workshops.join_address(draft.join_token, table)
                                         for table in ('Tafel 1', 'Tafel 2'))]
    assert workshops.join_address(draft.join_token, 'Tafel 1').endswith('?tafel=Tafel+1')


def test_printed_before_the_session_it_has_the_forms_the_plan_makes_possible(draft, tmp_path):
    text = text_of(kit.pdf(draft.id), tmp_path)
    steps = {step.key: step for step in workshops.state(draft.id).steps}
    for key in ('ideeen', 'nu', 'eigenaar', 'leven', 'evaluatie'):
        assert f'{steps[key].title} Bijeenkomst:' in text, key
    assert 'Wat?' in text and 'Waarom?' in text
    for rung in draft.ladder:  # the ladder with its rungs and what they mean
        assert rung['label'] in text and rung['explanation'] in text
    assert 'Ja, maar…' in text and 'Nee, want…' in text
    assert 'Zet een kruisje in het vakje bij één getal.' in text
    assert 'stippen. Zet een kruisje' not in text  # the dots need the cards: printed during the session
    assert f"{steps['welkom'].title} Bijeenkomst:" not in text  # an explanation has nothing to fill in


def test_printed_during_the_session_the_dots_and_ladder_forms_list_the_cards(database, tmp_path):
    workshop = demo.fill()
    steps = {step.key: step for step in workshops.state(workshop.id).steps}
    text = text_of(kit.pdf(workshop.id), tmp_path)
    for key in ('kiezen', 'eigenaar'):
        cards = workshops.asks(steps[key].id).cards
        assert cards
        form = form_of(text, steps[key])
        assert all(card.text in form for card in cards), key


def form_of(text: str, step) -> str:
    """The text of a step's form: from its heading to the next form's."""
    start = text.index(f'{step.title} Bijeenkomst:')
    return text[start:text.find(' Bijeenkomst:', start + len(step.title) + 13)]


def test_type_is_at_least_14_points(draft, tmp_path):
    assert smallest_type(kit.pdf(draft.id), tmp_path) >= 13.5


def test_kit_on_the_command_line_in_english(draft, tmp_path):
    env = {**os.environ, 'DATABASE_URL': db.engine().url.render_as_string(hide_password=False)}
    output = tmp_path / 'materiaal.pdf'
    done = subprocess.run([sys.executable, '-m', 'app', 'kit', draft.code, '-o', str(output), '--language', 'en'],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert qr_of_first_page(output.read_bytes(), tmp_path) == workshops.join_address(draft.join_token)
    assert 'Take part!' in text_of(output.read_bytes(), tmp_path)
    refused = subprocess.run([sys.executable, '-m', 'app', 'kit', draft.code, '--language', 'ar'], cwd=ROOT, env=env,
                             capture_output=True, text=True)
    assert refused.returncode == 1 and 'nl or en' in refused.stderr
