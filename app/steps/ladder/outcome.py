"""Per card: the middle rung people chose for now and, when asked, for where it should be."""
from __future__ import annotations

import math
from typing import Any

from ...models import Step
from ..outcome import Item, Line, StepOutcome


def outcome(step: Step, results: dict[str, Any]) -> StepOutcome:
    rungs = results['rungs']

    def rung(median: float | None) -> Line:
        if median is None:
            return ('outcome.not_placed', {})
        if median == int(median):
            return ('outcome.rung', {'number': int(median), 'label': rungs[int(median) - 1]})
        return ('outcome.between', {'low': math.floor(median), 'high': math.ceil(median)})

    def figure(card: dict[str, Any]) -> Line:
        if results['two_positions']:
            return ('outcome.now_desired', {'now': rung(card['median_now']), 'desired': rung(card['median_desired'])})
        return ('outcome.now', {'now': rung(card['median_now'])})

    return StepOutcome(lines=[('outcome.placed', {'count': results['respondents']})],
                       items=[Item(card['text'], card_id=card['id'], detail=card.get('motivation', ''),
                                   figures=[figure(card)]) for card in results['cards']])
