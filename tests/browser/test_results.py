"""Terugkoppeling in Chromium: the municipality's answers, uploaded from the workbook, on the residents' results
page and in the participatieverslag (PDF, read back with pdftotext); and a phone that took part finds its own cards there after the workshop ended."""
from __future__ import annotations

import subprocess
import sys
from io import BytesIO

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from app import accounts, db, demo, feedback
from app import workshop as workshops
from app.export import workbook
from app.export.cells import write

from .axe import violations
from .conftest import DESKTOP, FACILITATOR, PASSWORD, PHONE, ROOT
from .helpers import by_testid, choose_file, joined_phone, seeded_workshop_at, sign_in

pytestmark = pytest.mark.browser
LINK = '=HYPERLINK("http://x","klik")'


def on_the_servers_database(tmp_path):
    db.configure(f'sqlite:///{tmp_path / "samenspraak.db"}')


def answered(workshop_id, answers, *, formula_in=None):
    """The workshop's workbook with `answers` ({card id: {header: value}}) typed into Kaarten as text; the card
    `formula_in` gets a real formula in Toelichting, as Excel stores what an analyst types after =."""
    book = load_workbook(BytesIO(workbook.as_bytes(workshop_id)))
    sheet = book['Kaarten']
    cells = list(sheet[sheet.tables['Kaarten'].ref])
    headers = [cell.value for cell in cells[0]]
    by_card = {row[0].value: dict(zip(headers, row)) for row in cells[1:]}
    for card_id, values in answers.items():
        for header, value in values.items():
            write(by_card[card_id][header], value)
    if formula_in is not None:
        by_card[formula_in]['Toelichting'].value = LINK
    stream = BytesIO()
    book.save(stream)
    return stream.getvalue()


def upload(server, tmp_path, code, data):
    path = tmp_path / 'antwoorden.xlsx'
    path.write_bytes(data)
    return subprocess.run([sys.executable, '-m', 'app', 'import-responses', code, str(path)], cwd=ROOT,
                          env=server.env, capture_output=True, text=True)


def item(page, card_id):
    return page.locator(f'[data-testid=outcome-item][data-card="{card_id}"]').first


