"""A step as the phones and the screen will show it, side by side in a dialog, built by the kind's own views.
Nothing done in it is stored: a tap on the phone's part only says that this is a preview."""
from __future__ import annotations

from typing import Any

from nicegui import ui

from ..i18n import Translator
from ..models import Step, Workshop
from ..steps import kind_of
from ..steps.shapes import Asks
from ..steps.viewbase import PhoneContext, ScreenContext
from .status_line import StatusLine


def step_preview(tr: Translator, step: Step, workshop: Workshop, asks: Asks, mine: dict[str, Any], results: Any) -> None:
    views = kind_of(step.kind).view_module()
    with ui.dialog() as dialog, ui.card().classes('preview-dialog'):
        ui.label(tr('prepare.preview_of', title=step.title)).classes('section-title') \
            .props('role=heading aria-level=2')
        status = StatusLine(testid='preview-status')

        async def send(action: dict[str, Any]) -> None:
            status.set_text(tr('prepare.preview_only'))

        with ui.row().classes('w-full gap-4 items-start'):
            with ui.column().classes('preview-phone gap-2').props('data-testid=preview-phone'):
                ui.label(tr('prepare.preview_phone')).classes('text-bold').props('role=heading aria-level=3')
                shown_title(step)
                views.phone(PhoneContext(tr=tr, step=step, workshop=workshop, mine=mine, asks=asks, send=send))
            with ui.column().classes('preview-screen gap-2').props('data-testid=preview-screen'):
                ui.label(tr('prepare.preview_screen')).classes('text-bold').props('role=heading aria-level=3')
                ui.label(workshop.question or workshop.title).classes('hint')
                shown_title(step)
                update = views.screen(ScreenContext(tr=tr, step=step, workshop=workshop))
                if results is not None:
                    update(results)
        ui.button(tr('prepare.close'), on_click=dialog.close).props('data-testid=close-preview')
    dialog.open()


def shown_title(step: Step) -> None:
    ui.label(step.title).classes('step-title')
    if step.body:
        ui.label(step.body).classes('step-body')
