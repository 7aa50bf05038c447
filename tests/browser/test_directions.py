"""Residents' text is drawn in its own direction everywhere: an Arabic or Hebrew card beside Dutch ones ends on the
left, with its full stop or exclamation mark there, on the phone, the projector screen, the console and, after the
workshop, the residents' results page (also where a reason sits inside a Dutch sentence: "Waarom: …")."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from app import db
from app import workshop as workshops

from .helpers import by_testid, expect_saved, go_next, room

pytestmark = pytest.mark.browser

CARDS = {'مرحبا بالجميع في الحي!': 'rtl', 'שלום לכולם בשכונה!': 'rtl', 'Meer bankjes in het park!': 'ltr'}

# Where the text's last character (the "!") is drawn relative to its first: left of it in a right-to-left line
DRAWN_DIRECTION = """element => {
    const node = document.createTreeWalker(element, NodeFilter.SHOW_TEXT).nextNode();
    const x = index => {
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        return range.getBoundingClientRect().x;
    };
    return x(node.textContent.length - 1) < x(0) ? 'rtl' : 'ltr';
}"""


# The same, for the resident's text inside the sentence "Waarom: …": from its first character to its last
REASON_DIRECTION = """element => {
    const node = document.createTreeWalker(element, NodeFilter.SHOW_TEXT).nextNode();
    const first = node.textContent.indexOf(':') + 3;  // after "Waarom: " and the mark that isolates the reason
    const last = node.textContent.length - 2;  // before the closing mark
    const x = index => {
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        return range.getBoundingClientRect().x;
    };
    return x(last) < x(first) ? 'rtl' : 'ltr';
}"""


def drawn_directions(elements) -> dict[str, str]:
    return {element.inner_text(): element.evaluate(DRAWN_DIRECTION) for element in elements.all()}


def test_arabic_and_hebrew_cards_are_drawn_right_to_left_beside_dutch_ones(server, browser, tmp_path):
    console, screen, phones = room(browser, server, phones=3)
    go_next(console, *phones, title='Wie bent u hier?')
    go_next(console, *phones, title='Wat is het probleem volgens u?')
    go_next(console, *phones, title='Hoe gaat het nu?')
    go_next(console, *phones, title='Ideeën en wensen')  # the cards step that asks why
    for phone, text in zip(phones, CARDS):
        by_testid(phone, 'card-text').fill(text)
        by_testid(phone, 'card-why').fill(text)
        by_testid(phone, 'send-card').click()
        expect_saved(phone)
        expect(by_testid(phone, 'own-card')).to_have_text(text)
    by_testid(console, 'reveal').click()
    wall = by_testid(screen, 'wall-card').locator('.wall-text')
    listed = by_testid(console, 'console-card').locator('.grow')
    expect(wall).to_have_count(3)
    expect(listed).to_have_count(3)

    own_cards = {text: direction for phone in phones for text, direction in drawn_directions(
        by_testid(phone, 'own-card')).items()}
    assert own_cards == CARDS
    assert drawn_directions(wall) == CARDS
    assert drawn_directions(listed) == CARDS

    db.configure(f'sqlite:///{tmp_path / "samenspraak.db"}')  # the workshop ends; the phone's link leads to its results
    join_url = phones[0].url
    workshops.end(workshops.find(join_token=join_url.rsplit('/', 1)[1]).id)
    db.engine().dispose()
    phones[0].set_viewport_size({'width': 1024, 'height': 740})  # each reason on one line, to compare its ends
    phones[0].goto(join_url)
    ideas = phones[0].locator('[data-testid=outcome-step]',
                              has=phones[0].get_by_role('heading', name='Ideeën en wensen', exact=True))
    results = ideas.locator('.outcome-text')
    expect(results).to_have_count(3)
    assert drawn_directions(results) == CARDS
    reasons = ideas.locator('.outcome-why')
    expect(reasons).to_have_count(3)
    assert {reason.inner_text(): reason.evaluate(REASON_DIRECTION) for reason in reasons.all()} == {
        f'Waarom: \u2068{text}\u2069': direction for text, direction in CARDS.items()}
