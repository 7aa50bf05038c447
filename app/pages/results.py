"""The residents' results page of a workshop (/r/<token>): what was asked, who took part, what came out of each step,
and what the municipality does with each idea. Read once from the database; readable on a phone and printable.
A phone that took part sees its own cards marked."""
from __future__ import annotations

from zoneinfo import ZoneInfo

from nicegui import app, run, ui

from .. import feedback, outcomes
from .. import workshop as workshops
from ..config import settings
from ..feedback import Answer
from ..outcomes import Outcomes
from ..i18n import Translator
from ..steps.outcome import Item, say
from ..text import isolated
from . import accessibility
from .frame import frame, language_switch, page_title, translator


@ui.page('/r/{token}')
async def results_page(token: str) -> None:
    tr = translator()
    frame(tr, kind='results')
    workshop = await run.io_bound(feedback.find, token)
    if workshop is None:
        page_title(tr, 'results_page.not_found')
        return
    participant = await run.io_bound(workshops.participant, workshop.id, app.storage.browser['id'])
    found = await run.io_bound(outcomes.read, workshop.id, participant.id if participant else None)
    if found is not None:  # None while the server shuts down
        Results(tr, found).build()


class Results:
    def __init__(self, tr: Translator, found: Outcomes) -> None:
        self.tr = tr
        self.found = found
        self.answered: set[int] = set()  # cards whose answer is already shown: once, where the card first appears

    def build(self) -> None:
        tr, found, workshop = self.tr, self.found, self.found.workshop
        with ui.column().classes('page-column phone-column results-column gap-3'):
            with ui.row().classes('w-full items-center justify-between no-print'):
                ui.button(tr('results_page.print'), on_click=lambda: ui.run_javascript('window.print()')) \
                    .props('outline no-caps data-testid=print')
                language_switch(tr)
            ui.label(tr('results_page.title', title=workshop.title)).classes('page-title') \
                .props('role=heading aria-level=1')
            day = workshop.created_at.astimezone(ZoneInfo(settings().timezone)).strftime('%d-%m-%Y')
            ui.label(' · '.join(part for part in (workshop.municipality, workshop.place, day) if part)).classes('hint')
            ui.label(tr('results_page.intro'))
            if workshop.question:
                self.heading('results_page.question')
                ui.label(workshop.question).classes('question').props('dir=auto')
            self.heading('results_page.who')
            ui.label(tr('results_page.participants', count=found.participants)).props('data-testid=participants')
            if found.perspectives:
                with ui.element('ul').classes('perspective-list'):
                    for perspective, count in found.perspectives:
                        with ui.element('li').props('data-testid=perspective-count'):
                            ui.label(tr('results_page.perspective', perspective=perspective, count=count))
                if found.unnamed:
                    ui.label(tr('results_page.unnamed', count=found.unnamed, min=workshop.min_group_size)) \
                        .classes('hint')
            if found.mine:
                ui.label(tr('results_page.yours')).classes('yours-note').props('data-testid=yours')
            for step, outcome in found.steps:
                with ui.column().classes('w-full gap-2 outcome-step').props('data-testid=outcome-step'):
                    ui.label(step.title).classes('section-title').props('role=heading aria-level=2')
                    for line in outcome.lines:
                        ui.label(say(tr, line))
                    if outcome.items:
                        with ui.element('ul').classes('outcome-list w-full'):
                            for item in outcome.items:
                                self.item(item)
            accessibility.link()

    def heading(self, key: str) -> None:
        ui.label(self.tr(key)).classes('section-title').props('role=heading aria-level=2')

    def item(self, item: Item) -> None:
        tr = self.tr
        first = item.card_id is not None and item.card_id not in self.answered
        with ui.element('li').classes('outcome-item' if item.card_id else 'outcome-option') \
                .props(f'data-testid=outcome-item data-card={item.card_id or ""}'):
            if item.card_id in self.found.mine:
                ui.label(tr('results_page.your_card')).classes('your-card').props('data-testid=your-card')
            ui.label(item.text).classes('outcome-text').props('dir=auto')
            if item.detail and (first or item.card_id is None):
                ui.label(tr('results_page.why', text=isolated(item.detail))).classes('outcome-why')
            for figure in item.figures:
                ui.label(say(tr, figure))
            if first:
                self.answered.add(item.card_id)
                self.answer(self.found.answers.get(item.card_id))

    def answer(self, answer: Answer | None) -> None:
        tr = self.tr
        if answer is None:
            ui.label(tr('results_page.no_response')).classes('hint').props('data-testid=answer')
            return
        with ui.column().classes('outcome-answer gap-1').props('data-testid=answer'):
            ui.label(tr('results_page.response')).classes('answer-title')
            ui.label(tr('decision.' + answer.decision.replace(' ', '_'))).classes('answer-decision')
            if answer.explanation:
                ui.label(answer.explanation).classes('outcome-why').props('dir=auto')
            if answer.owner:
                ui.label(tr('results_page.owner', owner=answer.owner))
            if answer.due:
                ui.label(tr('results_page.due', due=answer.due))
