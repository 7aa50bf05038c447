"""The phone chooses its own language (remembered), independent of the facilitator's; a language added as one
file — here a right-to-left test language — works without code changes; the phone languages (Arabic, Turkish, …)
are offered on the screen and work on the phone."""
from __future__ import annotations

import json
import shutil
import tomllib

import pytest
from playwright.sync_api import expect

from app.i18n import Translator, languages

from .axe import violations
from .conftest import DESKTOP, PHONE, ROOT, Server
from .helpers import by_testid, new_workshop

pytestmark = pytest.mark.browser
RTL_MARK = 'ع '


def write_right_to_left_language(directory) -> None:
    """A copy of the Dutch texts, each marked, with right-to-left layout: the shape a Arabic file would have."""
    dutch = tomllib.loads((ROOT / 'app' / 'locales' / 'nl.toml').read_text(encoding='utf-8'))
    lines = ['[meta]', 'name = "Test RTL"', 'direction = "rtl"']
    for section, texts in dutch.items():
        if section != 'meta':
            lines.append(f'[{section}]')
            lines += [f'{key} = {json.dumps(RTL_MARK + text, ensure_ascii=False)}' for key, text in texts.items()]
    (directory / 'zz.toml').write_text('\n'.join(lines) + '\n', encoding='utf-8')


@pytest.fixture
def server_with_extra_language(tmp_path):
    locales = tmp_path / 'locales'
    shutil.copytree(ROOT / 'app' / 'locales', locales)
    write_right_to_left_language(locales)
    server = Server(tmp_path)
    server.env['LOCALES_DIR'] = str(locales)
    server.start()
    yield server
    server.stop()


def test_phone_language_is_its_own_and_remembered_and_rtl_works(server_with_extra_language, browser):
    server = server_with_extra_language
    console = browser.new_context(**DESKTOP).new_page()
    server.add_facilitator()
    new_workshop(console, server)
    join_url = by_testid(console, 'join-address').inner_text()

    phone = browser.new_context(**PHONE).new_page()
    phone.goto(join_url)
    expect(phone.locator('html')).to_have_attribute('lang', 'nl')
    by_testid(phone, 'language-en').click()
    expect(by_testid(phone, 'join')).to_have_text('Join')
    expect(phone.locator('html')).to_have_attribute('lang', 'en')
    by_testid(phone, 'join').click()
    expect(by_testid(phone, 'status')).to_have_text('You have joined. Welcome!')
    phone.reload()
    expect(by_testid(phone, 'step-title')).to_be_visible()
    expect(by_testid(phone, 'language-nl')).to_have_text('Nederlands')  # still English: Dutch is offered
    expect(console.get_by_text('Volgende stap →')).to_be_visible()  # the facilitator's console stays Dutch

    by_testid(phone, 'language-zz').click()
    expect(phone.locator('html')).to_have_attribute('dir', 'rtl')
    expect(phone.locator('html')).to_have_attribute('lang', 'zz')
    by_testid(console, 'next').click()
    expect(by_testid(phone, 'status')).to_have_text(RTL_MARK + 'Nu: Wie bent u hier?')


@pytest.mark.parametrize('language', ['ar', 'tr'])
def test_the_phone_joins_in_a_phone_language_and_the_screen_offers_them(server, browser, language):
    """The screen says, under the QR code, which languages the phone also speaks (each named in itself); the join
    page in Arabic (right to left) and Turkish has every text in that language and no accessibility violation."""
    console = browser.new_context(**DESKTOP).new_page()
    new_workshop(console, server)
    screen = browser.new_context(**DESKTOP).new_page()
    screen.goto(server.url + by_testid(console, 'screen-link').get_attribute('href'))
    offered = by_testid(screen, 'phone-languages').locator('[lang]')
    expect(offered).to_have_count(len(languages()) - 1)
    expect(offered.and_(screen.locator(f'[lang="{language}"]'))).to_have_text(Translator(language)('meta.name'))

    tr = Translator(language)
    phone = browser.new_context(**PHONE).new_page()
    phone.goto(by_testid(console, 'join-address').inner_text())
    by_testid(phone, f'language-{language}').click()
    expect(phone.locator('html')).to_have_attribute('dir', tr.direction)
    expect(by_testid(phone, 'join')).to_have_text(tr('phone.join'))
    assert violations(phone) == []
    by_testid(phone, 'join').click()
    expect(by_testid(phone, 'status')).to_have_text(tr('phone.joined'))
    phone.reload()  # remembered
    expect(phone.locator('html')).to_have_attribute('lang', language)
    by_testid(console, 'next').click()
    expect(by_testid(phone, 'status')).to_have_text(tr('phone.now_at', title='Wie bent u hier?'))
    expect(console.get_by_text('Volgende stap →')).to_be_visible()  # the facilitator's console stays Dutch
