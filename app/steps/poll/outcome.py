"""How many people chose each answer."""
from __future__ import annotations

from ...models import Step
from ..outcome import Item, StepOutcome
from ..shapes import Bars


def outcome(step: Step, results: Bars) -> StepOutcome:
    return StepOutcome(lines=[('outcome.respondents', {'count': results.respondents})],
                       items=[Item(bar.label, figures=[('outcome.people', {'count': bar.count})])
                              for bar in results.bars])
