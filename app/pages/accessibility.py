"""The accessibility statement (toegankelijkheidsverklaring): what was tested, how, and known limits."""
from __future__ import annotations

from nicegui import ui

from .frame import frame, language_switch, page_title, translator

SECTIONS = ['goal', 'tested', 'how', 'limits', 'contact']


@ui.page('/toegankelijkheid')
def accessibility_page() -> None:
    tr = translator()
    frame(tr, kind='start')
    with ui.column().classes('page-column'):
        language_switch(tr)
        page_title(tr, 'accessibility.title')
        for section in SECTIONS:
            ui.label(tr(f'accessibility.{section}_title')).classes('section-title').props('role=heading aria-level=2')
            ui.label(tr(f'accessibility.{section}')).classes('step-body')
        ui.link(tr('accessibility.back'), '/')


def link() -> None:
    """The footer link every resident-facing page carries."""
    ui.link(translator()('accessibility.title'), '/toegankelijkheid').classes('hint').props('data-testid=a11y-link')
