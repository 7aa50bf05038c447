"""A bar chart of labelled counts that updates its elements in place; the count is always written out,
so nothing depends on colour or bar length alone."""
from __future__ import annotations

from typing import Any

from nicegui import ui

from ..steps.shapes import Bar
from ..steps.shapes import Bars as BarCounts


class Bars:
    def __init__(self, *, testid: str = 'bars') -> None:
        self._container = ui.column().classes('bars w-full').props(f'data-testid={testid}')
        self._keys: list[str] = []
        self._rows: dict[str, tuple[ui.element, ui.label, ui.element, ui.label]] = {}

    def show(self, items: list[tuple[str, str, int]]) -> None:
        """`items` are (key, label, count); with the same keys only counts, widths and, when sorted by count,
        the order change: a dot vote reorders its rows on every count and must not rebuild them each time."""
        keys = [key for key, _, _ in items]
        if sorted(keys) != sorted(self._keys):
            self._rebuild(items)
        elif keys != self._keys:
            for index, key in enumerate(keys):
                self._rows[key][0].move(target_index=index)
            self._keys = keys
        highest = max((count for _, _, count in items), default=0) or 1
        for key, label, count in items:
            _, label_element, bar, count_element = self._rows[key]
            label_element.set_text(label)
            count_element.set_text(str(count))
            bar.style(f'width: {max(count / highest * 100, 0.5):.1f}%')

    def _rebuild(self, items: list[tuple[str, str, int]]) -> None:
        self._container.clear()
        self._rows.clear()
        self._keys = [key for key, _, _ in items]
        with self._container:
            for key, label, _ in items:
                with ui.element('div').classes('bar-row w-full') as row:
                    row._props['data-key'] = key  # not through .props(): a key (a perspective, an option) is plan text
                    label_element = ui.label(label).classes('bar-label').props('dir=auto')
                    with ui.row().classes('w-full items-center no-wrap gap-2'):
                        with ui.element('div').classes('bar-track'):
                            bar = ui.element('div').classes('bar-fill')
                        count_element = ui.label('0').classes('bar-count').props('data-testid=count')
                self._rows[key] = (row, label_element, bar, count_element)


class SplitBars:
    """Bars overall and, when asked, per group (a perspective or a table; only the groups the results carry)."""

    def __init__(self, tr: Any) -> None:
        self._tr = tr
        self._overall = Bars()
        self._note = ui.label().classes('results-note')
        self._groups = ui.element('div').classes('w-full groups')  # side by side on the screen
        self._group_bars: dict[str, Bars] = {}

    def show(self, results: BarCounts, labels: dict[str, str], split: bool, *, sort: bool = False) -> None:
        def items(bar_list: tuple[Bar, ...]) -> list[tuple[str, str, int]]:
            rows = [(bar.label, labels.get(bar.label, bar.label), bar.count) for bar in bar_list]
            return sorted(rows, key=lambda row: -row[2]) if sort else rows

        self._overall.show(items(results.bars))
        note = self._tr('results.respondents', count=results.respondents)
        if split and results.hidden_respondents:
            note += ' ' + self._tr('results.hidden_groups', count=results.hidden_respondents)
        self._note.set_text(note)
        groups = results.groups if split else ()
        if [group.name for group in groups] != list(self._group_bars):
            self._groups.clear()
            self._group_bars.clear()
            with self._groups:
                for group in groups:
                    ui.label(group.name).classes('group-title')
                    self._group_bars[group.name] = Bars(testid='group-bars')
        for group in groups:
            self._group_bars[group.name].show(items(group.bars))
