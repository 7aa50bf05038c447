"""Every visible card, with its motivation and how many cards were merged into it."""
from __future__ import annotations

from ...models import Step
from ..outcome import Item, StepOutcome
from ..shapes import CardList


def outcome(step: Step, results: CardList) -> StepOutcome:
    return StepOutcome(
        lines=[('cards.outcome.count', {'count': len(results.cards)})],
        items=[Item(card.text, card_id=card.id, detail=card.motivation,
                    figures=[('cards.outcome.merged', {'count': len(card.merged)})] if card.merged else [])
               for card in results.cards])
