from __future__ import annotations

from dataclasses import replace
from typing import Any

from nicegui import ui

from ...widgets.bars import SplitBars
from ...widgets.tap import TapButton
from ..shapes import Bars
from ..viewbase import PhoneContext, ScreenContext
from .rules import CloudResults, Settings, Word

CLOUD_SIZE = 30  # answers in the cloud on the projector, the most given
TOP = 10  # of them also as bars with their counts: the cloud's sizes are never the only way to read it
GROUP_TOP = 5  # bars per perspective group, when the facilitator splits the results
SMALLEST, LARGEST = 1.3, 3.2  # font sizes in the cloud, in em: 36 to 90 pixels on the projector
CLOUD_STYLE = 'gap: .15em .9em; overflow-wrap: anywhere'


def phone(ctx: PhoneContext) -> None:
    settings = Settings.model_validate(ctx.step.settings)
    tr = ctx.tr

    async def give() -> None:
        sent = field.value or ''
        mine = await ctx.send({'text': sent})
        if mine is not None:
            if field.value == sent:  # else the resident is already typing the next answer: keep it
                field.value = ''
            show(mine)

    async def take_back(text: str) -> None:
        mine = await ctx.send({'take_back': text})
        if mine is not None:
            show(mine)
            field.run_method('focus')  # its button is gone: the keyboard goes on where a new answer is typed

    ui.label(tr('wordcloud.privacy')).classes('hint')
    with ui.column().classes('w-full gap-2') as form:
        field = ui.input(tr('wordcloud.answer')).props('outlined data-testid=wordcloud-text').classes('w-full') \
            .on('keydown.enter', give)
        ui.label(tr('wordcloud.limit', max=settings.max_length)).classes('hint')
        TapButton(tr('wordcloud.send'), give, testid='wordcloud-send').classes('big-button')
    left = ui.label().classes('status-line').props('data-testid=wordcloud-left')
    own = ui.column().classes('w-full gap-2').props('data-testid=wordcloud-own')

    def show(mine: dict[str, Any]) -> None:
        form.set_visibility(mine['left'] > 0)
        left.set_text(tr('wordcloud.left', count=mine['left']) if mine['left'] else tr('wordcloud.none_left'))
        own.clear()
        with own:
            for text in mine['answers']:
                with ui.row().classes('own-card w-full items-center justify-between gap-2') \
                        .props('data-testid=wordcloud-answer'):
                    ui.label(text).classes('text-weight-bold')
                    TapButton(tr('wordcloud.take_back'), lambda text=text: take_back(text), style='outline',
                              testid='wordcloud-take-back', aria_label=tr('wordcloud.take_back_of', text=text))
    show(ctx.mine)


def screen(ctx: ScreenContext):  # type: ignore[no-untyped-def]
    """The most given answers as a cloud, larger the more often given, and the top ones as bars with their counts
    written out (per perspective group when the facilitator splits); hidden answers are not in `results.words`
    and so never reach the screen.

    Styled inline and with Quasar's classes: a kind's style.css is not served yet (see the kind's report)."""
    tr = ctx.tr
    cloud = ui.element('div').classes('row justify-center items-baseline w-full').style(CLOUD_STYLE) \
        .props('data-testid=word-cloud')
    note = ui.label().classes('results-note').props('data-testid=wordcloud-note')
    ui.label(tr('wordcloud.top')).classes('results-item')
    top = SplitBars(tr)
    shown: list[tuple[str, int]] = []

    def update(results: CloudResults) -> None:
        words = results.words[:CLOUD_SIZE]
        note.set_text(tr('wordcloud.more', count=len(results.words) - len(words)) if len(results.words) > len(words)
                      else '' if words else tr('wordcloud.empty'))
        top.show(_top(results.counts), {word.id: word.text for word in words}, bool(ctx.step.split_by),
                 sort=True)
        signature = [(word.text, word.count) for word in words]
        if signature == shown:
            return
        shown[:] = signature
        cloud.clear()
        with cloud:
            for word in sorted(words, key=lambda word: word.key):  # a steady place: words grow where they stand
                ui.label(word.text).classes('text-weight-bold').props('data-testid=cloud-word') \
                    .style(f'font-size: {_size(word, words):.2f}em; line-height: 1.15; max-width: 100%')
    return update


def _top(counts: Bars) -> Bars:
    """The most given overall (the counts come sorted) and, of those, the most given in each group."""
    return replace(counts, bars=counts.bars[:TOP], groups=tuple(
        replace(group, bars=tuple(sorted(group.bars[:TOP], key=lambda bar: -bar.count)[:GROUP_TOP]))
        for group in counts.groups))


def _size(word: Word, words: tuple[Word, ...]) -> float:
    """The font size in em: SMALLEST for the least given … LARGEST for the most given, in between by count."""
    least, most = min(each.count for each in words), max(each.count for each in words)
    share = (word.count - least) / (most - least) if most > least else .5
    return SMALLEST + (LARGEST - SMALLEST) * share


def console(ctx: ScreenContext):  # type: ignore[no-untyped-def]
    """Every answer given, shown or hidden, each with a button to hide it from the screen or show it again."""
    tr = ctx.tr
    ui.label(tr('wordcloud.moderation')).classes('section-title').props('role=heading aria-level=2')
    ui.label(tr('wordcloud.moderation_hint')).classes('hint')
    rows = ui.column().classes('w-full gap-1').props('data-testid=wordcloud-moderation')
    shown: list[tuple[str, int, bool]] = []

    def update(results: CloudResults) -> None:
        answers = sorted([*((word, False) for word in results.words), *((word, True) for word in results.hidden)],
                         key=lambda pair: -pair[0].count)
        signature = [(word.text, word.count, hidden) for word, hidden in answers]
        if signature == shown:
            return
        shown[:] = signature
        rows.clear()
        with rows:
            for word, hidden in answers:
                with ui.row().classes('w-full items-center gap-2 no-wrap').props('data-testid=moderated-answer'):
                    ui.label(tr('wordcloud.moderated', text=word.text, count=word.count)
                             + (' ' + tr('wordcloud.hidden') if hidden else '')) \
                        .classes('grow' + (' hidden-card' if hidden else '')).style('overflow-wrap: anywhere')
                    button = ui.button(tr('wordcloud.show' if hidden else 'wordcloud.hide'),
                                       on_click=lambda word=word, hidden=hidden: ctx.moderate(
                                           {'text': word.text, 'hidden': not hidden})) \
                        .props('flat dense data-testid=hide-answer')
                    button.props['aria-label'] = tr('wordcloud.show_of' if hidden else 'wordcloud.hide_of',
                                                    text=word.text)
    return update
