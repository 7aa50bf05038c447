"""Large tap targets for picking one or several options; the chosen one is marked by a check mark
and aria-pressed as well as by colour (samenspraak.css). Drawn by choices.js: one element per group."""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from nicegui.element import Element
from nicegui.events import GenericEventArguments


class Choices(Element, component='choices.js', default_classes='choices'):
    def __init__(self, options: list[tuple[Any, str]], selected: set[Any],
                 on_pick: Callable[[Any], Awaitable[None]], *, testid: str = 'choice', row: bool = False) -> None:
        super().__init__()
        self._values = [value for value, _ in options]
        self._on_pick = on_pick
        self._props.update(testid=testid, selected=self._chosen(selected))
        self.relabel(options)
        if row:
            self._classes.append('choices-row')
        self.on('pick', self._picked)

    def relabel(self, options: list[tuple[Any, str]]) -> None:
        """The same options with new labels, e.g. a card marked as done."""
        self._props['options'] = [{'value': value, 'label': label} for value, label in options]

    def mark(self, selected: set[Any]) -> None:
        self._props['selected'] = self._chosen(selected)

    def _chosen(self, selected: set[Any]) -> list[Any]:
        return [value for value in self._values if value in selected]

    async def _picked(self, event: GenericEventArguments) -> None:
        """The browser says which option: only one of ours counts (events can be forged; True is not 1)."""
        picked = event.args
        for value in self._values:
            if value == picked and type(value) is type(picked):
                await self._on_pick(value)
                return
