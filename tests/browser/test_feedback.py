"""Every action gets feedback each time: the status line is a polite live region, and a message that repeats is
drawn and announced again (a screen reader announces what is added to the region, so it must change)."""
from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .helpers import by_testid, expect_saved, go_next, joined_phone, room, seeded_workshop_at
from .test_ladder import tap

pytestmark = pytest.mark.browser

WATCH_STATUS = """() => {
    window.statusChanges = 0;
    new MutationObserver(() => window.statusChanges++).observe(document.querySelector('[data-testid=status]'),
                                                               {childList: true, subtree: true, characterData: true});
}"""


def expect_status_said_again(phone: Page, press) -> None:
    phone.evaluate(WATCH_STATUS)
    press()
    phone.wait_for_function('window.statusChanges > 0')


def test_a_refusal_repeated_is_shown_and_announced_again(server, browser):
    console, _, (phone,) = room(browser, server, phones=1)
    go_next(console, phone, title='Wie bent u hier?')
    go_next(console, phone, title='Wat is het probleem volgens u?')
    send = by_testid(phone, 'send-card')
    send.click()
    expect(by_testid(phone, 'status')).to_have_text('U heeft nog niets geschreven.')
    for _ in range(2):
        expect_status_said_again(phone, send.click)
        expect(by_testid(phone, 'status')).to_have_text('U heeft nog niets geschreven.')


def test_saving_the_same_reason_again_says_saved_each_time(server, browser, tmp_path):
    join_url, _ = seeded_workshop_at(tmp_path / 'samenspraak.db', server.url, 'leven')
    phone = joined_phone(browser, join_url)
    first = by_testid(phone, 'consent-item').nth(0)
    tap(first, 'consent-answer', 'nee_want')
    expect_saved(phone)
    first.locator('[data-testid=consent-reason]').fill('Te duur voor de wijk')
    for _ in range(3):
        expect_status_said_again(phone, first.locator('[data-testid=consent-save-reason]').click)
        expect_saved(phone)
