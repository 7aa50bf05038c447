"""An explanation step: nothing to report on the results page or in the participatieverslag."""
from __future__ import annotations

from ...models import Step
from ..outcome import StepOutcome


def outcome(step: Step, results: object) -> StepOutcome | None:
    return None
