"""What a step came to, for the residents' results page and the participatieverslag: plain data, no NiceGUI.

Each kind says it with its declared `outcome(step, results)` (usually in its outcome.py), given the step and its
`results` (the minimum group size already applied), returning a StepOutcome or None when the kind has nothing to
report (an explanation, the ordering). Texts are translation keys with their arguments, so the page says
them in the phone's language and the report in Dutch; an argument may itself be such a line."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..i18n import Translator

Line = tuple[str, dict[str, Any]]  # a translation key and its arguments


@dataclass
class Item:
    """One thing the step was about: a card (`card_id`, which may carry the municipality's answer) or an option."""
    text: str
    card_id: int | None = None
    detail: str = ''  # a resident's motivation
    figures: list[Line] = field(default_factory=list)


@dataclass
class StepOutcome:
    lines: list[Line] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)


def say(tr: Translator, line: Line) -> str:
    """A line in the translator's language; numbers with its decimal sign."""
    key, args = line
    return tr(key, **{name: say(tr, value) if isinstance(value, tuple) else
                      f'{value:g}'.replace('.', tr('meta.decimal')) if isinstance(value, float) else value
                      for name, value in args.items()})
