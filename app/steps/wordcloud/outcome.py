"""The answers given most often, with how many gave each; hidden answers are not named."""
from __future__ import annotations

from ...models import Step
from ..outcome import Item, StepOutcome
from .rules import CloudResults

TOP = 10


def outcome(step: Step, results: CloudResults) -> StepOutcome:
    return StepOutcome(lines=[('outcome.respondents', {'count': results.respondents}),
                              ('wordcloud.outcome.top', {'count': min(TOP, len(results.words))})],
                       items=[Item(word.text, figures=[('outcome.people', {'count': word.count})])
                              for word in results.words[:TOP]])
