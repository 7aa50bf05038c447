"""The items by the points they got, with their share of all points."""
from __future__ import annotations

from ...models import Step
from ..outcome import Item, StepOutcome
from .rules import PointsResults


def outcome(step: Step, results: PointsResults) -> StepOutcome:
    return StepOutcome(lines=[('outcome.respondents', {'count': results.respondents})],
                       items=[Item(item.card.text, card_id=item.card.id if step.settings.get('cards_from') else None,
                                   detail=item.card.motivation,
                                   figures=[('points.outcome.points', {'count': item.total, 'share': item.share})])
                              for item in results.items])
