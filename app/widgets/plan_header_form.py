"""A plan's own fields as a form: the workshop's title, question, perspectives (one per line), the smallest group
shown on its own, and the ladder's rungs (a label and an explanation each, added and removed at the top). The
values are saved together by the caller, which checks them as a plan file's are."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nicegui import ui

from ..i18n import Translator
from ..models import Workshop


class PlanHeaderForm:
    """Title, question, perspectives, smallest group and the ladder's rungs; saved together."""

    def __init__(self, tr: Translator, workshop: Workshop,
                 on_save: Callable[[dict[str, Any], Callable[[str], None]], Any]) -> None:
        self.tr = tr
        self.title = ui.input(tr('prepare.field_title'), value=workshop.title) \
            .props('outlined data-testid=plan-title').classes('w-full')
        self.question = ui.textarea(tr('prepare.field_question'), value=workshop.question) \
            .props('outlined autogrow data-testid=question').classes('w-full')
        self.perspectives = ui.textarea(tr('prepare.field_perspectives'), value='\n'.join(workshop.perspectives)) \
            .props('outlined autogrow data-testid=perspectives').classes('w-full')
        self.min_group_size = ui.number(tr('prepare.field_min_group_size'), value=workshop.min_group_size, min=1,
                                        max=50, step=1, precision=0) \
            .props('outlined data-testid=min-group-size').classes('w-72')
        ui.label(tr('prepare.field_ladder')).classes('text-bold')
        ui.label(tr('prepare.ladder_hint')).classes('hint')
        self.rungs_area = ui.column().classes('w-full gap-2')
        self.rungs: list[tuple[ui.input, ui.input]] = []
        self.show_rungs([dict(rung) for rung in workshop.ladder])
        with ui.row().classes('gap-2'):
            ui.button(tr('prepare.add_rung'), on_click=lambda: self.show_rungs(
                self.ladder() + [{'label': '', 'explanation': ''}])).props('flat data-testid=add-rung')
            ui.button(tr('prepare.remove_rung'), on_click=lambda: self.show_rungs(self.ladder()[:-1])) \
                .props('flat data-testid=remove-rung')
        self.problem = ui.label().classes('status-line').props('role=alert data-testid=header-problem')
        ui.button(tr('prepare.save_header'), on_click=lambda: on_save(self.values(), self.problem.set_text)) \
            .props('data-testid=save-header')

    def show_rungs(self, ladder: list[dict[str, str]]) -> None:
        self.rungs_area.clear()
        self.rungs = []
        with self.rungs_area:
            for number, rung in enumerate(ladder, start=1):
                with ui.row().classes('w-full gap-2 no-wrap items-start').props('data-testid=rung'):
                    self.rungs.append((
                        ui.input(self.tr('prepare.rung', number=number), value=rung.get('label', ''))
                        .props('outlined dense').classes('rung-label'),
                        ui.input(self.tr('prepare.rung_explanation', number=number),
                                 value=rung.get('explanation', '')).props('outlined dense').classes('grow')))

    def ladder(self) -> list[dict[str, str]]:
        return [{'label': label.value or '', 'explanation': explanation.value or ''} for label, explanation in self.rungs]

    def values(self) -> dict[str, Any]:
        return {'title': self.title.value or '', 'question': self.question.value or '',
                'perspectives': [line.strip() for line in (self.perspectives.value or '').split('\n') if line.strip()],
                'min_group_size': int(self.min_group_size.value) if self.min_group_size.value is not None else 0,
                'ladder': self.ladder()}
