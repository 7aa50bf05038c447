"""Per question: how many said ja, ja maar and nee want."""
from __future__ import annotations

from ...models import Step
from ..outcome import Item, StepOutcome
from .rules import ConsentItem, ConsentResults


def outcome(step: Step, results: ConsentResults) -> StepOutcome:
    def item(asked: ConsentItem) -> Item:
        counts = {bar.label: bar.count for bar in asked.votes.bars}
        return Item(asked.card.text, card_id=asked.card.id or None, figures=[('consent.outcome.counts', counts)])
    return StepOutcome(items=[item(asked) for asked in results.items])
