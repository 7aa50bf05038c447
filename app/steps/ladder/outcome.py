"""Per card: the middle rung people chose for now and, when asked, for where it should be."""
from __future__ import annotations

import math

from ...models import Step
from ..outcome import Item, Line, StepOutcome
from .rules import LadderCard, LadderResults


def outcome(step: Step, results: LadderResults) -> StepOutcome:
    def rung(median: float | None) -> Line:
        if median is None:
            return ('ladder.outcome.not_placed', {})
        if median == int(median):
            return ('ladder.outcome.rung', {'number': int(median), 'label': results.rungs[int(median) - 1]})
        return ('ladder.outcome.between', {'low': math.floor(median), 'high': math.ceil(median)})

    def figure(placed: LadderCard) -> Line:
        if results.two_positions:
            return ('ladder.outcome.now_desired', {'now': rung(placed.summary.median_now),
                                            'desired': rung(placed.summary.median_desired)})
        return ('ladder.outcome.now', {'now': rung(placed.summary.median_now)})

    return StepOutcome(lines=[('ladder.outcome.placed', {'count': results.respondents})],
                       items=[Item(placed.card.text, card_id=placed.card.id, detail=placed.card.motivation,
                                   figures=[figure(placed)]) for placed in results.cards])
