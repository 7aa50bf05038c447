"""The ideas with the most dots, most first, with their motivations."""
from __future__ import annotations

from ...models import Step
from ..outcome import Item, StepOutcome
from .rules import DotResults

TOP = 5


def outcome(step: Step, results: DotResults) -> StepOutcome:
    dots = {bar.label: bar.count for bar in results.votes.bars}
    ranked = sorted(results.cards, key=lambda card: (-dots[str(card.id)], card.id))[:TOP]
    return StepOutcome(lines=[('outcome.respondents', {'count': results.votes.respondents}),
                              ('dots.outcome.top', {'count': len(ranked)})],
                       items=[Item(card.text, card_id=card.id, detail=card.motivation,
                                   figures=[('dots.outcome.dots', {'count': dots[str(card.id)]})]) for card in ranked])
