"""Questions in the workbook: the questions are in Kaarten (they are cards), each vote a Stemmen row, and in the
Samenvatting every question with its votes and where it stands."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from openpyxl.worksheet.worksheet import Worksheet

from ...export.blocks import table
from ...models import Answer, Step
from .rules import QuestionResults

if TYPE_CHECKING:  # the export imports the registry, which imports every kind
    from ...export.facts import Facts


def vote(answer: Answer) -> tuple[Any, str, str]:
    return answer.value, 'stem', 'Wil dit ook beantwoord zien'


def summary(sheet: Worksheet, row: int, facts: Facts, step: Step, results: QuestionResults) -> int:
    rows = [(question.text, question.votes, 'beantwoord' if question.answered else 'open', len(question.merged))
            for question in results.questions]
    rows += [(card.text, 0, 'wacht op goedkeuring', 0) for card in results.waiting]
    return table(sheet, row, ['Vraag', 'Stemmen', 'Status', 'Samengevoegd'], rows)
