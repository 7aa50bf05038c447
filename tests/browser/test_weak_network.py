"""An old phone on weak venue Wi-Fi: the join page over a throttled connection (400 kbit/s, 400 ms)."""
from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE
from .helpers import by_testid, new_workshop

pytestmark = pytest.mark.browser
KBIT = 1000 / 8  # bytes per second in one kbit/s
FIRST_USABLE_SECONDS = 15  # "within a few seconds" on 400 kbit/s, with a margin for a busy CI machine


def test_join_page_is_usable_quickly_on_a_throttled_connection(server, browser):
    console = browser.new_context(**DESKTOP).new_page()
    new_workshop(console, server)
    join_url = by_testid(console, 'join-address').inner_text()

    phone = browser.new_context(**PHONE).new_page()
    cdp = phone.context.new_cdp_session(phone)
    cdp.send('Network.enable')
    cdp.send('Network.emulateNetworkConditions', {'offline': False, 'latency': 400, 'downloadThroughput': 400 * KBIT,
                                                  'uploadThroughput': 400 * KBIT})
    transferred = []
    urls = {}
    cdp.on('Network.requestWillBeSent', lambda event: urls.__setitem__(event['requestId'], event['request']['url']))
    cdp.on('Network.loadingFinished', lambda event: transferred.append((urls.get(event['requestId']), event['encodedDataLength'])))
    started = time.monotonic()
    phone.goto(join_url, wait_until='commit', timeout=60_000)
    expect(by_testid(phone, 'join')).to_be_enabled(timeout=60_000)
    usable = time.monotonic() - started
    by_testid(phone, 'join').click()
    expect(by_testid(phone, 'step-title')).to_have_text('Welkom en spelregels', timeout=30_000)
    print(f'\njoin page on 400 kbit/s + 400 ms: usable after {usable:.1f} s, '
          f'{sum(size for _, size in transferred) / 1024:.0f} KiB in {len(transferred)} responses')
    for url, size in sorted(transferred, key=lambda row: -row[1])[:5]:
        print(f'  {size / 1024:6.0f} KiB  {url.split("/")[-1]}')
    assert usable < FIRST_USABLE_SECONDS
