"""An explanation step: nothing to report on the results page or in the participatieverslag."""
from __future__ import annotations

from typing import Any

from ...models import Step
from ..outcome import StepOutcome


def outcome(step: Step, results: dict[str, Any]) -> StepOutcome | None:
    return None
