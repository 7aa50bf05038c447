"""The console's run panel: what a facilitator needs while the session runs — who is in and who answered, the step
now and next, previous/next, lock, reveal, split, a blank screen and the timer — with the keys a presenter remote
sends. On a laptop it is the left column; on the facilitator's phone it is the top of the page, a remote."""
from __future__ import annotations

from collections.abc import Awaitable, Callable

from nicegui import ui
from nicegui.elements.mixins.text_element import TextElement
from nicegui.events import KeyEventArguments

from .. import workshop as workshops
from ..i18n import Translator
from ..widgets.countdown import Countdown
from .screen import answered_line

STEP_KEYS = {'PageDown': 1, 'ArrowRight': 1, 'PageUp': -1, 'ArrowLeft': -1}
BLANK_KEYS = {'b', 'B'}
# the translation keys of the keys shown, and of what they do
SHORTCUTS = ((('console.key_left', 'console.key_page_up'), 'console.previous_step'),
             (('console.key_right', 'console.key_page_down'), 'console.next_step'),
             (('console.key_b',), 'console.blank_action'))

Act = Callable[..., Awaitable[bool]]


class RunControls:
    def __init__(self, tr: Translator, act: Act) -> None:
        self.tr = tr
        self.act = act
        self.state: workshops.State | None = None
        self.tables: list[str] = []
        self.participants = 0

    def build(self) -> None:
        tr = self.tr
        with ui.element('div').classes('console-counts'):
            self.people = ui.label().props('data-testid=people')
            self.answered = ui.label().props('data-testid=answered')
        self.step_bar = ui.column().classes('w-full gap-2')
        self.countdown = Countdown(tr)
        ui.label(tr('console.shortcuts')).classes('section-title').props('role=heading aria-level=2')
        with ui.element('dl').classes('shortcuts'):
            for keys, action in SHORTCUTS:
                with ui.element('div').classes('shortcut'):
                    with ui.element('dt'):
                        for number, key in enumerate(keys):
                            if number:
                                TextElement(tag='span', text=f' {tr("console.or")} ')
                            TextElement(tag='kbd', text=tr(key))
                    TextElement(tag='dd', text=tr(action))
        ui.keyboard(on_key=self.on_key, ignore=['input', 'select', 'textarea'])

    @property
    def workshop_id(self) -> int:
        assert self.state is not None
        return self.state.workshop.id

    def show(self, state: workshops.State, tables: list[str]) -> None:
        """Rebuilt when the workshop's state changed (a step, a lock, a reveal, the timer, the blank screen) or
        its tables did (with tables, the results can be split by table too)."""
        self.state, self.tables = state, tables
        self.step_bar.clear()
        with self.step_bar:
            self.step_controls()
        step = state.current
        self.countdown.set_end(step.timer_ends_at if step else None)

    def show_people(self, participants: int, on_paper: int) -> None:
        """How many joined, and how many of them answer on paper (a table host enters their answers)."""
        self.participants = participants
        self.people.set_text(self.tr('console.people', count=participants)
                             + (' ' + self.tr('console.on_paper', count=on_paper) if on_paper else ''))

    def show_answered(self, answered: int | None) -> None:
        step = self.state.current if self.state else None
        self.answered.set_text(answered_line(self.tr, step, answered, self.participants))

    def step_controls(self) -> None:
        tr, state = self.tr, self.state
        step = state.current
        blank = state.workshop.screen_blank
        if step is not None:
            number = state.steps.index(step) + 1
            ui.label(tr('console.step_of', number=number, total=len(state.steps), title=step.title)) \
                .classes('step-title').props('data-testid=current-step')
            following = workshops.neighbour_step(state, 1)
            ui.label(tr('console.next_up', title=following.title) if following else tr('console.no_next')) \
                .classes('hint').props('data-testid=next-step')
            with ui.element('div').classes('run-buttons'):
                for offset, key, testid in ((-1, 'console.previous', 'previous'), (1, 'console.next', 'next')):
                    neighbour = workshops.neighbour_step(state, offset)
                    keys = ' '.join(name for name, moves in STEP_KEYS.items() if moves == offset)
                    button = ui.button(tr(key), on_click=lambda neighbour=neighbour: self.act(
                        workshops.go_to_step, self.workshop_id, neighbour.id)) \
                        .props(f'data-testid={testid} aria-keyshortcuts="{keys}"')
                    button.set_enabled(neighbour is not None)
                ui.button(tr('console.unlock_step' if step.locked else 'console.lock_step'),
                          on_click=lambda: self.act(workshops.lock_step, step.id, not step.locked)) \
                    .props('outline data-testid=lock-step')
                ui.button(tr('console.hide_results' if step.results_visible else 'console.show_results'),
                          on_click=lambda: self.act(workshops.show_results, step.id, not step.results_visible)) \
                    .props('outline data-testid=reveal')
        with ui.element('div').classes('run-buttons'):
            if step is not None:
                splits = [('perspective', 'console.split', 'split')]
                if self.tables or step.split_by == 'table':
                    splits.append(('table', 'console.split_table', 'split-table'))
                # one split at a time: switching one on switches the other off; two share the cell, one above the other
                with ui.column().classes('gap-0').props(f'role=group aria-label="{tr("console.split_group")}"'):
                    for by, key, testid in splits:
                        ui.switch(tr(key), value=step.split_by == by, on_change=lambda event, by=by: self.act(
                            workshops.split_results, step.id, by if event.value else '')) \
                            .props(f'{"dense " if len(splits) > 1 else ""}data-testid={testid}')
            ui.button(tr('console.unblank' if blank else 'console.blank'), on_click=self.toggle_blank) \
                .props(f'{"" if blank else "outline "}data-testid=blank aria-keyshortcuts=B '
                       f'aria-pressed={str(blank).lower()}')
        if blank:
            ui.label(tr('console.screen_is_blank')).classes('locked-note').props('data-testid=blank-note')
        if step is not None:
            with ui.element('div').classes('run-buttons timer-buttons'):
                minutes = ui.number(tr('console.minutes'), value=5, min=0.5, max=120, step=0.5) \
                    .props('outlined data-testid=timer-minutes')
                ui.button(tr('console.start_timer'), on_click=lambda: self.act(
                    workshops.start_timer, step.id, float(minutes.value or 0) or None)) \
                    .props('outline data-testid=start-timer')
                if step.timer_ends_at:
                    ui.button(tr('console.stop_timer'),
                              on_click=lambda: self.act(workshops.start_timer, step.id, None)) \
                        .props('flat data-testid=stop-timer')

    async def toggle_blank(self) -> None:
        await self.act(workshops.blank_screen, self.workshop_id, not self.state.workshop.screen_blank)

    async def on_key(self, event: KeyEventArguments) -> None:
        """Arrow keys and Page Up/Down (what a presenter remote sends) move between steps; B blanks the screen."""
        if self.state is None or not event.action.keydown or event.action.repeat:
            return
        if event.key.name in BLANK_KEYS and not (event.modifiers.ctrl or event.modifiers.alt or event.modifiers.meta):
            await self.toggle_blank()
            return
        offset = STEP_KEYS.get(event.key.name)
        neighbour = workshops.neighbour_step(self.state, offset) if offset else None
        if neighbour is not None:
            await self.act(workshops.go_to_step, self.workshop_id, neighbour.id)