def test_uploaded_answers_show_on_the_results_page_and_a_second_upload_changes_one(server, browser, tmp_path):
    on_the_servers_database(tmp_path)
    workshop = demo.fill()
    ideas = next(step for step in workshops.state(workshop.id).steps if step.key == 'ideeen')
    cards = workshops.cards_of_step(ideas.id)
    workshops.hide_card(cards[5].id, True)
    first = {cards[0].id: {'Besluit': 'overgenomen', 'Toelichting': 'Het loket opent in maart in De Linde.',
                           'Wie pakt het op': 'Team Wijk', 'Wanneer': 'maart 2027'},
             cards[1].id: {'Besluit': 'niet overgenomen', 'Toelichting': LINK}}
    assert upload(server, tmp_path, workshop.code, answered(workshop.id, first)).returncode == 0
    url = f'{server.url}/r/{feedback.results_token(workshop.id)}'

    page = browser.new_context(**PHONE).new_page()
    page.goto(url)
    expect(page.get_by_role('heading', level=1)).to_have_text('Uitkomsten: Demo: ondersteuning in de wijk')
    expect(by_testid(page, 'participants')).to_have_text(f'{len(demo.RESIDENTS)} mensen deden mee.')
    answer = item(page, cards[0].id).locator('[data-testid=answer]')
    expect(answer).to_contain_text('Overgenomen: de gemeente doet dit.')
    expect(answer).to_contain_text('Het loket opent in maart in De Linde.')
    expect(answer).to_contain_text('Wie pakt het op: Team Wijk')
    expect(item(page, cards[1].id).locator('[data-testid=answer]')).to_contain_text(LINK)  # as text, not a link
    expect(page.locator('a', has_text='klik')).to_have_count(0)
    expect(item(page, cards[2].id).locator('[data-testid=answer]')).to_contain_text('Nog geen reactie')
    expect(page.get_by_text(cards[5].text)).to_have_count(0)  # a hidden card stays hidden
    expect(page.get_by_text('Nu: trede 2, De gemeente vraagt onze mening.').first).to_be_visible()  # the ladder
    assert violations(page) == []

    second = {cards[0].id: {'Besluit': 'deels overgenomen', 'Toelichting': 'Het loket komt, maar alleen op dinsdag.'}}
    changed = upload(server, tmp_path, workshop.code, answered(workshop.id, second))
    assert (changed.returncode, changed.stdout.strip()) == (0, 'Opgeslagen. 1 reactie is nieuw of veranderd.')
    page.reload()
    answer = item(page, cards[0].id).locator('[data-testid=answer]')
    expect(answer).to_contain_text('Deels overgenomen')
    expect(answer).to_contain_text('Het loket komt, maar alleen op dinsdag.')
    expect(answer).not_to_contain_text('maart in De Linde')
    verslag = tmp_path / 'verslag.pdf'
    subprocess.run([sys.executable, '-m', 'app', 'report', workshop.code, '-o', str(verslag)], cwd=ROOT,
                   env=server.env, check=True, capture_output=True)
    text = ' '.join(subprocess.run(['pdftotext', str(verslag), '-'], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert 'Deels overgenomen: de gemeente doet een deel hiervan.' in text
    assert 'Het loket komt, maar alleen op dinsdag.' in text and LINK in text and 'maart in De Linde' not in text

    broken = answered(workshop.id, {cards[2].id: {'Besluit': 'misschien'}, cards[3].id: {'Besluit': 'overgenomen'}},
                      formula_in=cards[3].id)
    book = load_workbook(BytesIO(broken))
    sheet = book['Kaarten']
    sheet.cell(2, 1).value = 99_999  # an unknown card id
    stream = BytesIO()
    book.save(stream)
    refused = upload(server, tmp_path, workshop.code, stream.getvalue())
    assert refused.returncode == 1
    assert 'Er is niets opgeslagen. Dit bestand heeft 3 fouten.' in refused.stderr
    assert 'Blad Kaarten, rij 2: kaartje 99999 kennen we niet' in refused.stderr
    assert '„misschien” kan niet als Besluit' in refused.stderr and 'in de kolom Toelichting staat een formule' \
        in refused.stderr
    page.reload()
    expect(item(page, cards[2].id).locator('[data-testid=answer]')).to_contain_text('Nog geen reactie')
    expect(item(page, cards[0].id).locator('[data-testid=answer]')).to_contain_text('alleen op dinsdag')
    db.engine().dispose()


def test_a_phone_that_took_part_finds_its_own_cards_on_the_results_page_after_the_end(server, browser, tmp_path):
    join_url, _ = seeded_workshop_at(tmp_path / 'samenspraak.db', server.url, 'ideeen')
    phone = joined_phone(browser, join_url)
    by_testid(phone, 'card-text').fill('Een bankje bij de bushalte')
    by_testid(phone, 'send-card').click()
    expect(by_testid(phone, 'own-card')).to_have_text('Een bankje bij de bushalte')
    on_the_servers_database(tmp_path)
    workshop = workshops.find(join_token=join_url.rsplit('/', 1)[1])
    workshops.end(workshop.id)
    db.engine().dispose()

    phone.goto(join_url)
    expect(phone).to_have_url(f'{server.url}/r/{workshops.find(join_token=workshop.join_token).results_token}')
    mine = phone.locator('[data-testid=outcome-item]', has=by_testid(phone, 'your-card'))
    expect(mine).to_have_count(1)
    expect(mine).to_contain_text('Een bankje bij de bushalte')
    expect(by_testid(phone, 'yours')).to_be_visible()
    assert violations(phone) == []
    phone.set_viewport_size({'width': 320, 'height': 740})  # what 400 % zoom leaves: no sideways scrolling
    assert phone.evaluate('document.documentElement.scrollWidth') <= 320
    phone.emulate_media(media='print')
    expect(by_testid(phone, 'print')).to_be_hidden()
    expect(by_testid(phone, 'language-en')).to_be_hidden()
    phone.emulate_media(media='screen')
    by_testid(phone, 'language-en').click()
    expect(phone.get_by_role('heading', level=1)).to_have_text('Results: Klaargezet')
    expect(mine).to_contain_text('Your card')
    assert violations(phone) == []

    stranger = browser.new_context(**PHONE).new_page()  # never joined: the ended workshop, no redirect
    stranger.goto(join_url)
    expect(stranger.get_by_text('De bijeenkomst is afgelopen.')).to_be_visible()
    expect(stranger).to_have_url(join_url)


def download(page, testid):
    with page.expect_download(timeout=60_000) as started:
        by_testid(page, testid).click()
    return started.value.path().read_bytes()


def test_the_facilitator_downloads_the_workbook_uploads_the_answers_and_downloads_the_report(server, browser,
                                                                                           tmp_path):
    on_the_servers_database(tmp_path)
    workshop = demo.fill(accounts.ensure(FACILITATOR, PASSWORD).id)
    ideas = next(step for step in workshops.state(workshop.id).steps if step.key == 'ideeen')
    cards = workshops.cards_of_step(ideas.id)
    db.engine().dispose()
    console = browser.new_context(**DESKTOP, accept_downloads=True).new_page()
    sign_in(console, server.url, FACILITATOR, PASSWORD)
    console.goto(f'{server.url}/host/{workshop.host_token}')
    expect(by_testid(console, 'results-link')).to_be_visible()
    assert violations(console) == []

    book = load_workbook(BytesIO(download(console, 'download-excel')))
    sheet = book['Kaarten']
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    headers = [cell.value for cell in sheet[1]]
    write(rows[cards[0].id][headers.index('Besluit')], 'overgenomen')
    write(rows[cards[0].id][headers.index('Toelichting')], 'Het loket opent in maart.')
    good = tmp_path / 'goed.xlsx'
    book.save(good)
    write(rows[cards[1].id][headers.index('Besluit')], 'weet niet')
    rows[cards[2].id][headers.index('Kaart')].value = 99_999
    bad = tmp_path / 'fout.xlsx'
    book.save(bad)

    choose_file(console, 'responses-upload', bad)
    expect(by_testid(console, 'status')).to_have_text('Er is niets opgeslagen. Dit bestand heeft 2 fouten. Verbeter '
                                                      'ze in Excel en upload het bestand opnieuw.')
    problems = by_testid(console, 'response-problem')
    expect(problems).to_have_count(2)
    expect(problems.nth(0)).to_contain_text(f'Blad Kaarten, rij {rows[cards[1].id][0].row}: „weet niet”')
    expect(problems.nth(1)).to_contain_text(f'Blad Kaarten, rij {rows[cards[2].id][0].row}: kaartje 99999')
    choose_file(console, 'responses-upload', good)
    expect(by_testid(console, 'status')).to_have_text('Opgeslagen. 1 reactie is nieuw of veranderd.')
    expect(problems).to_have_count(0)

    resident = browser.new_context(**PHONE).new_page()
    resident.goto(by_testid(console, 'results-link').get_attribute('href'))
    expect(item(resident, cards[0].id).locator('[data-testid=answer]')).to_contain_text('Het loket opent in maart.')
    expect(item(resident, cards[1].id).locator('[data-testid=answer]')).to_contain_text('Nog geen reactie')

    verslag = tmp_path / 'verslag.pdf'
    verslag.write_bytes(download(console, 'download-report'))
    text = subprocess.run(['pdftotext', str(verslag), '-'], capture_output=True, text=True, check=True).stdout
    assert 'Overgenomen: de gemeente doet dit.' in text and 'Het loket opent in maart.' in text
    a4 = tmp_path / 'a4.pdf'
    a4.write_bytes(download(console, 'download-poster'))
    subprocess.run(['pdftoppm', '-r', '150', '-png', str(a4), str(tmp_path / 'a4')], check=True)
    decoded = subprocess.run(['zbarimg', '--raw', '-q', str(tmp_path / 'a4-1.png')], capture_output=True, text=True,
                             check=True).stdout.strip()
    assert decoded == by_testid(console, 'results-link').get_attribute('href')
