"""The questions by their votes, and which were answered during the session."""
from __future__ import annotations

from ...models import Step
from ..outcome import Item, StepOutcome
from .rules import QuestionResults


def outcome(step: Step, results: QuestionResults) -> StepOutcome:
    return StepOutcome(lines=[('questions.outcome.asked', {'count': len(results.questions)})],
                       items=[Item(question.text, card_id=question.id,
                                   figures=[('questions.outcome.votes', {'count': question.votes}),
                                            *([('questions.outcome.answered', {})] if question.answered else [])])
                              for question in results.questions])
