"""The start page, as a facilitator meets it after signing in."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, FACILITATOR, PASSWORD
from .helpers import by_testid, sign_in

pytestmark = pytest.mark.browser


def test_plans_are_offered_by_their_title_not_their_file_name(server, browser):
    page = browser.new_context(**DESKTOP).new_page()
    sign_in(page, server.url, FACILITATOR, PASSWORD)
    plan = page.get_by_role('combobox', name='Programma')
    expect(plan).to_have_value('Samen in gesprek')
    plan.click()
    expect(page.get_by_role('option', name='Samen in gesprek')).to_be_visible()
    expect(page.get_by_role('option', name='methode-jet')).to_have_count(0)
