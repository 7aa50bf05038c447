"""Large tap targets for picking one or several options; the chosen one is marked by a check mark
and aria-pressed as well as by colour."""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from nicegui import ui


class Choices:
    def __init__(self, options: list[tuple[Any, str]], selected: set[Any],
                 on_pick: Callable[[Any], Awaitable[None]], *, testid: str = 'choice', row: bool = False) -> None:
        self._buttons: dict[Any, tuple[ui.button, str]] = {}
        with (ui.row() if row else ui.column()).classes('choices w-full gap-2'):
            for value, label in options:
                button = ui.button(label, on_click=lambda value=value: on_pick(value)) \
                    .props(f'data-testid={testid} data-value="{value}" no-caps').classes('choice-button')
                self._buttons[value] = (button, label)
        self.mark(selected)

    def mark(self, selected: set[Any]) -> None:
        for value, (button, label) in self._buttons.items():
            chosen = value in selected
            button.set_text(f'✓ {label}' if chosen else label)
            button.props(f'aria-pressed={"true" if chosen else "false"} '
                         f'color={"primary" if chosen else "white"} text-color={"white" if chosen else "primary"}')
