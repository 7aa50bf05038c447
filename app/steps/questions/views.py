from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from nicegui import app, ui
from nicegui.element import Element
from nicegui.events import GenericEventArguments

from ...i18n import Translator
from ...widgets.tap import TapButton
from ..shapes import ShownCard
from ..viewbase import PhoneContext, ScreenContext
from .rules import QuestionResults, Settings


def _new_key() -> str:
    return uuid.uuid4().hex


@dataclass
class Draft:
    """What a resident is writing here, kept for this page's connection across rebuilds of the step view: a new
    question or a moderation changes what the step asks about, and that rebuilds the view on every phone."""
    text: str = ''
    request_key: str = field(default_factory=_new_key)  # one per question: a resend is stored once
    text_field: Any = None  # the text field of the newest build


def phone(ctx: PhoneContext) -> None:
    settings = Settings.model_validate(ctx.step.settings)
    tr = ctx.tr
    draft: Draft = app.storage.client.setdefault(f'questions-draft-{ctx.step.id}', Draft())
    ui.label(tr('questions.privacy')).classes('hint')
    if settings.approve_first:
        ui.label(tr('questions.approve_first')).classes('hint').props('data-testid=approve-first')

    def typed(event: Any) -> None:  # other words are another question, also when sent before the last was answered
        if (event.value or '') != draft.text:
            draft.text, draft.request_key = event.value or '', _new_key()

    ui.label(tr('questions.max_length', max=settings.max_length)).classes('hint')
    draft.text_field = ui.textarea(tr('questions.ask'), value=draft.text, on_change=typed) \
        .props('outlined autogrow data-testid=question-text').classes('w-full')

    async def submit() -> None:
        sent = draft.text
        mine = await ctx.send({'text': sent, 'request_key': draft.request_key})
        if mine is not None:
            if draft.text == sent:  # else the resident is already writing the next question: keep it
                draft.text_field.value = ''
            show(mine)

    async def vote(card_id: int, add: bool) -> None:
        mine = await ctx.send({'card': card_id, 'add': add})
        if mine is not None:
            show(mine)

    TapButton(tr('questions.send'), submit, testid='send-question').classes('big-button')
    progress = ui.label().classes('hint').props('data-testid=questions-progress')
    own = ui.column().classes('w-full gap-2')
    ui.label(tr('questions.others')).classes('section-title').props('role=heading aria-level=2')
    ui.label(tr('questions.vote_hint')).classes('hint')
    nothing = ui.label(tr('questions.none_yet')).classes('hint').props('data-testid=no-questions')
    listed = QuestionList(tr, ctx.asks.cards, vote)

    def show(mine: dict[str, Any]) -> None:
        progress.set_text(tr('questions.progress', count=len(mine['own']), max=settings.max_per_person))
        own.clear()
        with own:
            if mine['own']:
                ui.label(tr('questions.yours')).classes('section-title').props('role=heading aria-level=2')
            for question in mine['own']:
                with ui.element('div').classes('own-card') \
                        .props(f'data-testid=own-question data-card={question["id"]}'):
                    ui.label(question['text'])
                    ui.label(tr(f'questions.state_{question["state"]}')).classes('question-state') \
                        .props('data-testid=own-question-state')
        shown = listed.show({item['id'] for item in mine['own']}, set(mine['voted']))
        nothing.set_visibility(not shown)
    show(ctx.mine)


class QuestionList(Element, component='question_list.js', default_classes='question-list-host w-full'):
    """The questions of others, each with its vote button: one element for all."""

    def __init__(self, tr: Translator, cards: tuple[ShownCard, ...], on_vote: Any) -> None:
        super().__init__()
        self._tr = tr
        self._cards = cards
        self._on_vote = on_vote
        self._props.update(vote=tr('questions.vote'), questions=[], **{'data-testid': 'question-list'})
        self.on('vote', self._voted)

    def show(self, own: set[int], voted: set[int]) -> int:
        """Show the questions that are not this participant's own; returns how many."""
        tr = self._tr
        self._props['questions'] = [{'id': card.id, 'text': card.text, 'voted': card.id in voted,
                                     'merged': tr('questions.merged', count=len(card.merged)) if card.merged else '',
                                     'label': tr('questions.vote_for', text=card.text[:60])}
                                    for card in self._cards if card.id not in own]
        return len(self._props['questions'])

    async def _voted(self, event: GenericEventArguments) -> None:
        """[card id, give]; anything else is a forged event and ignored (the rules check the card)."""
        if (isinstance(event.args, list) and len(event.args) == 2 and type(event.args[0]) is int
                and type(event.args[1]) is bool):
            await self._on_vote(*event.args)


def screen(ctx: ScreenContext):  # type: ignore[no-untyped-def]
    """The questions by votes, live; the number of votes written out, an answered one marked with a word."""
    tr = ctx.tr
    note = ui.label().classes('results-note').props('data-testid=questions-note')
    ranking = ui.element('ol').classes('question-ranking').props('data-testid=question-ranking')
    shown: list[tuple[Any, ...]] = []

    def update(results: QuestionResults) -> None:
        note.set_text(tr('questions.count', count=len(results.questions)) + ' '
                      + tr('questions.voters', count=results.voters))
        signature = [(question.id, question.votes, question.answered, len(question.merged))
                     for question in results.questions]
        if signature == shown:
            return
        shown[:] = signature
        ranking.clear()
        with ranking:
            for question in results.questions:
                with ui.element('li').classes('is-answered' if question.answered else '') \
                        .props(f'data-testid=ranked-question data-card={question.id}'):
                    ui.label(tr('questions.votes', count=question.votes)).classes('question-votes') \
                        .props('data-testid=question-votes')
                    ui.label(question.text).classes('question-text')
                    if question.answered:
                        ui.label('✓ ' + tr('questions.answered')).classes('question-answered') \
                            .props('data-testid=question-answered')
    return update


def console(ctx: ScreenContext):  # type: ignore[no-untyped-def]
    """For the facilitator: approve waiting questions, mark shown ones answered (hiding is in the card list)."""
    tr = ctx.tr
    ui.label(tr('questions.moderation')).classes('section-title').props('role=heading aria-level=2')
    rows = ui.column().classes('w-full gap-1')
    shown: list[tuple[Any, ...]] = []

    def row(card_id: int, text: str, state: str, action: str, button: str) -> None:
        with ui.row().classes('w-full items-center gap-2 no-wrap console-card') \
                .props(f'data-testid=console-question data-card={card_id}'):
            ui.label(text).classes('grow')
            ui.label(tr(f'questions.state_{state}')).classes('hint')
            ui.button(tr(button), on_click=lambda: ctx.moderate({'card': card_id, 'do': action})) \
                .props(f'flat dense data-testid={action}-question')

    def update(results: QuestionResults) -> None:
        signature = [*((card.id, 'waiting') for card in results.waiting),
                     *((question.id, question.answered) for question in results.questions)]
        if signature == shown:
            return
        shown[:] = signature
        rows.clear()
        with rows:
            for card in results.waiting:
                row(card.id, card.text, 'waiting', 'show', 'questions.approve')
            for question in results.questions:
                if question.answered:
                    row(question.id, question.text, 'answered', 'show', 'questions.not_answered')
                else:
                    row(question.id, question.text, 'shown', 'answered', 'questions.mark_answered')
    return update
