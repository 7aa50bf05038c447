"""Per question: how many said ja, ja maar and nee want."""
from __future__ import annotations

from typing import Any

from ...models import Step
from ..outcome import Item, StepOutcome


def outcome(step: Step, results: dict[str, Any]) -> StepOutcome:
    def item(asked: dict[str, Any]) -> Item:
        counts = {bar['label']: bar['count'] for bar in asked['bars']}
        return Item(asked['text'], card_id=asked['id'] or None, figures=[('outcome.consent', counts)])
    return StepOutcome(items=[item(asked) for asked in results['items']])
