"""The same server code on PostgreSQL (DATABASE_URL): join, answer, restart, nothing lost, export."""
from __future__ import annotations

import os

import openpyxl
import pytest
from playwright.sync_api import expect
from sqlalchemy import create_engine, text

from .conftest import DESKTOP, PHONE, Server
from .helpers import bar_count, by_testid, expect_saved, go_next, new_workshop

DATABASE_URL = os.environ.get('TEST_DATABASE_URL', '')
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not DATABASE_URL, reason='TEST_DATABASE_URL is not set (.ci/run sets it)')]


def test_answers_are_kept_on_postgresql_across_a_restart(browser, tmp_path, empty_postgresql):
    server = Server(tmp_path, empty_postgresql)  # an empty database, like a fresh installation
    server.start()
    try:
        console = browser.new_context(**DESKTOP).new_page()
        server.add_facilitator()
        new_workshop(console, server)
        code = by_testid(console, 'code').inner_text().split()[-1]
        screen = browser.new_context(**DESKTOP).new_page()
        screen.goto(server.url + by_testid(console, 'screen-link').get_attribute('href'))

        phone = browser.new_context(**PHONE).new_page()
        phone.goto(server.url)  # a typed code works as well as the QR code
        by_testid(phone, 'code').fill(code.lower())
        by_testid(phone, 'join-code').click()
        by_testid(phone, 'join').click()
        for title in ('Wie bent u hier?', 'Wat is het probleem volgens u?', 'Hoe gaat het nu?'):
            go_next(console, phone, title=title)
        by_testid(phone, 'scale-value').get_by_text('3', exact=True).click()
        expect_saved(phone)

        for page in (console, phone, screen):
            page.evaluate('window.beforeRestart = true')
        server.restart()
        for page in (console, phone, screen):
            page.wait_for_function('!window.beforeRestart', timeout=30_000)
        expect(by_testid(phone, 'scale-value').get_by_text('✓ 3')).to_be_visible(timeout=30_000)
        by_testid(console, 'reveal').click()
        expect(bar_count(screen, '3')).to_have_text('1', timeout=30_000)

        with console.expect_download() as download:  # built by a worker process with its own engine on PostgreSQL
            by_testid(console, 'download-excel').click()
        download.value.save_as(tmp_path / 'uitkomsten.xlsx')
        book = openpyxl.load_workbook(tmp_path / 'uitkomsten.xlsx')
        header, *votes = book['Stemmen'].iter_rows(values_only=True)
        assert [(vote[header.index('Soort')], vote[header.index('Waarde')]) for vote in votes] == [('schaal', 3)]
    finally:
        server.stop()
    engine = create_engine(empty_postgresql.replace('postgresql://', 'postgresql+psycopg://'))
    with engine.connect() as connection:
        joined = connection.execute(text('select count(*) from participant join workshop on workshop.id = '
                                         'participant.workshop_id where workshop.code = :code'), {'code': code})
        assert joined.scalar() == 1
