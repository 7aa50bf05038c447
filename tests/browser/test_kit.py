"""The console's printed kit, from a real server: its poster's QR code leads to the address the console shows, and
printed during the session the dots form lists the card a phone just wrote."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from ..unit.pdfs import qr_of_first_page, text_of
from .helpers import by_testid, expect_saved, go_next, room

pytestmark = pytest.mark.browser
CARD = 'Een bankje bij de bushalte'


def download(page, testid: str) -> bytes:
    with page.expect_download(timeout=60_000) as started:
        by_testid(page, testid).click()
    return started.value.path().read_bytes()


def test_the_console_prints_the_kit_with_the_join_qr_code_and_the_cards_written_so_far(server, browser, tmp_path):
    console, _, (phone,) = room(browser, server, phones=1)
    join_address = by_testid(console, 'join-address').inner_text()
    for title in ('Wie bent u hier?', 'Wat is het probleem volgens u?', 'Hoe gaat het nu?', 'Ideeën en wensen'):
        go_next(console, phone, title=title)
    by_testid(phone, 'card-text').fill(CARD)
    by_testid(phone, 'send-card').click()
    expect_saved(phone)

    kit = download(console, 'download-kit')
    assert qr_of_first_page(kit, tmp_path) == join_address
    text = text_of(kit, tmp_path)
    code = by_testid(console, 'code').inner_text().removeprefix('Code: ')
    assert join_address in text and code in text
    assert CARD in text[text.index('Kiezen Bijeenkomst:'):]  # the dots form, printed now, lists the new card
