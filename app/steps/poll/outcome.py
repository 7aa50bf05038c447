"""How many people chose each answer."""
from __future__ import annotations

from typing import Any

from ...models import Step
from ..outcome import Item, StepOutcome


def outcome(step: Step, results: dict[str, Any]) -> StepOutcome:
    return StepOutcome(lines=[('outcome.respondents', {'count': results['respondents']})],
                       items=[Item(bar['label'], figures=[('outcome.people', {'count': bar['count']})])
                              for bar in results['bars']])
