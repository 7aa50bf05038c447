"""How many people chose each number, and the average."""
from __future__ import annotations

from ...models import Step
from ..outcome import Item, StepOutcome
from .rules import ScaleResults


def outcome(step: Step, results: ScaleResults) -> StepOutcome:
    lines = [('outcome.respondents', {'count': results.votes.respondents})]
    if results.mean is not None:
        lines.append(('scale.outcome.mean', {'mean': round(results.mean, 1)}))
    return StepOutcome(lines=lines, items=[Item(bar.label, figures=[('outcome.people', {'count': bar.count})])
                                           for bar in results.votes.bars])
