"""Preparing a session in forms: a facilitator edits the question, a step's setting and the order of two steps,
saves the plan as a file, and loads it into a new workshop, which then has the same steps and settings. A broken
plan file is refused with the plan file's message and changes nothing."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from app import plan_writer, plans

from .axe import violations
from .conftest import DESKTOP, FACILITATOR, PASSWORD
from .helpers import by_testid, choose_file, sign_in

pytestmark = pytest.mark.browser

HEADER = '.q-expansion-item__container > .q-item'  # a step panel's header, which opens it
QUESTION = 'Hoe maken we de bibliotheek in de wijk beter?'


def prepare_new_workshop(page: Page, server) -> None:
    """From the start page: a new workshop from the default plan, then its preparation page (from the console)."""
    page.goto(server.url)
    by_testid(page, 'create').click()
    expect(page).to_have_url(re.compile(r'.*/host/[^/]+$'))
    by_testid(page, 'prepare-link').click()
    expect(page).to_have_url(re.compile(r'.*/host/.+/prepare$'))
    expect(by_testid(page, 'prepare-step')).to_have_count(12)


def open_step(page: Page, title: str):
    header = page.locator(HEADER, has_text=re.compile(rf'^\d+\. {re.escape(title)} \('))
    panel = by_testid(page, 'prepare-step').filter(has=header)
    panel.locator(HEADER).click()
    expect(panel.locator('[data-testid=save-step]')).to_be_visible()
    return panel


def summaries(page: Page) -> list[str]:
    return by_testid(page, 'prepare-step').locator(HEADER).all_inner_texts()


def expect_status(page: Page, text: str) -> None:
    expect(by_testid(page, 'status')).to_contain_text(text)


def test_a_plan_prepared_in_forms_is_saved_as_a_file_and_loaded_into_a_new_workshop(server, browser, tmp_path):
    page = browser.new_context(**DESKTOP, accept_downloads=True).new_page()
    sign_in(page, server.url, FACILITATOR, PASSWORD)
    prepare_new_workshop(page, server)
    by_testid(page, 'plan-title').fill('')
    by_testid(page, 'save-header').click()
    expect(by_testid(page, 'header-problem')).to_have_text('Naam van de bijeenkomst: dit moet u invullen.')
    by_testid(page, 'plan-title').fill('Samen in gesprek')
    for _ in range(4):
        by_testid(page, 'remove-rung').click()
    expect(by_testid(page, 'rung')).to_have_count(2)
    by_testid(page, 'save-header').click()
    expect(by_testid(page, 'header-problem')).to_have_text('Trap van eigenaarschap: vul er minstens 3 in.')
    page.reload()  # nothing of it was stored
    expect(by_testid(page, 'rung')).to_have_count(6)

    by_testid(page, 'question').fill(QUESTION)
    by_testid(page, 'save-header').click()
    expect_status(page, 'De vraag en de deelnemers zijn opgeslagen.')
    dots = open_step(page, 'Kiezen')
    dots.locator('[data-testid=setting-dots]').fill('5')
    dots.locator('[data-testid=save-step]').click()
    expect_status(page, 'De stap „Kiezen” is opgeslagen.')
    open_step(page, 'Hoe gaat het nu?').locator('[data-testid=move-up]').click()
    expect_status(page, 'De stap „Hoe gaat het nu?” is nu stap 3.')
    expect(page.get_by_role('button', name='Hoe gaat het nu? omhoog')).to_be_focused()  # kept for the keyboard
    expect(by_testid(page, 'prepare-step').nth(2)).to_contain_text('3. Hoe gaat het nu? (Schaal)')
    expect(by_testid(page, 'prepare-step').nth(3)).to_contain_text('4. Wat is het probleem volgens u?')
    prepared = summaries(page)

    preview = open_step(page, 'Kiezen')
    preview.locator('[data-testid=preview-step]').click()
    expect(by_testid(page, 'preview-phone')).to_contain_text('Kiezen')
    expect(by_testid(page, 'preview-screen')).to_contain_text(QUESTION)
    assert violations(page) == []
    by_testid(page, 'close-preview').click()

    with page.expect_download() as download:
        by_testid(page, 'plan-download').click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == 'samen-in-gesprek.toml'
    assert f'question = "{QUESTION}"' in saved.read_text(encoding='utf-8')

    prepare_new_workshop(page, server)
    default = summaries(page)
    broken = tmp_path / 'kapot.toml'
    broken.write_text(saved.read_text(encoding='utf-8').replace('dots = 5', 'dots = 99'), encoding='utf-8')
    choose_file(page, 'plan-upload', broken)
    expect_status(page, 'Dit programma is niet geladen. Er is niets veranderd. Wat er niet klopt: '
                        'kapot.toml: step 7 (kiezen): dots: Input should be less than or equal to 20')
    not_toml = tmp_path / 'geen-toml.toml'
    not_toml.write_text('title = "niet afgesloten', encoding='utf-8')
    choose_file(page, 'plan-upload', not_toml)
    expect_status(page, 'geen-toml.toml: not valid TOML')
    too_large = tmp_path / 'te-groot.toml'
    too_large.write_bytes(b'#' * (300 * 1024))
    choose_file(page, 'plan-upload', too_large)
    expect_status(page, 'Dit bestand kan niet. Kies een programma-bestand (.toml) van hoogstens 256 kB.')
    page.reload()  # what is stored: nothing changed
    expect(by_testid(page, 'question')).to_have_value(
        'Hoe maken we ondersteuning in onze wijk beter?')
    assert summaries(page) == default != prepared

    choose_file(page, 'plan-upload', saved)
    expect_status(page, 'Het programma „Samen in gesprek” staat klaar.')
    expect(by_testid(page, 'question')).to_have_value(QUESTION)
    assert summaries(page) == prepared
    expect(open_step(page, 'Kiezen').locator('[data-testid=setting-dots]')).to_have_value('5')

    by_testid(page, 'use-plan').click()  # back to the default plan from sessions/
    expect_status(page, 'Het programma „Samen in gesprek” staat klaar.')
    expect(by_testid(page, 'question')).to_have_value('Hoe maken we ondersteuning in onze wijk beter?')
    assert summaries(page) == default


def test_the_text_of_a_shared_plan_stays_text(server, browser, tmp_path):
    """A plan file from elsewhere is hostile input: a title written to end an attribute gives no link."""
    hostile = 'Welkom" href="javascript:alert(1)'
    plan = plans.load(plans.DEFAULT_PLAN)
    plan.steps[0].title = hostile
    shared = tmp_path / 'gedeeld.toml'
    shared.write_text(plan_writer.dump(plan), encoding='utf-8')
    page = browser.new_context(**DESKTOP).new_page()
    sign_in(page, server.url, FACILITATOR, PASSWORD)
    prepare_new_workshop(page, server)
    choose_file(page, 'plan-upload', shared)
    expect_status(page, 'Het programma „Samen in gesprek” staat klaar.')
    expect(open_step(page, hostile).locator('[data-testid=move-down]')).to_have_attribute(
        'aria-label', f'{hostile} omlaag')
    assert page.locator('[href^="javascript"]').count() == 0
    by_testid(page, 'console-link').click()
    expect(by_testid(page, 'step-row').first).to_contain_text(hostile)
    assert page.locator('[href^="javascript"]').count() == 0
    page.get_by_role('button', name=f'{hostile} omlaag', exact=True).click()  # the console's arrows keep their names
    expect(by_testid(page, 'step-row').nth(1)).to_contain_text(hostile)
